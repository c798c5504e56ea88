import * as assert from 'assert';
import { execFileSync } from 'child_process';
import { InvalidGitInputError, NotARepositoryError } from '../../../src/core/git/gitErrors';
import { SimpleGitPort } from '../../../src/core/git/simpleGitPort';
import { readReportCommits } from '../../../src/core/report/readReportCommits';
import { GIT_ENV, TempRepo } from '../git/tempRepo';

describe('commit history for the report (real git)', () => {
  let repo: TempRepo;
  beforeEach(() => {
    repo = TempRepo.create();
  });
  afterEach(() => repo.remove());

  it('lists HEAD history with dates and trailer ids, newest first, without merges', async () => {
    const first = repo.commit('first\n\nIntent: a, b\n', ['one.txt']);
    repo.git('checkout', '-q', '-b', 'side');
    const side = repo.commit('side\n\nIntent: c\n', ['side.txt']);
    repo.git('checkout', '-q', 'main');
    const main = repo.commit('main work\n', ['two.txt']);
    repo.git('merge', '-q', '--no-ff', '-m', 'Merge side\n\nIntent: merged\n', 'side');
    repo.git('checkout', '-q', '-b', 'elsewhere');
    repo.commit('not on main\n\nIntent: z\n', ['z.txt']);
    repo.git('checkout', '-q', 'main');

    const commits = await new SimpleGitPort(repo.dir).commitHistory('Intent');
    assert.deepStrictEqual(commits.map((c) => c.sha).sort(), [first, side, main].sort());
    const bySha = new Map(commits.map((c) => [c.sha, c]));
    assert.deepStrictEqual(bySha.get(first)?.trailerIds, ['a', 'b']);
    assert.deepStrictEqual(bySha.get(side)?.trailerIds, ['c']);
    assert.deepStrictEqual(bySha.get(main)?.trailerIds, []);
    assert.strictEqual(bySha.get(first)?.date, '2026-01-02T03:04:05+01:00');
  });

  it('drops commits committed before `since`', async () => {
    repo.commit('base', ['base.txt']);
    const dated = (date: string, message: string): void => {
      repo.write('work.txt', message);
      repo.git('add', 'work.txt');
      execFileSync('git', ['commit', '-q', '-m', message], { cwd: repo.dir, env: { ...GIT_ENV, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date }, stdio: 'ignore' });
    };
    dated('2026-03-01T12:00:00Z', 'march\n\nIntent: m');
    dated('2026-05-20T12:00:00Z', 'may\n\nIntent: n');
    const port = new SimpleGitPort(repo.dir);
    assert.strictEqual((await port.commitHistory('Intent')).length, 3);
    const since = await port.commitHistory('Intent', '2026-02-15');
    assert.deepStrictEqual(since.map((c) => c.trailerIds[0]), ['n', 'm']);
    assert.strictEqual(since[0]?.date, '2026-05-20T12:00:00Z'.replace('Z', '+00:00'));
    assert.deepStrictEqual(await port.commitHistory('Intent', '2026-06-01'), []);
  });

  it('is empty on an unborn branch, refuses bad dates and keys, and says when there is no repository', async () => {
    const port = new SimpleGitPort(repo.dir);
    assert.deepStrictEqual(await port.commitHistory('Intent'), []);
    await assert.rejects(port.commitHistory('Intent', '--all'), InvalidGitInputError);
    await assert.rejects(port.commitHistory('Intent,valueonly'), InvalidGitInputError);
    const empty = TempRepo.create({ init: false });
    try {
      await assert.rejects(new SimpleGitPort(empty.dir).commitHistory('Intent'), NotARepositoryError);
    } finally {
      empty.remove();
    }
  });
});

describe('the history the report counts (real git)', () => {
  let repo: TempRepo;
  beforeEach(() => {
    repo = TempRepo.create();
  });
  afterEach(() => repo.remove());

  it('is the base branch\'s, named with its commit, whichever branch is checked out; --ref picks another', async () => {
    const first = repo.commit('First\n\nIntent: a\n', ['src/one.ts']);
    const second = repo.commit('Second\n', ['src/two.ts']);
    repo.git('checkout', '-q', '-b', 'feature/x');
    const feature = repo.commit('Feature\n\nIntent: a\n', ['src/three.ts']);
    const port = new SimpleGitPort(repo.dir);
    const onFeature = await readReportCommits(port, 'Intent', { since: undefined });
    repo.git('checkout', '-q', 'main');
    const onMain = await readReportCommits(port, 'Intent', { since: undefined });
    assert.deepStrictEqual(onFeature, onMain);
    assert.ok(onMain.available);
    assert.deepStrictEqual(onMain.ref, { name: 'main', sha: second });
    assert.deepStrictEqual(onMain.commits.map((c) => c.sha), [second, first]);

    const ofFeature = await readReportCommits(port, 'Intent', { since: undefined, ref: 'feature/x' });
    assert.ok(ofFeature.available);
    assert.deepStrictEqual(ofFeature.ref, { name: 'feature/x', sha: feature });
    assert.deepStrictEqual(ofFeature.commits.map((c) => c.sha), [feature, second, first]);
    const none = await readReportCommits(port, 'Intent', { since: undefined, ref: 'no-such-branch' });
    assert.deepStrictEqual(none, { available: false, reason: 'there is no branch, tag or commit named "no-such-branch".' });
    await assert.rejects(port.resolveCommit('--all'), InvalidGitInputError);
  });

  it('leaves out merges, commits that change only .value/, and in a monorepo folder the commits elsewhere', async () => {
    repo.commit('Start', ['api/src/a.ts', 'web/src/b.ts']);
    repo.git('checkout', '-q', '-b', 'side');
    const sideApi = repo.commit('Side API\n\nIntent: a\n', ['api/src/side.ts']);
    repo.git('checkout', '-q', 'main');
    repo.commit('Intents only', ['api/.value/intents/a.yaml']);
    const api = repo.commit('API', ['api/src/a.ts']);
    repo.commit('Web', ['web/src/b.ts']);
    repo.git('merge', '-q', '--no-ff', '--no-edit', 'side');
    const mixed = repo.commit('API and its intent', ['api/src/c.ts', 'api/.value/intents/a.yaml']);
    repo.commit('Top-level intents', ['.value/intents/b.yaml']);
    const inApi = await new SimpleGitPort(`${repo.dir}/api`).commitHistory('Intent');
    // By hand: Start, API, Side API and the mixed commit change api/ outside .value/.
    assert.deepStrictEqual(inApi.map((c) => c.sha).sort(), [mixed, api, sideApi, repo.git('rev-list', '--max-parents=0', 'HEAD').trim()].sort());
    // git's own count for the top level: every non-merge commit but the one that changes only its .value/.
    const all = Number(repo.git('rev-list', '--count', '--no-merges', 'HEAD').trim());
    assert.strictEqual((await new SimpleGitPort(repo.dir).commitHistory('Intent')).length, all - 1);
  });
});
