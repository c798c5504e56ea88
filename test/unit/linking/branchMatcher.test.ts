import * as assert from 'assert';
import { BranchMatcher, idsInName } from '../../../src/core/linking/branchMatcher';
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
