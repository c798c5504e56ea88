import * as assert from 'assert';
import type { ReportInput } from '../../../src/core/report/buildReport';
import { buildReport } from '../../../src/core/report/buildReport';
import type { ReportPeriod } from '../../../src/core/report/reportPeriod';
import { periodStart } from '../../../src/core/report/reportPeriod';
import { FIXTURE_COMMITS, fixtureModel, TODAY } from './reportFixture';

function report(period: ReportPeriod = 'all', overrides: Partial<ReportInput> = {}) {
  return buildReport({ title: 'fixture', model: fixtureModel(), commits: { available: true, commits: FIXTURE_COMMITS }, today: TODAY, period, ...overrides });
}

describe('value report model', () => {
  it('reads the fixture without schema errors (so every file counts)', () => {
    const model = fixtureModel();
    const errors = model.problems(TODAY).filter((p) => p.severity === 'error');
    assert.deepStrictEqual(errors, []);
    assert.strictEqual(model.intents.size, 3);
    assert.strictEqual(model.releases.length, 5);
  });

  it('sums expected and realised value per currency and period, never across them', () => {
    const { money } = report().headline;
    assert.deepStrictEqual(money.map((t) => [t.currency, t.per, t.expected, t.realised, t.expectedOfReviewed, t.realisedShare]), [
      ['EUR', 'once', 1000, 0, 0, null],
      ['EUR', 'year', 115000, 45000, 60000, 0.75],
      ['USD', 'quarter', 5000, 0, 0, null],
      // 1.1.0 expected euros and recorded dollars: its dollars are not compared with anything.
      ['USD', 'year', 0, 10000, 0, null],
    ]);
    assert.ok(money.every((t) => !t.overflow));
  });

  it('counts releases reviewed, verdicts per measure, and reviews due and overdue', () => {
    const { headline } = report();
    assert.deepStrictEqual(headline.releases, { inPeriod: 5, reviewed: 2 });
    assert.deepStrictEqual(headline.verdicts, { met: 1, partial: 2, missed: 1, none: 1, judged: 4 });
    // 2.0.0 was due 2026-02-15 (overdue), 2.1.0 is reviewed on 2026-04-01 (upcoming, not due); 3.0.0 gives no date.
    assert.deepStrictEqual(headline.reviews, { due: 0, overdue: 1, upcoming: 1, next: '2026-04-01' });
  });

  it('measures value coverage like coverage.ts: linked iff a trailer names an existing intent', () => {
    const r = report();
    assert.deepStrictEqual(r.headline.coverage, { commits: 7, linked: 3, share: 3 / 7 });
    assert.ok(r.coverage.available);
    assert.strictEqual(r.coverage.unlinked, 4);
    assert.deepStrictEqual(r.coverage.unknownIds, [{ id: 'ghost', commits: 2 }]);
    assert.deepStrictEqual(r.coverage.months.map((m) => [m.month, m.commits, m.linked]), [
      ['2025-08', 2, 1], ['2025-09', 0, 0], ['2025-10', 0, 0], ['2025-11', 0, 0], ['2025-12', 0, 0],
      ['2026-01', 1, 1], ['2026-02', 3, 1], ['2026-03', 0, 0], ['2026-04', 0, 0], ['2026-05', 1, 0],
    ]);
    assert.strictEqual(r.coverage.months[1]?.share, null);
  });

  it('filters releases by created or reviewed date and commits by date for 30, 90 and 365 days', () => {
    assert.strictEqual(periodStart('30d', TODAY), '2026-01-31');
    assert.strictEqual(periodStart('90d', TODAY), '2025-12-02');
    assert.strictEqual(periodStart('365d', TODAY), '2025-03-02');
    const ninety = report('90d');
    assert.deepStrictEqual(ninety.releases.map((r) => r.name), ['1.1.0', '2.0.0', '2.1.0', '3.0.0']);
    assert.deepStrictEqual(ninety.headline.money.find((t) => t.currency === 'EUR' && t.per === 'year'), { currency: 'EUR', per: 'year', expected: 55000, realised: 0, expectedOfReviewed: 0, realisedShare: null, overflow: false });
    assert.deepStrictEqual(ninety.headline.coverage, { commits: 5, linked: 2, share: 0.4 });
    // 1.1.0 was created before the last 30 days but reviewed in them.
    const thirty = report('30d');
    assert.deepStrictEqual(thirty.releases.map((r) => r.name), ['1.1.0', '2.0.0', '2.1.0', '3.0.0']);
    assert.deepStrictEqual(thirty.headline.coverage, { commits: 4, linked: 1, share: 0.25 });
    assert.strictEqual(report('365d').releases.length, 5);
    // Due and overdue reviews are news today, whatever the period.
    assert.deepStrictEqual(thirty.headline.reviews, { due: 0, overdue: 1, upcoming: 1, next: '2026-04-01' });
  });

  it('never counts a shared release twice: the intents\' realised values and the unassigned rest add up to the headline', () => {
    const r = report();
    for (const total of r.headline.money) {
      const parts = [...r.intents.flatMap((i) => i.realised), ...r.unassigned].filter((m) => m.currency === total.currency && (m.per ?? 'unspecified') === total.per);
      assert.strictEqual(parts.reduce((n, m) => n + m.amount, 0), total.realised, `${total.currency} ${total.per}`);
    }
  });

  it('splits a shared release by the statement\'s shares, else by the intents\' values: a delivered €36,000 intent shows €36,000, not €45,000', () => {
    const files = {
      '.value/intents/a.yaml': 'id: a\ntitle: A\nwhy: w\nowner: o\nstatus: delivered\nvalue: { amount: 36000, currency: EUR, per: year }\n',
      '.value/intents/b.yaml': 'id: b\ntitle: B\nwhy: w\nowner: o\nstatus: delivered\nvalue: { amount: 9000, currency: EUR, per: year }\n',
      '.value/releases/1.0.yaml': 'release: "1.0"\nbranch: release/1.0\nbase: main\ncreated: 2026-01-10\nexpected:\n  summary: s\n  intents: [a, b]\noutcome:\n  recorded: 2026-02-01\n  value: { amount: 45000, currency: EUR, per: year }\n',
      '.value/releases/2.0.yaml': 'release: "2.0"\nbranch: release/2.0\nbase: main\ncreated: 2026-01-20\nexpected:\n  summary: s\n  intents: [a, b]\n  shares: { a: 1, b: 3 }\noutcome:\n  recorded: 2026-02-01\n  value: { amount: 100, currency: EUR, per: year }\n',
    };
    const r = buildReport({ title: 't', model: fixtureModel(files), commits: { available: true, commits: [] }, today: TODAY, period: 'all' });
    const realised = (id: string) => r.intents.find((i) => i.id === id)?.realised;
    // 1.0: in proportion to 36,000 : 9,000 (80% : 20%); 2.0: by its shares (25% : 75%).
    assert.deepStrictEqual(realised('a'), [{ amount: 36025, currency: 'EUR', per: 'year' }]);
    assert.deepStrictEqual(realised('b'), [{ amount: 9075, currency: 'EUR', per: 'year' }]);
    assert.deepStrictEqual(r.releases.map((x) => x.shares.map((s) => [s.id, s.share, s.rule])), [[['a', 0.8, 'proportional'], ['b', 0.2, 'proportional']], [['a', 0.25, 'stated'], ['b', 0.75, 'stated']]]);
    assert.strictEqual(r.headline.money[0]?.realised, 45100);
  });

  it('fills each intent with metric progress, value, releases and commits', () => {
    const r = report();
    const checkout = r.intents.find((i) => i.id === 'checkout-speed');
    assert.deepStrictEqual(checkout?.metric, { name: 'conversion', unit: '%', baseline: 2.1, target: 2.4, latest: { value: 2.0, release: '1.1.0', recorded: '2026-02-20' } });
    // 1.1.0's $10,000 is shared with onboarding (EUR per year and USD per quarter: not comparable, so halves).
    assert.deepStrictEqual(checkout?.realised, [{ amount: 45000, currency: 'EUR', per: 'year' }, { amount: 5000, currency: 'USD', per: 'year' }]);
    assert.deepStrictEqual(checkout?.releases, ['1.0.0', '1.1.0', '2.0.0']);
    assert.deepStrictEqual(checkout?.releaseShares, [1, 0.5, 1]);
    assert.strictEqual(checkout?.commits, 2);
    const onboarding = r.intents.find((i) => i.id === 'onboarding');
    assert.deepStrictEqual(onboarding?.metric?.latest, { value: 4, release: '1.1.0', recorded: '2026-02-20' });
    assert.strictEqual(onboarding?.commits, 1);
    assert.deepStrictEqual(r.intents.map((i) => i.id), ['checkout-speed', 'huge', 'onboarding']);
    assert.strictEqual(r.intents.find((i) => i.id === 'huge')?.expected?.amount, 9e21);
  });

  it('computes progress from baseline to target, also for zero and negative baselines; never divides by zero', () => {
    const r = report();
    const first = r.releases.find((x) => x.name === '1.0.0');
    assert.deepStrictEqual(first?.measures.map((m) => m.progress), [0.75, 1.2, 0.5]);
    const second = r.releases.find((x) => x.name === '1.1.0');
    assert.deepStrictEqual(second?.measures.map((m) => m.progress), [-1.666667, 0.4]);
    // No baseline: progress cannot be said.
    assert.strictEqual(r.releases.find((x) => x.name === '2.0.0')?.measures[0]?.progress, undefined);
  });

  it('flags a deleted intent, future dates and a currency change in notes', () => {
    const r = report();
    assert.deepStrictEqual(r.releases.find((x) => x.name === '2.0.0')?.intents, [{ id: 'checkout-speed', known: true }, { id: 'deleted-intent', known: false }]);
    assert.deepStrictEqual(r.notes, [
      'Release 1.1.0 expected EUR per year but recorded USD per year; the two are not compared.',
      'Release 2.0.0 names intent "deleted-intent", which does not exist (deleted or renamed).',
      'Release 3.0.0 is dated 2026-12-01, after today.',
      '2 commits name intent "ghost" in a trailer, which does not exist; they count as unlinked.',
      'Some commits are dated after today.',
    ]);
  });

  it('says "too large" instead of Infinity when sums overflow, and rounds decimal sums to cents', () => {
    const model = fixtureModel({
      '.value/releases/a.yaml': 'release: a\nbranch: a\nbase: main\ncreated: 2026-01-01\nexpected: { summary: s, intents: [], value: { amount: 1e308, currency: CHF, per: year } }\n',
      '.value/releases/b.yaml': 'release: b\nbranch: b\nbase: main\ncreated: 2026-01-01\nexpected: { summary: s, intents: [], value: { amount: 1e308, currency: CHF, per: year } }\n',
      '.value/releases/c.yaml': 'release: c\nbranch: c\nbase: main\ncreated: 2026-01-01\nexpected: { summary: s, intents: [], value: { amount: 0.1, currency: GBP } }\n',
      '.value/releases/d.yaml': 'release: d\nbranch: d\nbase: main\ncreated: 2026-01-01\nexpected: { summary: s, intents: [], value: { amount: 0.2, currency: GBP } }\n',
    });
    const r = buildReport({ title: 't', model, commits: { available: false, reason: 'no git' }, today: TODAY, period: 'all' });
    const chf = r.headline.money.find((t) => t.currency === 'CHF');
    assert.strictEqual(chf?.overflow, true);
    assert.strictEqual(chf?.realisedShare, null);
    assert.deepStrictEqual(r.headline.money.find((t) => t.currency === 'GBP'), { currency: 'GBP', per: 'unspecified', expected: 0.3, realised: 0, expectedOfReviewed: 0, realisedShare: null, overflow: false });
  });

  it('reports coverage as unavailable (not zero) when git could not be read', () => {
    const r = report('all', { commits: { available: false, reason: 'This workspace is not trusted.' } });
    assert.strictEqual(r.headline.coverage, null);
    assert.deepStrictEqual(r.coverage, { available: false, reason: 'This workspace is not trusted.' });
    assert.ok(r.intents.every((i) => i.commits === null));
  });

  it('handles an empty model and no commits', () => {
    const r = buildReport({ title: 'empty', model: fixtureModel({}), commits: { available: true, commits: [] }, today: TODAY, period: '30d' });
    assert.deepStrictEqual(r.headline, { money: [], releases: { inPeriod: 0, reviewed: 0 }, verdicts: { met: 0, partial: 0, missed: 0, none: 0, judged: 0 }, reviews: { due: 0, overdue: 0, upcoming: 0 }, coverage: { commits: 0, linked: 0, share: null } });
    assert.deepStrictEqual(r.notes, []);
  });
});
