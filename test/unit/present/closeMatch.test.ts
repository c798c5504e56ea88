import * as assert from 'assert';
import { closestMatch, editDistance } from '../../../src/core/present/closeMatch';

describe('close matches for typos (issue 18, items 9 and 10)', () => {
  it('counts insertions, deletions, substitutions and adjacent swaps as one edit each', () => {
    assert.strictEqual(editDistance('checkout-sped', 'checkout-speed'), 1);
    assert.strictEqual(editDistance('chekcout-speed', 'checkout-speed'), 1);
    assert.strictEqual(editDistance('activ', 'active'), 1);
    assert.strictEqual(editDistance('', 'abc'), 3);
    assert.strictEqual(editDistance('kitten', 'sitting'), 3);
  });

  it('suggests the nearest candidate within 2 edits and a third of the length', () => {
    assert.strictEqual(closestMatch('checkout-sped', ['search', 'checkout-speed']), 'checkout-speed');
    assert.strictEqual(closestMatch('activ', ['proposed', 'active', 'delivered', 'dropped']), 'active');
    assert.strictEqual(closestMatch('delivred', ['proposed', 'active', 'delivered', 'dropped']), 'delivered');
    assert.strictEqual(closestMatch('finished', ['proposed', 'active', 'delivered', 'dropped']), undefined);
    assert.strictEqual(closestMatch('ab', ['xy', 'cd']), undefined);
    assert.strictEqual(closestMatch('abc', ['abd']), 'abd');
    assert.strictEqual(closestMatch('search', ['search', 'searc']), undefined, 'a known word is no typo');
    assert.strictEqual(closestMatch('x'.repeat(5000), ['x'.repeat(4999)]), undefined);
  });
});
