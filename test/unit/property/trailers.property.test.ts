import * as assert from 'assert';
import { execFile } from 'child_process';
import fc from 'fast-check';
import { SimpleGitPort } from '../../../src/core/git/simpleGitPort';
import { GIT_ENV, TempRepo } from '../git/tempRepo';
import { checkProperty } from './propertyRun';


/**
 * The oracle: git's own trailer parser on the same message. `--no-divider` because a commit
 * message has no patch: `git log`'s `%(trailers)` does not stop at a `---` line either, while
 * plain `--parse` (made for e-mails) would.
 */
function gitTrailers(cwd: string, message: string): Promise<{ key: string; value: string }[]> {
  return new Promise((resolve, reject) => {
    const child = execFile('git', ['interpret-trailers', '--parse', '--no-divider'], { cwd, env: GIT_ENV, encoding: 'utf8' }, (error, stdout) => {
      if (error) return reject(new Error(`git interpret-trailers failed: ${error.message}`));
      // One `key: value` line per trailer, continuation lines already unfolded.
      resolve(stdout.split('\n').filter((l) => l.length > 0).map((l) => ({ key: l.slice(0, l.indexOf(':')), value: l.slice(l.indexOf(':') + 1) })));
    });
    child.stdin?.end(message);
  });
}

/** Our documented rules on top of git's trailers: key in any case, comma lists split, ids trimmed, empty dropped, first occurrence kept. */
function expectedIds(trailers: readonly { key: string; value: string }[], key: string): string[] {
  const ids = trailers.filter((t) => t.key.toLowerCase() === key.toLowerCase()).flatMap((t) => t.value.split(',').map((id) => id.trim()));
  return [...new Set(ids.filter((id) => id.length > 0))];
}

// Free text of every kind (control bytes such as the \x1e and \x1f our log format uses too), on one line and without NUL.
const controlArb = fc.constantFrom('\x1e', '\x1f', '\x01', '\x7f', '\u0085', '\u2028');
const textArb = fc
  .array(fc.oneof({ weight: 6, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) }, controlArb), { maxLength: 5 })
  .map((parts) => parts.join('').replace(/[\0\r\n]/g, ' '));
const idArb = fc.oneof(fc.constantFrom('checkout-speed', 'a', 'b-2', 'search', 'ünï', '日本', '😀', 'x y', '', 'a\x1fb'), textArb);
const spaceArb = fc.constantFrom('', ' ', '  ', '\t', '\u00a0');
const idListArb = fc
  .array(fc.tuple(spaceArb, idArb, spaceArb).map((p) => p.join('')), { minLength: 1, maxLength: 4 })
  .chain((ids) => fc.constantFrom(',', ', ', ' ,', ',,').map((sep) => ids.join(sep)));
// The default key and a configured one (`trailer:` in config), each in any case.
const keyArb = fc.constantFrom('Intent', 'intent', 'INTENT', 'InTeNt', 'Value-Intent', 'value-intent');
const separatorArb = fc.constantFrom(': ', ':', ' : ', ':\t', ':  ');

const trailerLineArb = fc.oneof(
  { weight: 5, arbitrary: fc.tuple(keyArb, separatorArb, idListArb).map((p) => p.join('')) },
  // A continuation line folds into the trailer above it.
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(' ', '  ', '\t'), idListArb).map((p) => p.join('')) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      'Signed-off-by: Dana Dev <dana@example.com>', 'Co-authored-by: Kim <kim@example.com>', 'Reviewed-by: Lee', 'Intents: plural-key', 'Value-Intents: plural-key',
      'Intent-Id: other-key', 'X-Intent: prefixed-key', 'Fixes: #12', 'Intent', 'Intent checkout-speed',
      '(cherry picked from commit 0123456789abcdef0123456789abcdef01234567)',
    ),
  },
  { weight: 1, arbitrary: textArb },
);

const bodyLineArb = fc.oneof(
  { weight: 4, arbitrary: textArb },
  { weight: 2, arbitrary: trailerLineArb },
  { weight: 1, arbitrary: fc.constantFrom('---', '# a comment line', '', 'Intent: in-the-body') },
);

const messageArb = fc
  .record({
    subject: fc.oneof(textArb.filter((s) => s.trim().length > 0), fc.constant('Intent: subject-only')),
    body: fc.array(fc.array(bodyLineArb, { minLength: 1, maxLength: 4 }), { maxLength: 3 }),
    trailers: fc.array(trailerLineArb, { maxLength: 6 }),
    eol: fc.constantFrom('\n', '\r\n', 'mixed'),
    finalNewline: fc.boolean(),
  })
  .map(({ subject, body, trailers, eol, finalNewline }) => {
    const paragraphs = [[subject], ...body, ...(trailers.length > 0 ? [trailers] : [])];
    const lines = paragraphs.map((p) => p.join('\n')).join('\n\n').split('\n');
    const joined = lines.map((line, i) => (i === lines.length - 1 ? line : `${line}${eol === 'mixed' ? (i % 2 ? '\r\n' : '\n') : eol}`)).join('');
    return finalNewline ? `${joined}${eol === '\r\n' ? '\r\n' : '\n'}` : joined;
  });

describe('property: trailer ids we read equal git interpret-trailers on the same message', () => {
  let repo: TempRepo;
  let base: string;
  before(() => {
    repo = TempRepo.create();
    base = repo.commit('base');
    repo.git('checkout', '-q', '-b', 'work');
  });
  after(() => repo.remove());

  it('reads the same ids from generated commit messages (20 runs × up to 12 commits)', async function () {
    // One git process per message for the oracle: give a loaded machine time.
    this.timeout(60_000);
    let withIds = 0;
    let total = 0;
    await checkProperty(
      'commit log trailer ids = git interpret-trailers --parse',
      fc.asyncProperty(fc.constantFrom('Intent', 'Value-Intent'), fc.array(messageArb, { minLength: 1, maxLength: 12 }), async (key, messages) => {
        // One fast-import per run, replacing the branch, so every run sees only its own commits.
        repo.fastImport('work', base, messages.length, (i) => messages[i] ?? '', (i) => `f${i}.txt`);
        const commits = [...((await new SimpleGitPort(repo.dir).branchLog(base, key))?.commits ?? [])].reverse();
        assert.strictEqual(commits.length, messages.length);
        const oracle = await Promise.all(messages.map((m) => gitTrailers(repo.dir, m)));
        messages.forEach((message, i) => {
          const expected = expectedIds(oracle[i] ?? [], key);
          assert.deepStrictEqual(commits[i]?.trailerIds, expected, `message ${JSON.stringify(message)}`);
          if (expected.length > 0) withIds++;
          total++;
        });
      }),
      20,
      20261126,
    );
    // The generator must produce messages with and without Intent ids, or the property says little.
    assert.ok(withIds > total / 5 && withIds < total, `${withIds} of ${total} messages had ids`);
  });
});

describe('trailers: cases the property found', () => {
  it('keeps a trailer value holding a \\x1f byte in one piece (it was the separator between values)', async () => {
    const repo = TempRepo.create();
    try {
      const base = repo.commit('base');
      repo.commit('Work\n\nIntent: checkout-speed\x1fjunk\nIntent: search\n');
      const [commit] = (await new SimpleGitPort(repo.dir).branchLog(base, 'Intent'))?.commits ?? [];
      assert.deepStrictEqual(commit?.trailerIds, ['checkout-speed\x1fjunk', 'search']);
    } finally {
      repo.remove();
    }
  });
});
