import * as assert from 'assert';
import fc from 'fast-check';
import { IntentPathMatcher } from '../../../src/core/linking/pathMatcher';
import { GitOracle } from '../linking/gitOracle';
import { intent } from '../linking/intents';
import { checkProperty } from './propertyRun';

// Few names, so generated globs and paths meet often; names a real tree has (dot files, blanks,
// unicode, Next.js-style `[id]` files, several dots).
const NAMES = ['src', 'a', 'b', 'lib', 'docs', 'x.ts', 'y.md', 'a.test.ts', '.hidden', '.env', 'é', 'a b', ' a', 'a ', '日本', '[id].tsx', 'Makefile', 'x.ts.bak', '!x', '#x', '{a,b}', 'sha1.c', 'abspath.c'];
// Value Lens's own extensions (brace lists, `./`, `.`) are left out: git reads them otherwise, on purpose.
const GLOB_SEGMENTS = [
  ...NAMES, '*', '**', '***', '?', '*.ts', '*.md', '*.test.ts', 'a*', 'a**', '?.ts', '*.*', '[ab]', '[!ab]', '[^.]*', '[!a-m]*.c', '[]a]', '[[:alpha:]]*',
  '@(a|b)', '!(a)', '+(a)', 'a|b', '(a', '\\*', 'a\\?', '??',
];

const pathArb = fc.array(fc.constantFrom(...NAMES), { minLength: 1, maxLength: 4 }).map((s) => s.join('/'));

const globArb = fc
  .record({
    prefix: fc.constantFrom('', '', '', '!', '/', '!/', '\\!', '\\#'),
    segments: fc.array(fc.constantFrom(...GLOB_SEGMENTS), { minLength: 1, maxLength: 4 }),
    trailingSlash: fc.boolean(),
  })
  .map(({ prefix, segments, trailingSlash }) => `${prefix}${segments.join('/')}${trailingSlash ? '/' : ''}`)
  // A leading `#` is a comment to git and a name to Value Lens (the check warns); braces are ours.
  .filter((glob) => !glob.startsWith('#') && !/\{[^}]*,[^}]*\}/.test(glob));

const intentsArb = fc.array(fc.array(globArb, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 });

const ancestorsOf = (path: string): string[] => path.split('/').slice(0, -1).map((_, i, parts) => `${parts.slice(0, i + 1).join('/')}/`);

describe('property: the path matcher covers what git check-ignore ignores', () => {
  let git: GitOracle;
  before(() => (git = new GitOracle()));
  after(() => git.remove());

  it('gives git\'s answer for generated globs and paths (200 runs × up to 12 paths)', async function () {
    this.timeout(120_000);
    await checkProperty(
      'path matcher = git check-ignore',
      fc.property(intentsArb, fc.array(pathArb, { minLength: 1, maxLength: 12 }), (intents, paths) => {
        // Globs also stand as paths: a file may be named like its own glob (`[id].tsx`).
        // Only paths git could list: no empty, `.` or `..` segments.
        const candidates = [...new Set([...paths, ...intents.flat().map((g) => g.replace(/^\\?!?\/*/, '').replace(/\/+$/, ''))])].filter((p) =>
          p.split('/').every((s) => s !== '' && s !== '.' && s !== '..'),
        );
        const list = intents.map((paths, i) => intent(`i${i}`, paths));
        const matcher = new IntentPathMatcher(list);
        // A two-entry cache evicts all the time: answers must not depend on what it holds.
        const tinyCache = new IntentPathMatcher(list, 2);
        const ancestors = [...new Set(candidates.flatMap(ancestorsOf))];
        const byIntent = intents.map((patterns) => {
          const answers = git.ignored(patterns, [...candidates, ...ancestors]);
          const ignored = new Map([...candidates, ...ancestors].map((p, i) => [p, answers[i] ?? false]));
          return { ignored, negations: patterns.some((p) => p.startsWith('!')) };
        });
        const expectations = candidates.map((path) => {
          // Git cannot re-include a file inside an ignored folder; Value Lens lets a later `!`
          // pattern decide (documented, and the check warns): no comparison there.
          const unsure = new Set(byIntent.flatMap(({ ignored, negations }, i) => (negations && ancestorsOf(path).some((a) => ignored.get(a)) ? [`i${i}`] : [])));
          const expected = byIntent.flatMap(({ ignored }, i) => (ignored.get(path) ? [`i${i}`] : []));
          return { path, expected, unsure };
        });
        const known = (ids: readonly string[], unsure: ReadonlySet<string>): string[] => ids.filter((id) => !unsure.has(id));
        // Twice over: the second pass answers from the caches.
        for (const { path, expected, unsure } of [...expectations, ...expectations]) {
          const where = `path ${JSON.stringify(path)}, intents ${JSON.stringify(intents)}`;
          assert.deepStrictEqual(known(matcher.match(path), unsure), known(expected, unsure), where);
          assert.deepStrictEqual(known(tinyCache.match(path), unsure), known(expected, unsure), `${where} (tiny cache)`);
          assert.deepStrictEqual(known(matcher.match(`./${path}`), unsure), known(expected, unsure), `${where} (written ./path)`);
        }
      }),
      200,
      20261126,
    );
  });
});

describe('path matcher: cases the property found', () => {
  const covers = (paths: readonly string[], path: string): boolean => new IntentPathMatcher([intent('x', paths)]).match(path).length > 0;

  it('covers a path spelled exactly like its braced glob, as git reads it (a folder named `{a,b}`), and the alternatives', () => {
    assert.ok(covers(['{a,b}/src'], '{a,b}/src'));
    assert.ok(covers(['{a,b}/src'], 'a/src'));
    assert.ok(!covers(['{a,b}/src'], 'c/src'));
  });

  it('reads an escaped or anchored leading ! as a literal name, not as "everything but"', () => {
    assert.ok(covers(['\\!src/src'], '!src/src'));
    assert.ok(!covers(['\\!src/src'], 'lib/src'), 'was covered: the glob `!src/src` meant "not src/src"');
    assert.ok(!covers(['\\!src/src'], 'x.ts'));
    assert.ok(covers(['/!x'], '!x'));
    assert.ok(!covers(['/!x'], 'y'));
    assert.ok(covers(['\\!x'], 'deep/!x'));
  });

  it('reads `./src` as `/src` and `.` as the whole folder (a Value Lens extension: git reads them literally)', () => {
    assert.ok(covers(['./src/**'], 'src/a.ts'), 'was never found: the index looked for a folder named `.`');
    assert.ok(!covers(['./src/**'], 'lib/src/a.ts'));
    assert.ok(covers(['/.'], 'any/file.ts'));
    assert.ok(covers(['.'], 'file.ts'));
  });

  it('reads `|`, parentheses and extglobs literally, as git does (picomatch let them act on the whole glob)', () => {
    assert.ok(!covers(['a/b|*'], 'x'), 'picomatch read `a/b|*` as `a/b` or `*`');
    assert.ok(covers(['a/b|*'], 'a/b|x'));
    assert.ok(!covers(['@(src|lib)/**'], 'lib/a.ts'));
    assert.ok(covers(['@(src|lib)/**'], '@(src|lib)/a.ts'));
  });
});
