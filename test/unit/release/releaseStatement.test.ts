import * as assert from 'assert';
import { parse } from 'yaml';
import { toReleaseStatement } from '../../../src/core/model/normalize';
import { parseValueFile } from '../../../src/core/model/parseValueFile';
import { buildReleaseStatement, OUTCOME_FLOW_KEYS, outcomeYamlValue, renderReleaseYaml, valueFromIntents } from '../../../src/core/release/releaseStatement';
import { suggestVerdict } from '../../../src/core/release/verdict';
import { editsToward } from '../../../src/core/yaml/editsToward';
import { applyYamlEdits } from '../../../src/core/yaml/yamlEdits';

describe('release statement building', () => {
  const answers = {
    release: '2.10',
    branch: 'release/2.10',
    base: 'main',
    created: '2026-11-26',
    author: 'Dana <dana@example.com>',
    summary: '  Checkout p95 under 800 ms should lift conversion to 2.3%. ',
    intents: ['checkout-speed'],
    measures: [{ metric: 'checkout conversion', baseline: 2.1, target: 2.3, review: '2026-12-26' }, { metric: 'yes', review: '2026-12-26' }],
    value: { amount: 60000, currency: 'EUR', per: 'year' as const },
  };

  it('renders a statement that passes the schema and parses back to the answers', () => {
    const statement = buildReleaseStatement(answers);
    const text = renderReleaseYaml(statement);
    assert.match(text, /^# Value statement for release 2\.10/);
    assert.match(text, /release: "2\.10"/);
    assert.match(text, /- \{ metric: checkout conversion, baseline: 2\.1, target: 2\.3, review: 2026-12-26 \}/);
    const parsed = parseValueFile('.value/releases/2.10.yaml', 'release', text);
    assert.deepStrictEqual(parsed.problems, []);
    assert.deepStrictEqual(toReleaseStatement(parsed.data as Record<string, unknown>), statement);
    assert.strictEqual(statement.expected.summary, 'Checkout p95 under 800 ms should lift conversion to 2.3%.');
  });

  it('leaves out what was not given', () => {
    const text = renderReleaseYaml(buildReleaseStatement({ release: '3.0.0', branch: 'release/3.0.0', base: 'main', created: '2026-11-26', summary: 'Nothing measured, but new shops publish faster.', intents: [], measures: [] }));
    assert.deepStrictEqual(parse(text), { release: '3.0.0', branch: 'release/3.0.0', base: 'main', created: '2026-11-26', expected: { summary: 'Nothing measured, but new shops publish faster.', intents: [] } });
    assert.deepStrictEqual(parseValueFile('.value/releases/3.0.0.yaml', 'release', text).problems, []);
  });

  it('prefills the value from the intents in their most common currency and period', () => {
    assert.deepStrictEqual(valueFromIntents([{ value: { amount: 120000, currency: 'EUR', per: 'year' } }, { value: { amount: 36000.5, currency: 'EUR', per: 'year' } }, {}], 'USD'), { amount: 156000.5, currency: 'EUR', per: 'year', leftOut: 0 });
    assert.deepStrictEqual(valueFromIntents([{ value: { amount: 1, currency: 'USD', per: 'month' } }, { value: { amount: 2, currency: 'EUR', per: 'year' } }, { value: { amount: 3, currency: 'EUR', per: 'year' } }], 'EUR'), { amount: 5, currency: 'EUR', per: 'year', leftOut: 1 });
    assert.deepStrictEqual(valueFromIntents([{}], 'EUR'), { currency: 'EUR', leftOut: 0 });
  });

  it('suggests a verdict from baseline, target and actual, in either direction', () => {
    const up = { baseline: 2.1, target: 2.3 };
    assert.deepStrictEqual([2.3, 2.4, 2.25, 2.1, 2.0].map((a) => suggestVerdict(up, a)), ['met', 'met', 'partial', 'missed', 'missed']);
    const down = { baseline: 9, target: 3 };
    assert.deepStrictEqual([3, 2, 5, 9, 10].map((a) => suggestVerdict(down, a)), ['met', 'met', 'partial', 'missed', 'missed']);
    assert.deepStrictEqual([suggestVerdict({ target: 5 }, 6), suggestVerdict({ target: 5 }, 4), suggestVerdict({ baseline: 1 }, 4), suggestVerdict(up, undefined)], ['met', 'missed', undefined, undefined]);
  });

  it('writes the outcome block into a statement keeping its comments', () => {
    const original = `# keep me\n${renderReleaseYaml(buildReleaseStatement(answers))}`;
    const value = outcomeYamlValue({ recorded: '2027-01-16', measures: [{ metric: 'checkout conversion', actual: 2.25, verdict: 'partial' }, { metric: 'yes' }], value: { amount: 45000, currency: 'EUR', per: 'year' }, notes: ' Mobile Safari regression. ' });
    const text = applyYamlEdits(original, [{ kind: 'set', path: ['outcome'], value }]);
    assert.ok(text.startsWith(original.trimEnd()));
    assert.match(text, /# keep me/);
    const parsed = parseValueFile('.value/releases/2.10.yaml', 'release', text);
    assert.deepStrictEqual(parsed.problems, []);
    assert.deepStrictEqual(toReleaseStatement(parsed.data as Record<string, unknown>).outcome, {
      recorded: '2027-01-16',
      measures: [{ metric: 'checkout conversion', actual: 2.25, verdict: 'partial' }, { metric: 'yes' }],
      value: { amount: 45000, currency: 'EUR', per: 'year' },
      notes: 'Mobile Safari regression.',
    });
  });

  it('recording an outcome again keeps the keys the flow does not ask for, and changes only the answer that changed', () => {
    const recorded = `${renderReleaseYaml(buildReleaseStatement(answers))}outcome:
  recorded: 2027-01-16
  reviewedBy: finance # signed off in the QBR
  measures:
    - metric: checkout conversion
      actual: 2.25
      verdict: partial
      dashboard: https://grafana.example/d/checkout
  notes: Mobile Safari regression.
`;
    const again = outcomeYamlValue({ recorded: '2027-01-16', measures: [{ metric: 'Checkout conversion', actual: 2.31, verdict: 'met' }], notes: 'Mobile Safari regression.' });
    const text = applyYamlEdits(recorded, editsToward(recorded, ['outcome'], again, OUTCOME_FLOW_KEYS));
    const expected = recorded.replace('actual: 2.25', 'actual: 2.31').replace('verdict: partial', 'verdict: met').replace('metric: checkout conversion\n      actual', 'metric: Checkout conversion\n      actual');
    assert.strictEqual(text, expected);
  });
});
