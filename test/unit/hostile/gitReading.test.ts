import * as assert from 'assert';
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
});
