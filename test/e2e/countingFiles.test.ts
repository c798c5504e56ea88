import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { demoWorkbenchForSuite, viewRows } from './workbench';

describe('the Current view while git lists the changed files (browser)', function () {
  this.timeout(120000);
  let slowFlag = '';
  // A git that takes 6 s over Value Lens's `git status` (its only call with --no-ahead-behind)
  // once the flag file exists: long enough to see the first half of a scan on its own.
  const workbench = demoWorkbenchForSuite(undefined, (parent) => {
    slowFlag = path.join(parent, 'slow-status');
    const real = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
    const slowGit = path.join(parent, 'git');
    fs.writeFileSync(slowGit, `#!/bin/sh\ncase " $* " in *" --no-ahead-behind "*) [ -e '${slowFlag}' ] && sleep 6;; esac\nexec '${real}' "$@"\n`, { mode: 0o755 });
    return { 'git.path': slowGit };
  });

  it('shows a new commit at once, says "Counting changed files…" until git status answers, then lists the unlinked files', async () => {
    const { page, folder } = workbench();
    await page.locator('.activitybar a.action-label[aria-label="Value"]').click();
    const current = viewRows(page, 'Current');
    await current.filter({ hasText: 'Unlinked files' }).waitFor({ timeout: 30000 });
    fs.writeFileSync(slowFlag, '');
    const git = (...args: string[]): string => execFileSync('git', args, { cwd: folder, encoding: 'utf8' });
    fs.appendFileSync(path.join(folder, 'src', 'checkout', 'cart.ts'), '// retry after 200 ms\n');
    git('commit', '-q', '-am', 'Tune the retry delay\n\nIntent: checkout-speed');
    // The first half (branch, intents, commits) comes while git status still runs.
    await current.filter({ hasText: 'Counting changed files…' }).waitFor({ timeout: 5000 });
    await current.filter({ hasText: 'Unlinked files' }).waitFor({ state: 'detached', timeout: 5000 });
    // Then the whole scan replaces it.
    await current.filter({ hasText: 'Unlinked files' }).waitFor({ timeout: 30000 });
    await current.filter({ hasText: 'Counting changed files…' }).waitFor({ state: 'detached', timeout: 5000 });
  });
});
