import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import type { ValueLensApi } from '../../src/api';

describe('the value report in an untrusted workspace', () => {
  it('opens without script and without git: coverage is unavailable, the rest is there', async () => {
    const api = await vscode.extensions.getExtension<ValueLensApi>('value-lens.value-lens')!.activate();
    const folder = vscode.workspace.workspaceFolders![0]!;
    await api.store.whenIdle();
    await vscode.commands.executeCommand('valueLens.openReport');
    const shot = api.report.snapshot();
    assert.ok(shot?.report);
    assert.ok(!/<script/i.test(shot.webviewHtml), 'a script in restricted mode');
    assert.match(shot.webviewHtml, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; /);
    assert.match(shot.webviewHtml, /Restricted mode/);
    assert.strictEqual(shot.report.headline.coverage, null);
    assert.match(shot.body, /Commit coverage is unavailable: this workspace is not trusted/);
    assert.match(shot.body, /data-figure="expected:EUR:year">€60,000</);
    const log = process.env.VALUE_LENS_GIT_LOG;
    const calls = log && fs.existsSync(log) ? fs.readFileSync(log, 'utf8').split('\n').filter((l) => l.startsWith(folder.uri.fsPath)) : [];
    assert.deepStrictEqual(calls, []);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
