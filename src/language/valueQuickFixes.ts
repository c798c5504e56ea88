import * as path from 'path';
import vscode = require('vscode');
import { localIsoDate } from '../core/today';
import type { ValueStore } from '../state/valueStore';
import { localize } from '../ui/localize';

/** The `.value/` YAML files, where the model's problems and their fixes are. */
export const VALUE_FILE_DOCUMENTS: vscode.DocumentSelector = [{ scheme: 'file', pattern: '**/.value/**/*.{yaml,yml}' }];

/**
 * Quick fixes for the problems the model offers one for (a value close to a valid one, an id
 * that differs from the file name, an unknown intent id close to a known one). The fix comes
 * from the model's problem at the diagnostic's place; the edit replaces that range only, so the
 * rest of the file keeps its formatting, and it is one undo step.
 */
export class ValueQuickFixProvider implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly store: ValueStore) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const state = this.store.folderOf(document.uri);
    if (!state || document.uri.scheme !== 'file') return [];
    const rel = path.relative(state.folder.uri.fsPath, document.uri.fsPath).split(path.sep).join('/');
    const problems = state.model.problems(localIsoDate()).filter((p) => p.file === rel && p.fix);
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== 'Value Lens') continue;
      const { start, end } = diagnostic.range;
      const problem = problems.find((p) => p.code === diagnostic.code
        && p.range.start.line === start.line && p.range.start.col === start.character && p.range.end.line === end.line && p.range.end.col === end.character);
      if (!problem?.fix) continue;
      const action = new vscode.CodeAction(localize(problem.fix.title), vscode.CodeActionKind.QuickFix);
      action.edit = new vscode.WorkspaceEdit();
      action.edit.replace(document.uri, diagnostic.range, problem.fix.replacement);
      action.diagnostics = [diagnostic];
      action.isPreferred = true;
      actions.push(action);
    }
    return actions;
  }
}
