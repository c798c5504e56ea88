import * as assert from 'assert';
import { formatMoneyLong, formatMoneyShort } from '../../../src/core/present/formatMoney';
import { describeReview, reviewState } from '../../../src/core/present/reviewDue';
import { formatStatus } from '../../../src/core/present/statusText';
import type { ReleaseStatement } from '../../../src/core/model/types';

describe('money, reviews and the status bar text', () => {
  it('formats money short for trees and long for tooltips', () => {
    assert.strictEqual(formatMoneyShort({ amount: 120000, currency: 'EUR', per: 'year' }), '€120K/yr');
    assert.strictEqual(formatMoneyShort({ amount: 1_500_000, currency: 'USD', per: 'month' }), '$1.5M/mo');
    assert.strictEqual(formatMoneyShort({ amount: 900, currency: 'GBP', per: 'once' }), '£900');
    assert.match(formatMoneyShort({ amount: 5000, currency: 'CHF' }), /^CHF\s5K$/);
    assert.strictEqual(formatMoneyLong({ amount: 120000, currency: 'EUR', per: 'year' }), '€120,000 per year');
    assert.strictEqual(formatMoneyLong({ amount: 99.5, currency: 'USD', per: 'once' }), '$99.5 once');
    assert.match(formatMoneyShort({ amount: 120000, currency: 'EUR', per: 'year' }, 'de'), /^120(\.000|\s?Tsd\.)\s€\/yr$/); // German puts the sign last
    assert.strictEqual(formatMoneyShort({ amount: 10, currency: 'NOPE' }), '10 NOPE');
  });

  it('says when a review is upcoming, due today or overdue, by the earliest review date: a review a month away is not "due"', () => {
    const statement = (review: string[], outcome = false): ReleaseStatement => ({
      release: '1', branch: 'release/1', base: 'main', created: '2026-01-01',
      expected: { summary: 's', intents: [], measures: review.map((r, i) => ({ metric: `m${i}`, review: r })) },
      ...(outcome ? { outcome: { recorded: '2026-02-01', measures: [] } } : {}),
    });
    assert.deepStrictEqual(reviewState(statement(['2026-12-01', '2026-11-29']), '2026-11-26'), { kind: 'upcoming', date: '2026-11-29', days: 3 });
    assert.strictEqual(describeReview(reviewState(statement(['2026-12-26']), '2026-11-26')), 'review on 2026-12-26, in 30 days');
    assert.strictEqual(describeReview(reviewState(statement(['2026-11-27']), '2026-11-26')), 'review tomorrow');
    assert.strictEqual(describeReview(reviewState(statement(['2026-11-26']), '2026-11-26')), 'review due today');
    assert.strictEqual(describeReview(reviewState(statement(['2026-11-25']), '2026-11-26')), 'review overdue by 1 day');
    assert.deepStrictEqual(reviewState(statement(['2026-10-01'], true), '2026-11-26'), { kind: 'reviewed' });
    assert.deepStrictEqual(reviewState(statement([]), '2026-11-26'), { kind: 'none' });
  });

  it('shows the main intent and its value, a count of the others, and warns about a missing statement', () => {
    const eur = { amount: 120000, currency: 'EUR', per: 'year' } as const;
    assert.deepStrictEqual(formatStatus({ intents: [{ id: 'checkout-speed', value: eur }, { id: 'a' }, { id: 'b' }], missingStatement: false, hasValueFolder: true }), {
      visible: true, text: '$(target) checkout-speed · €120K/yr +2', warning: false, label: 'Value Lens: the branch serves checkout-speed, worth €120K/yr and 2 more intents',
    });
    assert.strictEqual(formatStatus({ intents: [], missingStatement: false, hasValueFolder: true }).text, '$(target) No intent');
    const missing = formatStatus({ intents: [{ id: 'x' }], missingStatement: true, hasValueFolder: false });
    assert.deepStrictEqual([missing.visible, missing.text, missing.warning], [true, '$(warning) No value stated', true]);
    assert.strictEqual(formatStatus({ intents: [], missingStatement: false, hasValueFolder: false }).visible, false);
  });
});
