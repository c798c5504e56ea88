import * as assert from 'assert';
import { commitLogFormat, CommitLogReader, markedCommitLogFormat, parseBranchLog, parseCommitLog, splitTrailerValues } from '../../../src/core/git/commitLog';
import type { BranchLog, CommitRecord } from '../../../src/core/git/commitLog';
import { BranchOps } from '../../../src/core/git/branchOps';
import { GitCommandError, GitOutputTooLargeError, InvalidGitInputError } from '../../../src/core/git/gitErrors';
import { createGitRunner } from '../../../src/core/git/gitRunner';
import { SimpleGitPort } from '../../../src/core/git/simpleGitPort';
import { TempRepo } from './tempRepo';

describe('commits ahead of base, with trailers read by git (real git)', () => {
  let repo: TempRepo;
  let base: string;
  const ahead = async (key = 'Intent') => (await new SimpleGitPort(repo.dir).branchLog(base, key))?.commits ?? [];

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
    assert.deepStrictEqual((await ahead('Value-Intent'))[0]?.trailerIds, ['b']);
    await assert.rejects(ahead('Intent,valueonly'), InvalidGitInputError);
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

  it('reads a 2 MB subject as git writes it, cut to 4 KB (or a cap of its own), with its trailers whole', async () => {
    const subject = 'x'.repeat(2 * 1024 * 1024);
    repo.commit(`${subject}\n\n${'body line\n'.repeat(1000)}\nIntent: big-one, big-two\n`, ['big.txt']);
    const [commit] = await ahead();
    assert.strictEqual(commit?.subject, 'x'.repeat(4096));
    assert.deepStrictEqual(commit?.trailerIds, ['big-one', 'big-two']);
    const capped = new SimpleGitPort(repo.dir, { maxFieldChars: 1000 });
    const read = [
      (await capped.branchLog(base, 'Intent'))?.commits[0],
      (await capped.commitsTouching('big.txt', 1, 'Intent'))[0],
      (await capped.commitHistory('Intent'))[0],
    ];
    for (const c of read) assert.deepStrictEqual([c?.subject, c?.trailerIds], ['x'.repeat(1000), ['big-one', 'big-two']]);
    assert.deepStrictEqual(await capped.trailerIdsTouching('big.txt', 1, 'Intent'), ['big-one', 'big-two']);
    const [between] = await new BranchOps(repo.dir).commitsBetween(base, 'feature/x', 'Intent');
    assert.deepStrictEqual([between?.subject.length, between?.files], [4096, ['big.txt']]);
  });

  it('stops git with a typed error when its output passes the cap, whether streamed or read whole', async () => {
    repo.commit(`${'x'.repeat(2 * 1024 * 1024)}\n\nIntent: big\n`, ['big.txt']);
    const small = { maxOutputBytes: 1024 * 1024 };
    const tooLarge = (e: unknown): boolean => e instanceof GitOutputTooLargeError && e instanceof GitCommandError && /passed 1 MiB/.test(e.message);
    await assert.rejects(new SimpleGitPort(repo.dir, small).branchLog(base, 'Intent'), tooLarge);
    await assert.rejects(new SimpleGitPort(repo.dir, small).commitHistory('Intent'), tooLarge);
    await assert.rejects(createGitRunner(repo.dir, small).run(['log', '-1', '--format=%B']), tooLarge);
    // Under the cap, the same runner answers.
    assert.strictEqual((await createGitRunner(repo.dir, small).run(['log', '-1', '--format=%s', base])).stdout, 'base\n');
  });

  it('lists a merge commit with its trailers and no files of its own, and the one boundary commit', async () => {
    const side = repo.commit('side\n\nIntent: side-work\n', ['side.txt']);
    repo.git('checkout', '-q', '-b', 'other', base);
    const other = repo.commit('other', ['other.txt']);
    repo.git('checkout', '-q', 'feature/x');
    repo.git('merge', '-q', '--no-ff', '-m', 'Merge other\n\nIntent: merged\n', 'other');
    const port = new SimpleGitPort(repo.dir);
    const log = await port.branchLog(base, 'Intent');
    const merge = log?.commits[0];
    assert.strictEqual(merge?.subject, 'Merge other');
    assert.deepStrictEqual(merge?.trailerIds, ['merged']);
    assert.deepStrictEqual(log?.commits.map((c) => c.sha).sort(), [merge?.sha, side, other].sort());
    assert.deepStrictEqual(log?.boundary, [base]);
    assert.deepStrictEqual(await port.filesOfCommits([merge?.sha ?? '', side]), new Map([[merge?.sha, []], [side, ['side.txt']]]));
  });

  it('lists the files each commit touched, whatever their names', async () => {
    const names = ['plain.ts', 'with space.txt', 'ünïcode/ß.md', 'hash#1.txt', 'semi;colon', 'tab\there', 'new\nline', '\x1eodd'];
    const many = repo.commit('many files\n\nIntent: files\n', names);
    const empty = repo.commit('empty\n');
    const files = await new SimpleGitPort(repo.dir).filesOfCommits([many, empty]);
    assert.deepStrictEqual(files.get(empty), []);
    assert.deepStrictEqual([...(files.get(many) ?? [])].sort(), [...names].sort());
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

  it('refuses a base that is not an object id', async () => {
    await assert.rejects(new SimpleGitPort(repo.dir).branchLog('HEAD~1', 'Intent'), InvalidGitInputError);
  });

  it('reads 10,000 commits ahead in one git log call, as git writes them', async function () {
    this.timeout(20000);
    repo.fastImport('feature/x', base, 10_000, (i) => `Bulk ${i} ünïcode\n\n${i % 2 === 0 ? 'Intent: bulk-even' : 'Signed-off-by: Bot <b@x>'}\n`, (i) => `bulk/f${i % 100}.txt`);
    const told: CommitRecord[] = [];
    const log = await new SimpleGitPort(repo.dir).branchLog(base, 'Intent', { onCommit: (commit) => told.push(commit) });
    assert.strictEqual(log?.commits.length, 10_000);
    assert.deepStrictEqual(told, log.commits, 'each commit told once, in the order of the log');
    assert.strictEqual(log.commits.filter((c) => c.trailerIds[0] === 'bulk-even').length, 5_000);
    assert.strictEqual(log.commits[0]?.subject, 'Bulk 9999 ünïcode');
    assert.strictEqual(log.commits[9_999]?.subject, 'Bulk 0 ünïcode');
    assert.deepStrictEqual(log.boundary, [base]);
    // The same answer as parsing git's whole output at once.
    const whole = repo.git('log', '-z', '--boundary', markedCommitLogFormat('Intent'), `${base}..HEAD`, '--');
    assert.deepStrictEqual(log, parseBranchLog(whole));
  });
});

describe('reading a commit log piece by piece', () => {
  let repo: TempRepo;
  let output: Buffer;
  let withFiles: Buffer;
  before(() => {
    repo = TempRepo.create();
    const base = repo.commit('base', ['README.md']);
    repo.commit('Plain\n\nIntent: one\n', ['plain.ts']);
    repo.commit('Ünïcode “quotes” ✓ and 😀\n\nIntent: two, three\nIntent: four\n', ['ünï/😀.md', 'new\nline', '\x1eodd']);
    repo.commit(Buffer.concat([Buffer.from('Caf'), Buffer.from([0xe9]), Buffer.from('\n\nIntent: five\n')]));
    repo.commit('Empty trailers\n', ['plain.ts', 'b.txt']);
    output = repo.gitBytes('log', '-z', '--boundary', markedCommitLogFormat('Intent'), `${base}..HEAD`, '--');
    withFiles = repo.gitBytes('log', '-z', commitLogFormat('Intent'), '--name-only', '--no-renames', `${base}..HEAD`, '--');
  });
  after(() => repo.remove());

  const read = (pieces: Buffer[], marked = true): BranchLog => {
    const reader = new CommitLogReader(marked);
    for (const piece of pieces) reader.push(piece);
    return reader.end();
  };

  it('gives the same commits wherever the output is cut, even inside a character or a separator', () => {
    const whole = parseBranchLog(output.toString('utf8'));
    assert.strictEqual(whole.commits.length, 4);
    assert.deepStrictEqual(whole.commits[1]?.trailerIds, ['five']);
    assert.deepStrictEqual(whole.commits[2]?.trailerIds, ['two', 'three', 'four']);
    assert.strictEqual(whole.boundary.length, 1);
    for (let cut = 0; cut <= output.length; cut++) {
      assert.deepStrictEqual(read([output.subarray(0, cut), output.subarray(cut)]), whole, `cut at byte ${cut}`);
    }
    // One byte at a time: every token and every multi-byte character arrives in pieces.
    assert.deepStrictEqual(read([...output].map((byte) => Buffer.from([byte]))), whole);
  });

  it('gives the same file lists wherever a `--name-only` log is cut', () => {
    const whole = parseCommitLog(withFiles.toString('utf8'));
    assert.deepStrictEqual(whole.map((c) => c.files), [['b.txt', 'plain.ts'], [], ['\x1eodd', 'new\nline', 'ünï/😀.md'], ['plain.ts']]);
    for (let cut = 0; cut <= withFiles.length; cut++) {
      assert.deepStrictEqual(read([withFiles.subarray(0, cut), withFiles.subarray(cut)], false).commits, whole, `cut at byte ${cut}`);
    }
  });

  it('drops a record the output ends inside of', () => {
    // A record starts with a NUL before its sha; git lists the boundary commit last. Cut after its sha.
    const lastRecord = output.lastIndexOf(Buffer.from(`\0${parseBranchLog(output.toString('utf8')).boundary[0]}`));
    const cut = read([output.subarray(0, lastRecord + 41)]);
    assert.strictEqual(cut.commits.length + cut.boundary.length, 4);
  });
});

describe('trailer value splitting', () => {
  it('splits comma lists, trims, drops empties, dedupes keeping order', () => {
    assert.deepStrictEqual(splitTrailerValues(['a, b', ' c ', 'a', ',, ', 'b,d']), ['a', 'b', 'c', 'd']);
    assert.deepStrictEqual(splitTrailerValues(['']), []);
  });
});
