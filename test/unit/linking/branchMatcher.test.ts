import * as assert from 'assert';
import fc from 'fast-check';
import picomatch from 'picomatch';
import { BranchMatcher, idsInName } from '../../../src/core/linking/branchMatcher';
import { checkProperty } from '../property/propertyRun';
import { intent } from './intents';

describe('branch matcher', () => {
  const ids = new Set(['checkout-speed', 'checkout', 'speed', 'search', 'a1']);

  it('finds ids between delimiters / - _ . or the ends', () => {
    assert.deepStrictEqual(idsInName('feature/checkout-speed-retry', ids).sort(), ['checkout', 'checkout-speed', 'speed']);
    assert.deepStrictEqual(idsInName('search', ids), ['search']);
    assert.deepStrictEqual(idsInName('fix_search.v2', ids), ['search']);
    assert.deepStrictEqual(idsInName('research/searching', ids), [], 'no match inside a word');
    assert.deepStrictEqual(idsInName('feature/#a1', ids), [], '# is not a delimiter');
    assert.deepStrictEqual(idsInName('', ids), []);
  });

  it('matches branches globs and names, with reasons, in intent order', () => {
    const matcher = new BranchMatcher([
      intent('search', [], ['feature/search-*']),
      intent('checkout-speed', [], ['feature/checkout-*', 'hotfix/**']),
      intent('other', [], ['  ']),
    ]);
    assert.deepStrictEqual(matcher.match('feature/checkout-speed-retry'), [{ id: 'checkout-speed', reasons: ['pattern', 'name'] }]);
    assert.deepStrictEqual(matcher.match('feature/search-ünï'), [{ id: 'search', reasons: ['pattern', 'name'] }]);
    assert.deepStrictEqual(matcher.match('hotfix/deep/x'), [{ id: 'checkout-speed', reasons: ['pattern'] }]);
    assert.deepStrictEqual(matcher.match('feature/checkout-x/deeper'), [], '* stays within a segment');
    assert.deepStrictEqual(matcher.match('main'), []);
  });
});

describe('branch globs without picomatch agree with picomatch', () => {
  const SEGMENTS = ['feature', 'release', 'checkout-speed', 'v1.2', 'x_y', 'é', '.hidden', 'a'];
  const GLOBS = [...SEGMENTS, '*', '**', 'feature-*', '*-speed', 'v*', '*.2', '{a,b}', 'x?y', '[ab]'];
  const nameArb = fc.array(fc.constantFrom(...SEGMENTS), { minLength: 1, maxLength: 4 }).map((s) => s.join('/'));
  const globArb = fc.array(fc.constantFrom(...GLOBS), { minLength: 1, maxLength: 4 }).map((s) => s.join('/'));

  it('gives the pattern reason exactly when picomatch matches (1,000 runs × 8 names)', async () => {
    await checkProperty(
      'branch glob = picomatch',
      fc.property(globArb, fc.array(nameArb, { minLength: 1, maxLength: 8 }), (glob, names) => {
        const matcher = new BranchMatcher([intent('zz-not-in-names', [], [glob])]);
        // Not the glob's own spelling: picomatch matches a name spelled like the glob (`[ab]`), git does not.
        // Nor the folder a trailing `/**` is under: picomatch matches `a` with `a/**`, git does not.
        const parent = glob.endsWith('/**') ? picomatch(glob.slice(0, -3), { dot: true, windows: false }) : () => false;
        for (const name of names.filter((n) => !parent(n))) {
          const viaMatcher = matcher.match(name).some((m) => m.reasons.includes('pattern'));
          assert.strictEqual(viaMatcher, picomatch(glob, { dot: true, windows: false })(name), `glob ${JSON.stringify(glob)}, branch ${JSON.stringify(name)}`);
        }
      }),
      1000,
      20261128,
    );
  });
});
