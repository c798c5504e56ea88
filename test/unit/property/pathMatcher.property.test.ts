import * as assert from 'assert';
import fc from 'fast-check';
import picomatch from 'picomatch';
import { parsePathPattern } from '../../../src/core/linking/gitignorePattern';
import { IntentPathMatcher } from '../../../src/core/linking/pathMatcher';
import { intent } from '../linking/intents';
import { checkProperty } from './propertyRun';

/**
 * The baseline of bench/cases/pathLookup.ts: every glob of every intent tested with picomatch,
 * the last matching pattern of an intent deciding (a `!` pattern un-covers).
 */
function naiveMatch(intents: readonly (readonly string[])[], path: string): string[] {
  const options = { dot: true, windows: false };
  const ids: string[] = [];
  intents.forEach((paths, index) => {
    let covered = false;
    for (const raw of paths) {
      const p = parsePathPattern(raw);
      if (!p) continue;
      const inside = `${p.glob}/**/*`;
      if (picomatch(p.dirOnly ? [inside] : [p.glob, inside], options)(path)) covered = !p.negated;
    }
    if (covered) ids.push(`i${index}`);
  });
  return ids;
}

// Few names, so generated globs and paths meet often; names a real tree has (dot files, spaces,
// unicode, Next.js-style `[id]` files, several dots).
const NAMES = ['src', 'a', 'b', 'lib', 'docs', 'x.ts', 'y.md', 'a.test.ts', '.hidden', '.env', 'é', 'a b', '日本', '[id].tsx', 'Makefile', 'x.ts.bak', '!x', '#x', '{a,b}'];
const GLOB_SEGMENTS = [...NAMES, '*', '**', '?', '*.ts', '*.md', '*.test.ts', 'a*', '?.ts', '*.*', '[ab]', '{a,b}', '@(a|b)', '!(a)', '+(a)', '*.{ts,md}', '.', 'a|b', '(a'];

const pathArb = fc.array(fc.constantFrom(...NAMES), { minLength: 1, maxLength: 4 }).map((s) => s.join('/'));

const globArb = fc
  .record({
    prefix: fc.constantFrom('', '', '', '!', '/', '!/', '\\!', '\\#', './', '!./'),
    segments: fc.array(fc.constantFrom(...GLOB_SEGMENTS), { minLength: 1, maxLength: 4 }),
    trailingSlash: fc.boolean(),
  })
  .map(({ prefix, segments, trailingSlash }) => `${prefix}${segments.join('/')}${trailingSlash ? '/' : ''}`);

const intentsArb = fc.array(fc.array(globArb, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 });

describe('property: the compiled path matcher agrees with the naive picomatch loop', () => {
  it('gives the same intents for generated globs and paths (200 runs × up to 12 paths)', async function () {
    this.timeout(60_000);
    await checkProperty(
      'path matcher = naive picomatch',
      fc.property(intentsArb, fc.array(pathArb, { minLength: 1, maxLength: 12 }), (intents, paths) => {
        // Globs also stand as paths: a file may be named like its own glob (`[id].tsx`).
        // Only paths git could list: no empty, `.` or `..` segments.
        const candidates = [...paths, ...intents.flat().map((g) => g.replace(/^\\?!?(?:\.?\/)*/, '').replace(/\/+$/, ''))].filter((p) =>
          p.split('/').every((s) => s !== '' && s !== '.' && s !== '..'),
        );
        const list = intents.map((paths, i) => intent(`i${i}`, paths));
        const matcher = new IntentPathMatcher(list);
        // A two-entry cache evicts all the time: answers must not depend on what it holds.
        const tinyCache = new IntentPathMatcher(list, 2);
        const expectations = candidates.map((path) => [path, naiveMatch(intents, path)] as const);
        // Twice over: the second pass answers from the caches.
        for (const [path, expected] of [...expectations, ...expectations]) {
          const where = `path ${JSON.stringify(path)}, intents ${JSON.stringify(intents)}`;
          assert.deepStrictEqual(matcher.match(path), expected, where);
          assert.deepStrictEqual(tinyCache.match(path), expected, `${where} (tiny cache)`);
          assert.deepStrictEqual(matcher.match(`./${path}`), expected, `${where} (written ./path)`);
        }
      }),
      200,
      20261126,
    );
  });
});

describe('path matcher: cases the property found', () => {
  const covers = (paths: readonly string[], path: string): boolean => new IntentPathMatcher([intent('x', paths)]).match(path).length > 0;

  it('covers a path spelled exactly like its glob, as picomatch does (a folder named `{a,b}`)', () => {
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

  it('reads `./src` as `/src` and `.` as the whole folder, as picomatch does', () => {
    assert.ok(covers(['./src/**'], 'src/a.ts'), 'was never found: the index looked for a folder named `.`');
    assert.ok(!covers(['./src/**'], 'lib/src/a.ts'));
    assert.ok(covers(['/.'], 'any/file.ts'));
    assert.ok(covers(['.'], 'file.ts'));
  });

  it('tries a glob with `|` or a parenthesis on every path (picomatch lets them act on the whole glob)', () => {
    assert.ok(covers(['a/b|*'], 'x'), 'picomatch reads `a/b|*` as `a/b` or `*`');
    assert.ok(covers(['@(src|lib)/**'], 'lib/a.ts'));
  });
});
