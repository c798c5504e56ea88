import * as assert from 'assert';
import { parse, parseDocument } from 'yaml';
import { isIntentId } from '../../../src/core/valueFolder';
import type { IntentAnswers } from '../../../src/core/yaml/intentTemplate';
import { renderIntentYaml, slugifyIntentId, suggestIntentId } from '../../../src/core/yaml/intentTemplate';

/** A small deterministic generator, so a failing case can be reproduced. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0;
    return s / 2 ** 32;
  };
}

const PIECES = [
  'a', 'Checkout', ' ', '  ', ':', ': ', '#', ' #', '-', '- ', '"', "'", '\\', '\n', '\t', 'yes', 'no', 'on', 'Off', 'y',
  'null', '~', 'true', '0', '007', '0x1F', '1e3', '.5', '-1', '2026-11-26', '{', '}', '[', ']', ',', '&a', '*a', '!tag',
  '|', '>', '%', '@', '`', '?', 'é', 'ü', 'ß', 'Œ', '日本', '💶', '\u2028', '\u00a0', '---', '...', '<<', '=',
];

function oddString(next: () => number): string {
  let s = '';
  const n = 1 + Math.floor(next() * 6);
  for (let i = 0; i < n; i++) s += PIECES[Math.floor(next() * PIECES.length)] ?? '';
  return s;
}

describe('new intent template', () => {
  it('slugifies titles into valid ids, stripping accents', () => {
    const cases: [string, string][] = [
      ['Faster checkout', 'faster-checkout'],
      ['Crème brûlée über Straße', 'creme-brulee-uber-strasse'],
      ['Ærø → Łódź!', 'aero-lodz'],
      ['  --Reduce   churn (Q3)--  ', 'reduce-churn-q3'],
      ['v2.4: “Fast” pay', 'v2-4-fast-pay'],
      ['日本語', 'intent'],
      ['', 'intent'],
    ];
    for (const [title, id] of cases) assert.strictEqual(slugifyIntentId(title), id, title);
  });

  it('keeps slugs at 64 characters, cutting at a word boundary when it can', () => {
    assert.strictEqual(slugifyIntentId('x'.repeat(100)), 'x'.repeat(64));
    const words = slugifyIntentId('improve '.repeat(20));
    assert.ok(words.length <= 64 && !words.endsWith('-') && words.endsWith('improve'), words);
  });

  it('gives a valid id for any title', () => {
    const next = random(7);
    for (let i = 0; i < 2000; i++) {
      const title = oddString(next);
      const id = slugifyIntentId(title);
      assert.ok(isIntentId(id), `${JSON.stringify(title)} → ${JSON.stringify(id)}`);
    }
  });

  it('suggests a free id by numbering', () => {
    const taken = new Set(['faster-checkout', 'faster-checkout-2']);
    assert.strictEqual(suggestIntentId('Faster checkout', (id) => taken.has(id)), 'faster-checkout-3');
    const long = suggestIntentId('x'.repeat(80), (id) => id === 'x'.repeat(64));
    assert.strictEqual(long, `${'x'.repeat(62)}-2`);
  });

  it('renders a file with a leading comment that parses back to the answers, status proposed by default', () => {
    const answers: IntentAnswers = {
      id: 'checkout-speed',
      title: 'Faster checkout',
      why: 'Cart abandonment is 68%; every 100 ms of checkout latency costs about 1% conversion.',
      owner: 'payments-team',
      metric: { name: 'checkout conversion', unit: '%', baseline: 2.1, target: 2.4 },
      value: { amount: 120000, currency: 'EUR', per: 'year', confidence: 'medium' },
    };
    const text = renderIntentYaml(answers);
    assert.match(text, /^# Business intent "checkout-speed"/);
    assert.deepStrictEqual(parse(text), { ...answers, status: 'proposed' });
    assert.match(text, /^metric: \{ name: checkout conversion, unit: "%", baseline: 2\.1, target: 2\.4 \}$/m);
    assert.match(text, /^value: \{ amount: 120000, currency: EUR, per: year, confidence: medium \}$/m);
    assert.ok(text.endsWith('\n'));
  });

  it('leaves out the optional parts that were not answered', () => {
    const text = renderIntentYaml({ id: 'a', title: 'A', why: 'B', owner: 'C', status: 'active', metric: { name: 'm' } });
    assert.deepStrictEqual(parse(text), { id: 'a', title: 'A', why: 'B', owner: 'C', status: 'active', metric: { name: 'm' } });
  });

  it('quotes what YAML would misread, for YAML 1.2 and 1.1 readers', () => {
    for (const title of ['yes', 'no', 'On', 'y', '12', '007', '1e3', 'null', '~', 'true', 'a: b', 'x #y', '#x', '- x', '[x]', '{x}', '&a', '*a', '!t', '|', '>', '%', '@', '`']) {
      const text = renderIntentYaml({ id: '2024', title, why: title, owner: title });
      for (const version of ['1.2', '1.1'] as const) {
        const data = parse(text, { version }) as Record<string, unknown>;
        assert.strictEqual(data['title'], title, `${title} (YAML ${version})`);
        assert.strictEqual(data['id'], '2024', `id (YAML ${version})`);
      }
    }
  });

  it('round-trips hundreds of odd answers exactly', () => {
    const next = random(42);
    for (let i = 0; i < 400; i++) {
      const title = oddString(next);
      const answers: IntentAnswers = {
        id: slugifyIntentId(title),
        title,
        why: oddString(next),
        owner: oddString(next),
        metric: { name: oddString(next), unit: oddString(next), baseline: Math.round(next() * 1e4) / 100, target: -next() },
        value: { amount: Math.floor(next() * 1e7), currency: 'USD', per: 'quarter', confidence: 'low' },
      };
      const text = renderIntentYaml(answers);
      const doc = parseDocument(text);
      assert.deepStrictEqual(doc.errors, [], text);
      assert.deepStrictEqual(doc.toJS(), { ...answers, status: 'proposed' }, text);
    }
  });

  it('refuses an invalid id rather than writing a file that names another path', () => {
    assert.throws(() => renderIntentYaml({ id: '../../etc/passwd', title: 't', why: 'w', owner: 'o' }), /not a valid intent id/);
  });
});
