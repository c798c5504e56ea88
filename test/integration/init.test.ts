import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ValueLensApi } from '../../src/api';
import type { InitResult } from '../../src/core/init/runInit';
import { isFullScan } from '../../src/core/linking/branchScan';
import { until } from '../support/until';

describe('Value: Initialize Value Lens in This Folder', () => {
  it('leaves an existing setup alone, adds only the missing pre-push hook, and a second run changes nothing', async () => {
    const folder = vscode.workspace.workspaceFolders![0]!;
    const config = path.join(folder.uri.fsPath, '.value', 'config.yaml');
    const before = fs.readFileSync(config, 'utf8');
    const hook = path.join(folder.uri.fsPath, '.git', 'hooks', 'pre-push');
    try {
      const first = await vscode.commands.executeCommand<InitResult>('valueLens.init', { folder: folder.uri, hook: true, firstIntent: false });
      assert.deepStrictEqual([first.created, first.hook, first.changed], [[], 'installed', true]);
      assert.match(fs.readFileSync(hook, 'utf8'), /value-lens check --branch/);
      const second = await vscode.commands.executeCommand<InitResult>('valueLens.init', { folder: folder.uri, hook: true, firstIntent: false });
      assert.deepStrictEqual([second.created, second.hook, second.changed], [[], 'present', false]);
      assert.strictEqual(fs.readFileSync(config, 'utf8'), before);
    } finally {
      fs.rmSync(hook, { force: true });
    }
  });

  it('offers no pre-push hook where there is no git: it returns without asking', async function () {
    this.timeout(30000);
    const folder = vscode.workspace.workspaceFolders![0]!;
    const config = vscode.workspace.getConfiguration('git');
    const before = config.inspect<unknown>('path')?.globalValue;
    try {
      // A git that cannot run is, to Initialize, no repository: a hook question would wait for an answer forever.
      await config.update('path', `/nonexistent/value-lens-${process.pid}/git`, vscode.ConfigurationTarget.Global);
      const result = await vscode.commands.executeCommand<InitResult>('valueLens.init', { folder: folder.uri, firstIntent: false });
      assert.deepStrictEqual([result.created, result.hook, result.changed], [[], 'skipped', false]);
      assert.ok(!fs.existsSync(path.join(folder.uri.fsPath, '.git', 'hooks', 'pre-push')));
    } finally {
      await config.update('path', before, vscode.ConfigurationTarget.Global);
    }
    // Later suites expect links from git as before: wait until git runs again.
    const api = await vscode.extensions.getExtension<ValueLensApi>('value-lens.value-lens')!.activate();
    await api.linking.refresh();
    await until('links from git again', () => {
      const links = api.linking.linksOf(folder);
      return links && !links.unavailable && links.scan && isFullScan(links.scan) ? links.scan : undefined;
    });
  });
});
