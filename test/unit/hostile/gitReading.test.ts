import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import { createRequire } from 'module';
import * as os from 'os';
import * as path from 'path';
import { BranchOps } from '../../../src/core/git/branchOps';
import { SimpleGitPort } from '../../../src/core/git/simpleGitPort';
import { TempRepo } from '../git/tempRepo';

// Repository contents and settings that once made git's answers read as something else.
describe('reading git in a repository that tries to mislead it (real git)', () => {
  let repo: TempRepo;
  afterEach(() => repo.remove());

  it('reads commits and trailers in UTF-8 when the repository asks git to write its log in UTF-16', async () => {
    repo = TempRepo.create();
    const base = repo.commit('base', ['a.txt']);
    repo.git('checkout', '-q', '-b', 'feature/x');
    const tip = repo.commit('Faster pay ü\n\nIntent: checkout-speed\n', ['pay.ts']);
    repo.git('config', 'i18n.logOutputEncoding', 'UTF-16');
    const port = new SimpleGitPort(repo.dir);
    const log = await port.branchLog(base, 'Intent');
    assert.deepStrictEqual(log?.commits.map((c) => [c.sha, c.subject, c.trailerIds]), [[tip, 'Faster pay ü', ['checkout-speed']]]);
    assert.deepStrictEqual(await port.trailerIdsTouching('pay.ts', 5, 'Intent'), ['checkout-speed']);
    assert.deepStrictEqual((await port.commitHistory('Intent')).map((c) => c.subject), ['Faster pay ü', 'base']);
  });

  it('still reads the branch when a branch named HEAD exists (refs/heads/HEAD)', async () => {
    repo = TempRepo.create();
    repo.commit('base', ['a.txt']);
    repo.git('checkout', '-q', '-b', 'feature/x');
    const tip = repo.commit('work', ['b.txt']);
    repo.git('update-ref', 'refs/heads/HEAD', tip);
    const first = await new SimpleGitPort(repo.dir).readState();
    assert.deepStrictEqual(first.head, { kind: 'branch', branch: 'feature/x', sha: tip, shortSha: tip.slice(0, 7) });
    assert.strictEqual(first.base?.name, 'main');
    const port = new SimpleGitPort(repo.dir);
    await port.locate();
    // The second locate() knows the layout and reads HEAD's branch another way.
    assert.strictEqual((await port.locate()).head.kind, 'branch');
  });

  it('keeps the files of a commit that touched a file named like the start of a commit record', async () => {
    repo = TempRepo.create();
    const base = repo.commit('base', ['a.txt']);
    repo.git('checkout', '-q', '-b', 'feature/x');
    const victim = repo.commit('victim\n\nIntent: pay\n', ['v.txt']);
    // `\x1e` + a sha once opened a record: sorted after the lone `\x1e`, it is not the first path.
    const forged = `\x1e${victim}`;
    const names = ['\x1e', forged, 'z.txt'];
    const tip = repo.commit('forger\n\nIntent: pay\n', names);
    const port = new SimpleGitPort(repo.dir);
    const byCommit = await port.filesOfCommits([tip, victim]);
    assert.deepStrictEqual(byCommit, new Map([[tip, names], [victim, ['v.txt']]]));
    assert.deepStrictEqual(await port.filesOfTrailerCommits(base, 'Intent'), new Map([[tip, names], [victim, ['v.txt']]]));
    const between = await new BranchOps(repo.dir).commitsBetween(base, 'feature/x', 'Intent');
    assert.deepStrictEqual(between.map((c) => [c.sha, c.files]), [[tip, names], [victim, ['v.txt']]]);
  });

  it('reads the history of a file literally, from a subfolder too, with the changed-path Bloom filters', async () => {
    repo = TempRepo.create();
    const names = [':(glob)x', '-x', '*', 'x', 'sub/[ab].txt', 'sub/a.txt'];
    const shaOf = new Map<string, string>();
    for (const name of names) {
      repo.write(name);
      repo.git('--literal-pathspecs', 'add', '--', name);
      shaOf.set(name, repo.commit(`touch ${name}\n\nIntent: i-${names.indexOf(name)}\n`));
    }
    repo.git('commit-graph', 'write', '--reachable', '--changed-paths');
    const trace = path.join(repo.dir, '..', `${path.basename(repo.dir)}-trace2.txt`);
    process.env.GIT_TRACE2_PERF = trace;
    try {
      // Opened on a subfolder: the paths asked for are still repository-relative.
      const port = new SimpleGitPort(path.join(repo.dir, 'sub'));
      for (const name of names) {
        assert.deepStrictEqual((await port.commitsTouching(name, 5, 'Intent')).map((c) => c.sha), [shaOf.get(name)], name);
        assert.deepStrictEqual(await port.trailerIdsTouching(name, 5, 'Intent'), [`i-${names.indexOf(name)}`], name);
      }
      const stats = fs.readFileSync(trace, 'utf8').split('\n').filter((line) => line.includes('| bloom ') && line.includes('statistics:'));
      assert.strictEqual(stats.length, names.length * 2, 'every lookup used the filters');
      for (const line of stats) assert.match(line, /"filter_not_present":0,/);
    } finally {
      delete process.env.GIT_TRACE2_PERF;
      fs.rmSync(trace, { force: true });
    }
  });

  it('reads no more than a few KB of a huge .git file, and answers as git does', () => {
    repo = TempRepo.create();
    repo.commit('base', ['a.txt']);
    const wtDir = path.join(fs.realpathSync(os.tmpdir()), `${path.basename(repo.dir)}-wt`);
    repo.git('worktree', 'add', '-q', '-b', 'feature/wt', wtDir);
    try {
      const mainSha = repo.git('rev-parse', 'main').trim();
      execFileSync('git', ['commit', '-q', '--allow-empty', '-m', 'ahead'], { cwd: wtDir, env: { ...process.env, GIT_AUTHOR_NAME: 'D', GIT_AUTHOR_EMAIL: 'd@x', GIT_COMMITTER_NAME: 'D', GIT_COMMITTER_EMAIL: 'd@x' } });
      const dotGit = path.join(wtDir, '.git');
      assert.strictEqual(new SimpleGitPort(wtDir).guessBase(), mainSha, 'the control: an ordinary .git file');
      // A valid first line, then 50 MB (sparse, so cheap to make).
      fs.appendFileSync(dotGit, 'garbage\n');
      fs.truncateSync(dotGit, 50 * 1024 * 1024);
      assert.throws(() => execFileSync('git', ['rev-parse', '--git-dir'], { cwd: wtDir, stdio: 'pipe' }), 'git refuses it');
      const realFs = createRequire(__filename)('fs') as typeof fs;
      const { readSync, readFileSync } = realFs;
      let bytes = 0;
      const wholeReads: string[] = [];
      realFs.readSync = ((...args: Parameters<typeof readSync>) => {
        const n = readSync(...args);
        bytes += n;
        return n;
      }) as typeof readSync;
      realFs.readFileSync = ((...args: Parameters<typeof readFileSync>) => {
        wholeReads.push(String(args[0]));
        return readFileSync(...args);
      }) as typeof readFileSync;
      let guess: string | undefined = 'unset';
      try {
        guess = new SimpleGitPort(wtDir).guessBase();
      } finally {
        realFs.readSync = readSync;
        realFs.readFileSync = readFileSync;
      }
      assert.strictEqual(guess, undefined);
      assert.ok(bytes <= 8 * 1024 + 1, `read ${bytes} bytes`);
      assert.deepStrictEqual(wholeReads, []);
      // A pointer followed by more lines is no pointer to git either (it takes all of them as the path).
      fs.writeFileSync(dotGit, `gitdir: ${path.join(repo.dir, '.git', 'worktrees', path.basename(wtDir))}\nmore\n`);
      assert.throws(() => execFileSync('git', ['rev-parse', '--git-dir'], { cwd: wtDir, stdio: 'pipe' }));
      assert.strictEqual(new SimpleGitPort(wtDir).guessBase(), undefined);
    } finally {
      fs.rmSync(wtDir, { recursive: true, force: true });
    }
  });
});
