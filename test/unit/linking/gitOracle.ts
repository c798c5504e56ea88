import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { GIT_ENV, TempRepo } from '../git/tempRepo';

/**
 * Git's own answers, the oracle for our glob reading: which paths a .gitignore made of
 * `patterns` ignores (`git check-ignore --no-index`, the paths need not exist; a path's last
 * segment is taken as a file), and which branch names `git for-each-ref` lists for a glob.
 */
export class GitOracle {
  private readonly repo = TempRepo.create();
  private readonly excludes = path.join(this.repo.dir, '.git', 'test-excludes');
  private branchesMade = new Set<string>();

  /** For each path: whether git ignores it under these patterns (one .gitignore line each). */
  ignored(patterns: readonly string[], paths: readonly string[]): boolean[] {
    fs.writeFileSync(this.excludes, `${patterns.join('\n')}\n`);
    const run = spawnSync('git', ['-c', `core.excludesFile=${this.excludes}`, 'check-ignore', '--no-index', '-v', '-n', '-z', '--stdin'], {
      cwd: this.repo.dir,
      env: GIT_ENV,
      input: paths.map((p) => `${p}\0`).join(''),
      encoding: 'utf8',
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    // Exit code 1: no path is ignored.
    if (run.status !== 0 && run.status !== 1) throw new Error(`git check-ignore failed: ${run.stderr}`);
    const out = run.stdout;
    // -z -v -n: source, line, pattern, path, each ended by NUL; a `!` pattern re-includes.
    const fields = out.split('\0');
    const answers = new Map<string, boolean>();
    for (let i = 0; i + 3 < fields.length; i += 4) answers.set(fields[i + 3] ?? '', (fields[i + 2] ?? '') !== '' && !(fields[i + 2] ?? '').startsWith('!'));
    return paths.map((p) => answers.get(p) ?? false);
  }

  /** For each branch name: whether `git for-each-ref refs/heads/<glob>` lists it (wildmatch with WM_PATHNAME). */
  branchMatches(glob: string, names: readonly string[]): boolean[] {
    if (this.branchesMade.size === 0) this.repo.commit('root');
    for (const name of names) {
      if (this.branchesMade.has(name)) continue;
      this.repo.git('branch', name);
      this.branchesMade.add(name);
    }
    const listed = new Set(this.repo.git('for-each-ref', '--format=%(refname)', `refs/heads/${glob}`).split('\n'));
    return names.map((n) => listed.has(`refs/heads/${n}`));
  }

  remove(): void {
    this.repo.remove();
  }
}
