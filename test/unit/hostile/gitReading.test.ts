import * as assert from 'assert';
import * as fs from 'fs';
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
});
