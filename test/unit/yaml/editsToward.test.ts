import * as assert from 'assert';
import { parse } from 'yaml';
import type { Ownership } from '../../../src/core/yaml/editsToward';
import { editsToward } from '../../../src/core/yaml/editsToward';
import { applyYamlEdits } from '../../../src/core/yaml/yamlEdits';

/** A statement as a team keeps it: comments, an extra key the flow does not know, a flow map. */
const STATEMENT = `release: "2.5"
branch: release/2.5
expected:
  summary: Checkout p95 under 800 ms.   # agreed with Sales
  intents: [checkout-speed, fraud-rules]
  shares: { checkout-speed: 0.7, fraud-rules: 0.3 }
  measures:
    - metric: checkout conversion
      baseline: 2.1
      target: 2.3
      review: 2027-01-10
      dashboard: https://grafana.example/d/checkout   # not asked by the flow
    - metric: chargeback rate
      target: 0.4
  value: { amount: 60000, currency: EUR, per: year }
  evidence: ticket SALES-12
`;

const OWN: Ownership = {
  owns: (path, key) => (path.length === 1 ? ['summary', 'intents', 'measures', 'value'].includes(key) : path[2] !== undefined && path.length === 3 ? ['metric', 'baseline', 'target', 'review'].includes(key) : ['amount', 'currency', 'per'].includes(key)),
  identity: (path, item) => (path[1] === 'measures' ? String((item as { metric?: string }).metric ?? '') : undefined),
};

const conversion = { metric: 'checkout conversion', baseline: 2.1, target: 2.3, review: '2027-01-10' };
const chargebacks = { metric: 'chargeback rate', target: 0.4 };
const answers = {
  summary: 'Checkout p95 under 800 ms.',
  intents: ['checkout-speed', 'fraud-rules'],
  measures: [conversion, chargebacks],
  value: { amount: 60000, currency: 'EUR', per: 'year' },
};

describe('editsToward: writing a flow\u2019s answers over what the file says', () => {
  it('the same answers give no edit at all, so the file is not touched', () => {
    assert.deepStrictEqual(editsToward(STATEMENT, ['expected'], answers, OWN), []);
  });

  it('one changed answer changes one line, and comments, extra keys and styles stay', () => {
    const edits = editsToward(STATEMENT, ['expected'], { ...answers, measures: [{ ...conversion, target: 2.4 }, chargebacks] }, OWN);
    assert.deepStrictEqual(edits, [{ kind: 'set', path: ['expected', 'measures', 0, 'target'], value: 2.4 }]);
    const after = applyYamlEdits(STATEMENT, edits);
    assert.strictEqual(after, STATEMENT.replace('target: 2.3', 'target: 2.4'));
  });

  it('a cleared optional answer removes only that key', () => {
    const noValue: Partial<typeof answers> = { ...answers };
    delete noValue.value;
    const after = applyYamlEdits(STATEMENT, editsToward(STATEMENT, ['expected'], noValue, OWN));
    assert.ok(!after.includes('value:'));
    assert.ok(after.includes('evidence: ticket SALES-12'));
    assert.ok(after.includes('shares: { checkout-speed: 0.7, fraud-rules: 0.3 }'));
  });

  it('an intent dropped from the list takes its measure; the measure that stays keeps the key the flow does not ask', () => {
    const next = { ...answers, intents: ['checkout-speed'], measures: [{ ...conversion }] };
    const after = parse(applyYamlEdits(STATEMENT, editsToward(STATEMENT, ['expected'], next, OWN))) as { expected: Record<string, unknown> };
    assert.deepStrictEqual(after.expected.intents, ['checkout-speed']);
    assert.deepStrictEqual(after.expected.measures, [{ metric: 'checkout conversion', baseline: 2.1, target: 2.3, review: '2027-01-10', dashboard: 'https://grafana.example/d/checkout' }]);
    assert.strictEqual(after.expected.evidence, 'ticket SALES-12');
  });

  it('re-ordered measures are matched by metric, not by position', () => {
    const next = { ...answers, measures: [chargebacks, { ...conversion, target: 2.5 }], intents: ['fraud-rules', 'checkout-speed', 'x'] };
    const after = parse(applyYamlEdits(STATEMENT, editsToward(STATEMENT, ['expected'], { ...next, measures: [...next.measures, { metric: 'new one' }] }, OWN))) as { expected: { measures: Record<string, unknown>[] } };
    assert.strictEqual(after.expected.measures[1]?.dashboard, 'https://grafana.example/d/checkout');
    assert.strictEqual(after.expected.measures[1]?.target, 2.5);
    assert.strictEqual(after.expected.measures[0]?.dashboard, undefined);
  });

  it('a missing block is written whole', () => {
    const text = 'release: "2.5"\n';
    assert.deepStrictEqual(editsToward(text, ['outcome'], { recorded: '2027-01-12' }, OWN), [{ kind: 'set', path: ['outcome'], value: { recorded: '2027-01-12' } }]);
  });
});
