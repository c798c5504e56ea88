import vscode = require('vscode');
import type { EditsFor } from '../core/yaml/editYamlFile';
import { editYamlFile } from '../core/yaml/editYamlFile';
import { minimalChange } from '../core/yaml/textChange';
import { applyYamlEdits } from '../core/yaml/yamlEdits';

/**
 * The one way Value Lens changes a `.value/` file. When the file is open, the edit goes through
 * the editor (a WorkspaceEdit: undo works, unsaved user changes are kept and never clobbered);
 * otherwise it is written atomically, and only if the file did not change on disk since it was
 * read. `edits` may be computed from the text as it is (the open editor's, unsaved changes included). Comments, key order and formatting survive either way. Returns false when nothing changed.
 * @throws Error with a message for the user (untrusted workspace, YAML errors, write conflict).
 */
export async function editValueFile(folder: vscode.WorkspaceFolder, uri: vscode.Uri, edits: EditsFor): Promise<boolean> {
  if (!vscode.workspace.isTrusted) throw new Error(vscode.l10n.t('This workspace is not trusted, so Value Lens does not change its files.'));
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (!open) return editYamlFile(uri.fsPath, edits, { root: folder.uri.fsPath });

  const before = open.getText();
  const change = minimalChange(before, applyYamlEdits(before, typeof edits === 'function' ? edits(before) : edits));
  if (!change) return false;
  const wasDirty = open.isDirty;
  const edit = new vscode.WorkspaceEdit();
  edit.replace(uri, new vscode.Range(open.positionAt(change.start), open.positionAt(change.end)), change.text);
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error(vscode.l10n.t('{0} could not be edited: the editor refused the change.', vscode.workspace.asRelativePath(uri)));
  // A clean file stays clean (our change is saved); a file with unsaved user changes is left for the user to save.
  if (!wasDirty) await open.save();
  return true;
}
