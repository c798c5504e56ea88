import * as assert from 'assert';
import { releaseShares, splitMoney } from '../../../src/core/report/releaseShares';

const eur = (amount: number) => ({ amount, currency: 'EUR', per: 'year' as const });

describe('how a release\'s value is split between its intents', () => {
  it('uses the stated weights, else the intents\' comparable values, else equal parts', () => {
    const values: Record<string, ReturnType<typeof eur> | undefined> = { a: eur(30), b: eur(10), c: undefined };
    const of = (id: string) => values[id];
    assert.deepStrictEqual(releaseShares(['a', 'b'], { a: 1, b: 1 }, of).map((s) => [s.share, s.rule]), [[0.5, 'stated'], [0.5, 'stated']]);
    assert.deepStrictEqual(releaseShares(['a', 'b'], undefined, of).map((s) => [s.share, s.rule]), [[0.75, 'proportional'], [0.25, 'proportional']]);
    // c states no value: it gets no part.
    assert.deepStrictEqual(releaseShares(['a', 'c'], undefined, of).map((s) => [s.share, s.rule]), [[1, 'proportional'], [0, 'proportional']]);
    // Values in two currencies cannot be weighed against each other.
    assert.deepStrictEqual(releaseShares(['a', 'd'], undefined, (id) => (id === 'd' ? { amount: 5, currency: 'USD', per: 'year' } : of(id))).map((s) => s.rule), ['equal', 'equal']);
    // Stated weights that name none of the intents do not decide.
    assert.deepStrictEqual(releaseShares(['a', 'b'], { z: 5 }, of).map((s) => s.rule), ['proportional', 'proportional']);
    assert.deepStrictEqual(releaseShares(['a', 'a'], undefined, of).map((s) => [s.id, s.share]), [['a', 1]]);
    assert.deepStrictEqual(releaseShares([], undefined, of), []);
  });

  it('splits money in whole cents that add up to the amount exactly', () => {
    const shares = releaseShares(['a', 'b', 'c'], undefined, () => undefined);
    const parts = splitMoney(eur(100), shares);
    assert.deepStrictEqual([...parts.values()].map((m) => m.amount), [33.34, 33.33, 33.33]);
    const odd = splitMoney(eur(0.05), releaseShares(['a', 'b'], { a: 1, b: 1 }, () => undefined));
    assert.strictEqual([...odd.values()].reduce((n, m) => n + Math.round(m.amount * 100), 0), 5);
  });
});
