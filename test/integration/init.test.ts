import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { InitResult } from '../../src/core/init/runInit';

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
});
