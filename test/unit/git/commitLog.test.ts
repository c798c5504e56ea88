import * as assert from 'assert';
import { commitLogFormat, splitTrailerValues } from '../../../src/core/git/commitLog';
import { InvalidGitInputError } from '../../../src/core/git/gitErrors';
import { SimpleGitPort } from '../../../src/core/git/simpleGitPort';
import { TempRepo } from './tempRepo';

describe('commits ahead of base, with trailers read by git (real git)', () => {
  let repo: TempRepo;
  let base: string;
  const ahead = async (withFiles = false, key = 'Intent') => new SimpleGitPort(repo.dir).commitsAhead(base, key, withFiles);

  beforeEach(() => {
    repo = TempRepo.create();
    base = repo.commit('base', ['README.md']);
    repo.git('checkout', '-q', '-b', 'feature/x');
  });
  afterEach(() => repo.remove());

  it('reads sha, subject, author and date, newest first', async () => {
    const one = repo.commit('First change\n\nBody text.\n', ['a.txt']);
    const two = repo.commit('Second change\n', ['b.txt']);
    const commits = await ahead();
    assert.deepStrictEqual(commits.map((c) => c.sha), [two, one]);
    assert.strictEqual(commits[1]?.subject, 'First change');
    assert.strictEqual(commits[1]?.author, 'Dana Dev');
    assert.strictEqual(commits[1]?.date, '2026-01-02T03:04:05+01:00');
    assert.deepStrictEqual(commits[1]?.files, []);
  });

  it('takes several trailers, comma lists and any key case; trims and dedupes; ignores other keys', async () => {
    repo.commit('Work\n\nDetails.\n\nIntent: checkout-speed\nintent: search ,  ranking\nSigned-off-by: Dana <d@x>\nINTENT: checkout-speed\nIntent:   spaced-id   \n');
    const [commit] = await ahead();
    assert.deepStrictEqual(commit?.trailerIds, ['checkout-speed', 'search', 'ranking', 'spaced-id']);
  });

  it('uses the configured trailer key', async () => {
    repo.commit('Work\n\nIntent: a\nValue-Intent: b\n');
    assert.deepStrictEqual((await ahead(false, 'Value-Intent'))[0]?.trailerIds, ['b']);
    await assert.rejects(ahead(false, 'Intent,valueonly'), InvalidGitInputError);
  });

  it('ignores trailer-like lines in the body that are not in the final trailer block', async () => {
    repo.commit('Work\n\nIntent: fake-one\nwith more prose after it.\n\nThe last paragraph is prose, not trailers.\n');
    repo.commit('Work 2\n\nIntent: fake-two\n\nSigned-off-by: Dana <d@x>\n');
    const [second, first] = await ahead();
    assert.deepStrictEqual(first?.trailerIds, []);
    assert.deepStrictEqual(second?.trailerIds, []);
  });

  it('reads trailers of a message written with CRLF line ends', async () => {
    repo.commit('Windows commit\r\n\r\nBody.\r\n\r\nIntent: crlf-id\r\n');
    const [commit] = await ahead();
    assert.strictEqual(commit?.subject.replace(/\r$/, ''), 'Windows commit');
    assert.deepStrictEqual(commit?.trailerIds, ['crlf-id']);
  });

  it('survives non-UTF-8 bytes in a message', async () => {
    const latin1 = Buffer.concat([Buffer.from('Caf'), Buffer.from([0xe9, 0xff]), Buffer.from(' au lait\n\nIntent: coffee\n')]);
    repo.commit(latin1);
    const [commit] = await ahead();
    assert.match(commit?.subject ?? '', /^Caf.+ au lait$/);
    assert.deepStrictEqual(commit?.trailerIds, ['coffee']);
  });

  it('reads a 2 MB commit message in full', async () => {
    const subject = 'x'.repeat(2 * 1024 * 1024);
    repo.commit(`${subject}\n\n${'body line\n'.repeat(1000)}\nIntent: big-one, big-two\n`);
    const [commit] = await ahead();
    assert.strictEqual(commit?.subject.length, subject.length);
    assert.deepStrictEqual(commit?.trailerIds, ['big-one', 'big-two']);
  });

  it('lists a merge commit with its trailers and no files of its own', async () => {
    const side = repo.commit('side\n\nIntent: side-work\n', ['side.txt']);
    repo.git('checkout', '-q', '-b', 'other', base);
    const other = repo.commit('other', ['other.txt']);
    repo.git('checkout', '-q', 'feature/x');
    repo.git('merge', '-q', '--no-ff', '-m', 'Merge other\n\nIntent: merged\n', 'other');
    const commits = await ahead(true);
    const merge = commits[0];
    assert.strictEqual(merge?.subject, 'Merge other');
    assert.deepStrictEqual(merge?.trailerIds, ['merged']);
    assert.deepStrictEqual(merge?.files, []);
    assert.deepStrictEqual(commits.map((c) => c.sha).sort(), [merge?.sha, side, other].sort());
  });

  it('lists the files each commit touched, whatever their names', async () => {
    const names = ['plain.ts', 'with space.txt', 'ünïcode/ß.md', 'hash#1.txt', 'semi;colon', 'tab\there', 'new\nline', '\x1eodd'];
    repo.commit('many files\n\nIntent: files\n', names);
    repo.commit('empty\n');
    const [empty, many] = await ahead(true);
    assert.deepStrictEqual(empty?.files, []);
    assert.deepStrictEqual([...(many?.files ?? [])].sort(), [...names].sort());
    assert.deepStrictEqual(many?.trailerIds, ['files']);
  });

  it('lists the files of the commits with a trailer key line only, whatever their names', async () => {
    const names = ['plain.ts', 'with space.txt', 'ünïcode/ß.md', '-dash', 'new\nline', '\x1eodd'];
    const keyed = repo.commit('Keyed\n\nINTENT: files\n', names);
    const prose = repo.commit('Prose\n\nintent is a word here\n', ['prose.txt']);
    repo.commit('No key\n\nSigned-off-by: Dana <d@x>\n', ['unkeyed.txt']);
    repo.commit('Indented\n\n  Intent: not at a line start\n', ['indented.txt']);
    const files = await new SimpleGitPort(repo.dir).filesOfTrailerCommits(base, 'Intent');
    assert.deepStrictEqual([...files.keys()].sort(), [keyed, prose].sort());
    assert.deepStrictEqual([...(files.get(keyed) ?? [])].sort(), [...names].sort());
    assert.deepStrictEqual(files.get(prose), ['prose.txt']);
    await assert.rejects(new SimpleGitPort(repo.dir).filesOfTrailerCommits(base, '^.*'), InvalidGitInputError);
  });

  it('lists the files of given commits, in batches that keep command lines short', async function () {
    this.timeout(20000);
    repo.fastImport('feature/x', base, 450, (i) => `Bulk ${i}\n`, (i) => `bulk/f ${i}.txt`);
    const shas = repo.git('rev-list', `${base}..HEAD`).trim().split('\n');
    assert.strictEqual(shas.length, 450);
    const files = await new SimpleGitPort(repo.dir).filesOfCommits([...shas, shas[0] ?? '']);
    assert.strictEqual(files.size, 450);
    assert.deepStrictEqual(files.get(shas[0] ?? ''), ['bulk/f 449.txt']);
    assert.deepStrictEqual(files.get(shas[449] ?? ''), ['bulk/f 0.txt']);
    assert.deepStrictEqual(await new SimpleGitPort(repo.dir).filesOfCommits([]), new Map());
    await assert.rejects(new SimpleGitPort(repo.dir).filesOfCommits(['--all']), InvalidGitInputError);
  });

  it('lists all history when there is no base', async () => {
    repo.commit('one');
    const commits = await new SimpleGitPort(repo.dir).commitsAhead(undefined, 'Intent', false);
    assert.strictEqual(commits.length, 2);
    await assert.rejects(new SimpleGitPort(repo.dir).commitsAhead('HEAD~1', 'Intent', false), InvalidGitInputError);
  });

  it('reads 10,000 commits ahead in one git log call', async function () {
    this.timeout(20000);
    repo.fastImport('feature/x', base, 10_000, (i) => `Bulk ${i}\n\n${i % 2 === 0 ? 'Intent: bulk-even' : 'Signed-off-by: Bot <b@x>'}\n`, (i) => `bulk/f${i % 100}.txt`);
    let started = process.hrtime.bigint();
    const commits = await ahead(true);
    const scanMs = Number(process.hrtime.bigint() - started) / 1e6;
    assert.strictEqual(commits.length, 10_000);
    assert.strictEqual(commits.filter((c) => c.trailerIds[0] === 'bulk-even').length, 5_000);
    assert.strictEqual(commits[0]?.subject, 'Bulk 9999');
    assert.deepStrictEqual(commits[0]?.files, ['bulk/f99.txt']);
    started = process.hrtime.bigint();
    const bare = repo.git('log', '-z', commitLogFormat('Intent'), '--name-only', '--no-renames', `${base}..HEAD`, '--');
    const bareMs = Number(process.hrtime.bigint() - started) / 1e6;
    assert.ok(bare.length > 0);
    console.log(`      10,000 commits: scan ${scanMs.toFixed(0)} ms, same git log bare ${bareMs.toFixed(0)} ms`);
  });
});

describe('trailer value splitting', () => {
  it('splits comma lists, trims, drops empties, dedupes keeping order', () => {
    assert.deepStrictEqual(splitTrailerValues(['a, b', ' c ', 'a', ',, ', 'b,d']), ['a', 'b', 'c', 'd']);
    assert.deepStrictEqual(splitTrailerValues(['']), []);
  });
});
