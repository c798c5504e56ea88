import * as assert from 'assert';
import type { Intent, ReleaseStatement } from '../../../src/core/model/types';
import { unclaimedValue } from '../../../src/core/release/unclaimedValue';

const intents: Pick<Intent, 'id' | 'value'>[] = [
  { id: 'a', value: { amount: 120000, currency: 'EUR', per: 'year' } },
  { id: 'b', value: { amount: 80000, currency: 'EUR', per: 'year' } },
  { id: 'c' },
];
const byId = new Map(intents.map((i) => [i.id, i]));
const lookup = (id: string) => byId.get(id);
const release = (name: string, ids: string[], amount: number | undefined, shares?: Record<string, number>): ReleaseStatement => ({
  release: name, branch: `release/${name}`, base: 'main', created: '2026-01-01',
  expected: { summary: 's', intents: ids, measures: [], ...(shares ? { shares } : {}), ...(amount !== undefined ? { value: { amount, currency: 'EUR', per: 'year' } } : {}) },
});

describe('the expected value a new release is offered', () => {
  it('accepting the default release after release never expects more than the intents are worth', () => {
    const earlier: ReleaseStatement[] = [];
    let expectedInAll = 0;
    for (const name of ['1.0', '1.1', '1.2']) {
      const offered = unclaimedValue(intents, earlier, lookup, 'EUR');
      expectedInAll += offered.amount ?? 0;
      earlier.push(release(name, ['a', 'b', 'c'], offered.amount));
    }
    // Before: €200,000 offered three times, €600,000 "expected" of intents worth €200,000.
    assert.strictEqual(expectedInAll, 200000);
    assert.deepStrictEqual(unclaimedValue(intents, earlier, lookup, 'EUR'), { amount: 0, currency: 'EUR', per: 'year', leftOut: 0, claimed: 200000 });
  });

  it('subtracts each intent\'s share of an earlier shared release, and only in the intent\'s own currency and period', () => {
    // €100,000 for a and b: 60% / 40% by their values, so a has €60,000 left.
    const earlier = [release('1.0', ['a', 'b'], 100000), { ...release('0.9', ['a'], 5000), expected: { summary: 's', intents: ['a'], measures: [], value: { amount: 5000, currency: 'USD', per: 'year' as const } } }];
    assert.deepStrictEqual(unclaimedValue([intents[0]!], earlier, lookup, 'EUR'), { amount: 60000, currency: 'EUR', per: 'year', leftOut: 0, claimed: 60000 });
    // Stated shares decide: all of it was a's.
    assert.deepStrictEqual(unclaimedValue([intents[1]!], [release('1.0', ['a', 'b'], 100000, { a: 1 })], lookup, 'EUR').amount, 80000);
    assert.deepStrictEqual(unclaimedValue([intents[2]!], earlier, lookup, 'EUR'), { currency: 'EUR', leftOut: 0, claimed: 0 });
  });
});
