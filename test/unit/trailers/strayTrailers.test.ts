import * as assert from 'assert';
import { commitLogFormat, parseCommitLog } from '../../../src/core/git/commitLog';
import { createGitRunner } from '../../../src/core/git/gitRunner';
import { findStrayTrailers, strayTrailerLine } from '../../../src/core/trailers/strayTrailers';
import { TempRepo } from '../git/tempRepo';

describe('Intent: lines git does not read as trailers (issue 18, item 12)', () => {
  let repo: TempRepo;
  afterEach(() => repo.remove());

  it('finds the commits whose Intent: line is outside the trailer block, with git itself as the oracle', async () => {
    repo = TempRepo.create();
    const messages = {
      proseAfter: 'Speed up pay\n\nIntent: checkout-speed\nand some prose after it\n',
      withFixes: 'Speed up pay\n\nFixes #12\nIntent: checkout-speed\n',
      notLast: 'Speed up pay\n\nIntent: checkout-speed\n\nMore words in the last paragraph.\n',
      trailer: 'Speed up pay\n\nIntent: checkout-speed\n',
      mostlyTrailers: 'Speed up pay\n\nSigned-off-by: A <a@example.com>\nIntent: checkout-speed\nprose\nmore prose\n',
      lowerCase: 'Speed up pay\n\nintent:  checkout-speed\n',
      noValue: 'Speed up pay\n\nIntent:\n\nnothing\n',
      otherWord: 'Speed up pay\n\nIntention: none\n',
      plain: 'Plain commit\n',
    };
    const shas = Object.fromEntries(Object.entries(messages).map(([name, m], i) => [name, repo.commit(m, [`f${i}.txt`])]));
    // What git reads as the trailers of each commit, as the branch scan gets them.
    const commits = parseCommitLog(repo.git('log', '-z', commitLogFormat('Intent')));
    const read = new Map(commits.map((c) => [c.sha, c.trailerIds]));
    assert.deepStrictEqual(read.get(shas['trailer']!), ['checkout-speed']);
    assert.deepStrictEqual(read.get(shas['mostlyTrailers']!), ['checkout-speed'], 'git takes a paragraph with a git trailer and 25% trailers');
    assert.deepStrictEqual(read.get(shas['lowerCase']!), ['checkout-speed']);
    for (const name of ['proseAfter', 'withFixes', 'notLast']) assert.deepStrictEqual(read.get(shas[name]!), [], `git reads no trailer in ${name}`);

    const stray = await findStrayTrailers(createGitRunner(repo.dir), commits, 'Intent');
    assert.deepStrictEqual(new Map([...stray].map(([sha, line]) => [Object.keys(shas).find((k) => shas[k] === sha), line])), new Map([
      ['proseAfter', 'Intent: checkout-speed'],
      ['withFixes', 'Intent: checkout-speed'],
      ['notLast', 'Intent: checkout-speed'],
    ]));
  });

  it('runs no git when every commit has trailers', async () => {
    repo = TempRepo.create();
    const runner = { cwd: repo.dir, run: () => Promise.reject(new Error('no git expected')), stream: () => Promise.reject(new Error('no git expected')) };
    assert.deepStrictEqual(await findStrayTrailers(runner, [{ sha: 'a'.repeat(40), trailerIds: ['x'] }, { sha: 'not-a-sha', trailerIds: [] }], 'Intent'), new Map());
  });

  it('reads a key line after the subject only, in any case, with a value', () => {
    assert.strictEqual(strayTrailerLine('Intent: x\n\nbody', 'Intent'), undefined);
    assert.strictEqual(strayTrailerLine('s\n\nServes : a, b\nprose', 'serves'), 'Serves : a, b');
    assert.strictEqual(strayTrailerLine('s\n\nIntent:   \nIntents: y', 'Intent'), undefined);
  });
});
