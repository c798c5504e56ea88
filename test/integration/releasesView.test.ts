import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as vscode from 'vscode';
import type { ValueLensApi } from '../../src/api';
import { until } from '../support/until';

describe('the Releases view lists release branches that state no value', () => {
  let api: ValueLensApi;
  let folder: vscode.WorkspaceFolder;
  const git = (...args: string[]): string => execFileSync('git', args, { cwd: folder.uri.fsPath, encoding: 'utf8' });
  const rows = (): [string, string][] => api.views.releases.getChildren().map((n) => [typeof n.label === "string" ? n.label : n.label?.label ?? "", String(n.description)]);

  before(async () => {
    api = await vscode.extensions.getExtension<ValueLensApi>('value-lens.value-lens')!.activate();
    folder = vscode.workspace.workspaceFolders![0]!;
  });

  it('shows a release branch made without a checkout, and one that only arrived from a remote', async () => {
    git('branch', 'release/7.0.0', 'main');
    git('update-ref', 'refs/remotes/origin/release/8.0.0', 'main');
    try {
      const shown = await until('the unstated release branches', () => {
        const r = rows();
        return r.some(([l]) => l === 'release/7.0.0') && r.some(([l]) => l === 'release/8.0.0') && r;
      }, 15000);
      assert.ok(shown.some(([l, d]) => l === 'release/7.0.0' && d === 'no value stated'));
      assert.ok(shown.some(([l, d]) => l === 'release/8.0.0' && d === 'no value stated · origin/release/8.0.0'));
      // release/2.4.0 has its statement: it shows as the reviewed release, not as unstated.
      assert.ok(!shown.some(([l, d]) => l === 'release/2.4.0' && d.startsWith('no value stated')));
      assert.ok(shown.some(([l]) => l === '2.4.0'));
    } finally {
      git('branch', '-D', 'release/7.0.0');
      git('update-ref', '-d', 'refs/remotes/origin/release/8.0.0');
    }
    await until('the branches to leave the view', () => !rows().some(([l]) => l.startsWith('release/')), 15000);
  });
});
