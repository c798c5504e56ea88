import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import type { ValueLensApi } from '../../src/api';
import { until } from '../support/until';


/** Every git call recorded by the `git` wrapper the test run puts first on PATH: "cwd<TAB>args". */
function gitCalls(): string[] {
  const log = process.env.VALUE_LENS_GIT_LOG;
  assert.ok(log, 'the run must set VALUE_LENS_GIT_LOG');
  return fs.existsSync(log) ? fs.readFileSync(log, 'utf8').split('\n').filter(Boolean) : [];
}

describe('an untrusted workspace (restricted mode)', () => {
  let api: ValueLensApi;
  let folder: vscode.WorkspaceFolder;
  before(async () => {
    assert.strictEqual(vscode.workspace.isTrusted, false, 'this suite must run in an untrusted workspace');
    const ext = vscode.extensions.getExtension<ValueLensApi>('value-lens.value-lens')!;
    await until('activation', () => ext.isActive);
    api = await ext.activate();
    folder = vscode.workspace.workspaceFolders![0]!;
    await api.store.whenIdle();
  });

  it('still reads .value/: intents are listed and problems shown', () => {
    assert.deepStrictEqual(api.views.intents.getChildren().map((g) => g.label), ['Active', 'Proposed', 'Delivered']);
  });

  it('starts no git process at all, and says why links from git are off', async () => {
    await vscode.commands.executeCommand('valueLens.refresh');
    await new Promise((r) => setTimeout(r, 1500)); // past every debounce
    const ours = gitCalls().filter((line) => line.startsWith(folder.uri.fsPath));
    assert.deepStrictEqual(ours, []);
    const links = await until('the folder to be tracked', () => {
      const l = api.linking.linksOf(folder);
      return l?.unavailable ? l : undefined;
    });
    assert.match(links.unavailable ?? '', /not trusted.*no git command/);
    assert.strictEqual(links.scan, undefined);
  });

  it('links files by path glob only', async () => {
    const cart = await api.linking.fileIntents(vscode.Uri.joinPath(folder.uri, 'src', 'checkout', 'cart.ts'));
    assert.deepStrictEqual(cart, [{ id: 'checkout-speed', reasons: ['path'] }]);
  });

  it('writes nothing: edits are refused with a reason, and New Intent is disabled', async () => {
    const uri = vscode.Uri.joinPath(folder.uri, '.value', 'intents', 'checkout-speed.yaml');
    const before = fs.readFileSync(uri.fsPath, 'utf8');
    await assert.rejects(api.editValueFile(folder, uri, [{ kind: 'set', path: ['owner'], value: 'x' }]), /not trusted/);
    assert.strictEqual(fs.readFileSync(uri.fsPath, 'utf8'), before);
    const manifest = vscode.extensions.getExtension('value-lens.value-lens')!.packageJSON as { contributes: { commands: { command: string; enablement?: string }[] } };
    assert.strictEqual(manifest.contributes.commands.find((c) => c.command === 'valueLens.newIntent')?.enablement, 'isWorkspaceTrusted');
  });
});
