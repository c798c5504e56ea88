import * as assert from 'assert';
import { execFileSync } from 'child_process';
import { InvalidGitInputError, NotARepositoryError } from '../../../src/core/git/gitErrors';
import { SimpleGitPort } from '../../../src/core/git/simpleGitPort';
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
      execFileSync('git', ['commit', '-q', '--allow-empty', '-m', message], { cwd: repo.dir, env: { ...GIT_ENV, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date }, stdio: 'ignore' });
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
