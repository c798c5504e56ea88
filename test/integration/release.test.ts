import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ValueLensApi } from '../../src/api';
import { BranchOps } from '../../src/core/git/branchOps';
import { createRelease } from '../../src/core/release/createRelease';
import { buildReleaseStatement } from '../../src/core/release/releaseStatement';
import type { MissingStatement } from '../../src/state/releaseWatcher';
import { until as untilWithin } from '../support/until';

// Release and report work starts git and webviews: give them longer than the default.
const until = <T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 15000): Promise<T> => untilWithin(what, probe, timeoutMs);


describe('release branches and their value statements (real git, demo repository)', function () {
  this.timeout(60000);
  let api: ValueLensApi;
  let folder: vscode.WorkspaceFolder;
  let home: string;
  const git = (...args: string[]): string => execFileSync('git', args, { cwd: folder.uri.fsPath, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const branch = (): string | undefined => api.linking.linksOf(folder)?.scan?.branch;
  const answers = (name: string, base: string) => ({
    release: name.slice('release/'.length), branch: name, base, created: '2026-11-26', author: 'Dana Demo <dana@example.com>',
    summary: 'New shops publish their first product within a week.',
    intents: ['guided-onboarding'],
    measures: [{ metric: 'shops publishing in week 1', baseline: 48, target: 65, review: '2099-01-15' }],
    value: { amount: 80000, currency: 'EUR', per: 'year' as const },
  });

  before(async () => {
    api = (await vscode.extensions.getExtension<ValueLensApi>('value-lens.value-lens')!.activate());
    folder = vscode.workspace.workspaceFolders![0]!;
    await until('the first scan', () => branch());
    home = branch()!;
  });

  afterEach(async () => {
    // Back to where the other suites expect the demo: its feature branch, no release branches of ours.
    fs.rmSync(path.join(folder.uri.fsPath, '.value/releases/9.9.9.yaml'), { force: true });
    if (branch() !== home) git('checkout', '--quiet', home);
    for (const b of ['release/9.8.0', 'release/9.9.9']) {
      if (git('branch', '--list', b).trim()) git('branch', '--quiet', '-D', b);
    }
    await api.store.refresh();
    await api.linking.refresh();
    await api.releaseWatcher.refresh();
  });

  it('creates the branch from the base and commits the statement holding the scripted answers', async () => {
    const plan = { folder: folder.uri.fsPath, statementName: '9.8.0', statement: buildReleaseStatement(answers('release/9.8.0', 'main')), createBranch: true, commit: true, trailer: 'Intent' };
    api.releaseWatcher.suppressPrompt(folder, 'release/9.8.0');
    const report = await createRelease(plan, new BranchOps(folder.uri.fsPath));
    assert.strictEqual(report.failed, undefined, JSON.stringify(report));
    assert.strictEqual(git('symbolic-ref', '--short', 'HEAD').trim(), 'release/9.8.0');
    assert.match(git('log', '-1', '--format=%B'), /Intent: guided-onboarding/);
    // The uncommitted demo change came along, untouched and uncommitted.
    assert.match(git('status', '--porcelain'), /src\/checkout\/cart\.ts/);
    await api.store.refresh();
    await until('the scan of the new branch', () => branch() === 'release/9.8.0');
    const entry = api.store.folders[0]!.model.releases.find((r) => r.name === '9.8.0');
    assert.deepStrictEqual(entry?.statement.expected, {
      summary: 'New shops publish their first product within a week.',
      intents: ['guided-onboarding'],
      measures: [{ metric: 'shops publishing in week 1', baseline: 48, target: 65, review: '2099-01-15' }],
      value: { amount: 80000, currency: 'EUR', per: 'year' },
    });
    await api.releaseWatcher.refresh();
    assert.strictEqual(api.releaseWatcher.missingFor(folder), undefined);
    assert.strictEqual(api.statusBar.view.warning, false);
  });

  it('notices `git checkout -b release/9.9.9` from a terminal, prompts once, warns in the status bar; stating the value clears it', async () => {
    const prompts: MissingStatement[] = [];
    const listener = api.releaseWatcher.onDidPrompt((m) => prompts.push(m));
    try {
      git('checkout', '--quiet', '-b', 'release/9.9.9');
      const missing = await until('the missing statement', () => api.releaseWatcher.missingFor(folder));
      assert.deepStrictEqual([missing.branch, missing.statementName], ['release/9.9.9', '9.9.9']);
      await until('the notification', () => prompts.length > 0);
      assert.deepStrictEqual(prompts.map((p) => p.branch), ['release/9.9.9']);
      assert.ok(api.releaseWatcher.prompted.includes(`${folder.uri.toString()}#release/9.9.9`));
      await until('the status-bar warning', () => api.statusBar.view.warning);

      // What State Expected Value for This Branch… does once its questions are answered.
      const report = await createRelease({ folder: folder.uri.fsPath, statementName: '9.9.9', statement: buildReleaseStatement(answers('release/9.9.9', 'main')), createBranch: false, commit: false, trailer: 'Intent' }, new BranchOps(folder.uri.fsPath));
      assert.deepStrictEqual([report.failed, report.branchCreated, report.statementWritten], [undefined, false, true]);
      await until('the statement to clear the warning', () => api.releaseWatcher.missingFor(folder) === undefined);
      await until('the status bar to drop the warning', () => !api.statusBar.view.warning);

      // Not twice in a session: the statement goes away again, the warning comes back, the prompt does not.
      fs.rmSync(path.join(folder.uri.fsPath, '.value/releases/9.9.9.yaml'));
      await until('the warning to come back', () => api.releaseWatcher.missingFor(folder));
      await new Promise((r) => setTimeout(r, 500));
      assert.strictEqual(prompts.length, 1);
    } finally {
      listener.dispose();
    }
  });
});
