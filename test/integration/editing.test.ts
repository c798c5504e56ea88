import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ValueLensApi } from '../../src/api';
import { NotTextFileError, UnsafeWritePathError, WriteConflictError, WriteFailedError } from '../../src/core/yaml/atomicWrite';
import { YamlSyntaxError } from '../../src/core/yaml/yamlEdits';
import { gitFailureText, isWriteError, writeErrorText } from '../../src/state/errorText';
import { GitCommandError, GitTimeoutError } from '../../src/core/git/gitErrors';

describe('editing .value/ files without losing a byte', () => {
  let api: ValueLensApi;
  let folder: vscode.WorkspaceFolder;
  before(async () => {
    const ext = vscode.extensions.getExtension<ValueLensApi>('value-lens.value-lens');
    assert.ok(ext);
    api = await ext.activate();
    folder = vscode.workspace.workspaceFolders![0]!;
  });
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('edits an open file through the editor: unsaved user changes stay, undo takes back only our edit', async () => {
    const uri = vscode.Uri.joinPath(folder.uri, '.value', 'intents', 'guided-onboarding.yaml');
    const onDisk = fs.readFileSync(uri.fsPath, 'utf8');
    const editor = await vscode.window.showTextDocument(uri);
    await editor.edit((b) => b.insert(new vscode.Position(editor.document.lineCount - 1, 0), '# draft note, not saved\n'));
    const userText = editor.document.getText();

    assert.ok(await api.editValueFile(folder, uri, [{ kind: 'set', path: ['owner'], value: 'onboarding-squad' }]));
    assert.strictEqual(editor.document.getText(), userText.replace('owner: growth-team', 'owner: onboarding-squad'));
    assert.ok(editor.document.isDirty, 'a buffer with unsaved user changes must not be saved for them');
    assert.strictEqual(fs.readFileSync(uri.fsPath, 'utf8'), onDisk, 'the disk must not change behind the editor');

    await vscode.commands.executeCommand('undo');
    assert.strictEqual(editor.document.getText(), userText);
  });

  it('writes a closed file atomically, keeping comments and layout', async () => {
    const uri = vscode.Uri.joinPath(folder.uri, '.value', 'intents', 'checkout-speed.yaml');
    const before = fs.readFileSync(uri.fsPath, 'utf8');
    try {
      assert.ok(await api.editValueFile(folder, uri, [{ kind: 'add', path: ['links'], value: 'https://dash.example/checkout' }]));
      const after = fs.readFileSync(uri.fsPath, 'utf8');
      assert.ok(after.startsWith('# Why we are making checkout faster, and what it is worth.\n'));
      assert.strictEqual(after.replace(', "https://dash.example/checkout"', ''), before);
      assert.deepStrictEqual(fs.readdirSync(path.dirname(uri.fsPath)).filter((f) => !f.endsWith('.yaml')), [], 'a temp file was left behind');
    } finally {
      fs.writeFileSync(uri.fsPath, before);
    }
  });

  it('refuses to rewrite a file with YAML errors, and says where', async () => {
    const uri = vscode.Uri.joinPath(folder.uri, '.value', 'intents', 'broken-for-edit.yaml');
    fs.writeFileSync(uri.fsPath, 'id: broken-for-edit\ntitle: [oops\n');
    try {
      await assert.rejects(api.editValueFile(folder, uri, [{ kind: 'set', path: ['owner'], value: 'x' }]), /YAML errors.*not changed/);
      assert.strictEqual(fs.readFileSync(uri.fsPath, 'utf8'), 'id: broken-for-edit\ntitle: [oops\n');
    } finally {
      fs.rmSync(uri.fsPath, { force: true });
    }
  });

  it('says why a write was refused in the display language, in the same words as the core', () => {
    const refusals: Error[] = [
      new WriteConflictError('a.yaml', 'exists'),
      new WriteConflictError('a.yaml', 'changed'),
      new WriteConflictError('a.yaml', 'deleted'),
      new UnsafeWritePathError('a.yaml', '/work'),
      new NotTextFileError('a.yaml'),
      ...(['disk-full', 'permission', 'read-only'] as const).flatMap((reason) => [new WriteFailedError('a.yaml', reason, undefined), new WriteFailedError('a.yaml', reason, undefined, true)]),
      new YamlSyntaxError([{ message: 'Nested mappings are not allowed', line: 3, column: 7 }]),
      new YamlSyntaxError([]),
    ];
    // English is the display language here: the translated text must be the core's, word for word.
    for (const refusal of refusals) assert.strictEqual(writeErrorText(refusal), refusal.message);
    assert.ok(refusals.every(isWriteError));
    assert.strictEqual(writeErrorText(new Error('other')), 'other');
    assert.strictEqual(isWriteError(new Error('other')), false);
  });

  it('says why git failed in the display language, in the same words as the core, git\'s own kept', () => {
    const failures: Error[] = [
      new GitTimeoutError(['--no-optional-locks', 'status', '--porcelain=v1'], 120),
      new GitCommandError(['-c', 'color.ui=false', 'log', '-z'], 128, 'fatal: bad revision \'x\'\nmore', ''),
      new GitCommandError(['rev-parse'], 1, '', ''),
    ];
    for (const failure of failures) assert.strictEqual(gitFailureText(failure), failure.message);
    assert.strictEqual(gitFailureText(failures[1]), "git log failed (exit 128): fatal: bad revision 'x'");
    assert.strictEqual(gitFailureText(new Error('other')), 'other');
  });
});
