import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ValueLensApi } from '../../src/api';
import { until } from '../support/until';


const ours = (uri: vscode.Uri): vscode.Diagnostic[] => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Value Lens');

describe('problems in .value/ files, in the Problems panel', () => {
  let root: string;
  before(async () => {
    const ext = vscode.extensions.getExtension<ValueLensApi>('value-lens.value-lens');
    assert.ok(ext);
    await ext.activate();
    root = vscode.workspace.workspaceFolders![0]!.uri.fsPath;
  });

  it('shows a broken intent file at the right line, and clears it as soon as the editor text is fixed', async () => {
    const file = path.join(root, '.value', 'intents', 'broken-intent.yaml');
    fs.writeFileSync(file, '# An intent with one mistake\nid: broken-intent\ntitle: Broken\nwhy: To test problems\nowner: qa\nstatus: finished\n');
    const uri = vscode.Uri.file(file);
    try {
      const diagnostic = await until('a diagnostic on the broken file', () => ours(uri)[0]);
      assert.strictEqual(diagnostic.range.start.line, 5);
      assert.strictEqual(diagnostic.range.start.character, 8);
      assert.strictEqual(diagnostic.severity, vscode.DiagnosticSeverity.Error);
      assert.match(diagnostic.message, /"status" must be one of proposed, active, delivered, dropped/);

      // Fix it in the editor without saving: the problem goes away on change, not on save.
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc);
      const edit = new vscode.WorkspaceEdit();
      edit.replace(uri, new vscode.Range(5, 8, 5, 16), 'active');
      assert.ok(await vscode.workspace.applyEdit(edit));
      assert.ok(doc.isDirty);
      await until('the diagnostic to clear', () => ours(uri).length === 0);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    } finally {
      fs.rmSync(file, { force: true });
    }
    await until('diagnostics of a deleted file to go', () => ours(uri).length === 0);
  });

  it('keeps an intent with a mistyped status in the Intents view, marked, with its links (issue 18, item 8)', async () => {
    const api = (await vscode.extensions.getExtension<ValueLensApi>('value-lens.value-lens')!.activate());
    const uri = vscode.Uri.file(path.join(root, '.value', 'intents', 'checkout-speed.yaml'));
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const at = doc.getText().indexOf('status: active');
    assert.ok(at >= 0);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(doc.positionAt(at + 8), doc.positionAt(at + 14)), 'finished');
    assert.ok(await vscode.workspace.applyEdit(edit));
    try {
      await until('the status problem', () => ours(uri).find((d) => d.code === 'schema.enum'));
      await api.store.whenIdle();
      const entry = api.store.folders[0]!.model.intents.get('checkout-speed');
      assert.strictEqual(entry?.hasErrors, true);
      const active = api.views.intents.getChildren().find((g) => g.label === 'Active');
      assert.ok(active, 'still in its status group');
      const node = api.views.intents.getChildren(active as never).find((n) => n.label === 'Faster checkout');
      assert.ok(node, 'the intent is still listed');
      assert.match(String(node.description), /^has errors/);
      // Only the file's own error: no unknown-trailer or unknown-intent warnings in its wake.
      const others = vscode.languages.getDiagnostics().flatMap(([, ds]) => ds).filter((d) => d.source === 'Value Lens' && (d.code === 'unknown-intent' || (d.code === 'unknown-trailer-intent' && /names "checkout-speed"/.test(d.message))));
      assert.deepStrictEqual(others, []);
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
    await until('the problem to clear', () => !ours(uri).some((d) => d.code === 'schema.enum'));
  });

  it('reports an id that does not match the file name, and a release naming an unknown intent', async () => {
    const intent = vscode.Uri.file(path.join(root, '.value', 'intents', 'named-wrong.yaml'));
    const release = vscode.Uri.file(path.join(root, '.value', 'releases', '9.0.0.yaml'));
    await vscode.workspace.fs.writeFile(intent, Buffer.from('id: other-name\ntitle: T\nwhy: W\nowner: O\nstatus: active\n'));
    await vscode.workspace.fs.writeFile(release, Buffer.from('release: "9.0.0"\nbranch: release/9.0.0\nbase: main\ncreated: 2026-01-01\nexpected:\n  summary: S\n  intents: [nowhere]\n'));
    try {
      const mismatch = await until('id mismatch', () => ours(intent)[0]);
      assert.strictEqual(mismatch.code, 'id-mismatch');
      assert.strictEqual(mismatch.range.start.line, 0);
      const unknown = await until('unknown intent', () => ours(release)[0]);
      assert.strictEqual(unknown.code, 'unknown-intent');
      assert.strictEqual(unknown.severity, vscode.DiagnosticSeverity.Warning);
      assert.deepStrictEqual([unknown.range.start.line, unknown.range.start.character], [6, 12]);
    } finally {
      await vscode.workspace.fs.delete(intent);
      await vscode.workspace.fs.delete(release);
    }
  });

  it('leaves the valid demo files without problems', async () => {
    const { store } = await vscode.extensions.getExtension<ValueLensApi>('value-lens.value-lens')!.activate();
    await store.whenIdle();
    const files = fs.readdirSync(path.join(root, '.value', 'intents')).map((f) => vscode.Uri.file(path.join(root, '.value', 'intents', f)));
    assert.ok(files.length >= 4);
    for (const uri of files) assert.deepStrictEqual(ours(uri).map((d) => d.message), [], uri.fsPath);
  });

  it('contributes the JSON Schemas to the YAML extension for completion and hover', () => {
    const ext = vscode.extensions.getExtension('value-lens.value-lens')!;
    const contributions = (ext.packageJSON as { contributes: { yamlValidation: { fileMatch: string; url: string }[] } }).contributes.yamlValidation;
    const byMatch = Object.fromEntries(contributions.map((c) => [c.fileMatch, c.url]));
    assert.strictEqual(byMatch['.value/intents/*.yaml'], './schemas/intent.schema.json');
    assert.strictEqual(byMatch['.value/releases/*.yaml'], './schemas/release.schema.json');
    assert.strictEqual(byMatch['.value/config.yaml'], './schemas/config.schema.json');
    for (const url of new Set(Object.values(byMatch))) {
      const schema = JSON.parse(fs.readFileSync(path.join(ext.extensionPath, url), 'utf8')) as { $schema: string };
      assert.match(schema.$schema, /json-schema\.org/);
    }
  });
});
