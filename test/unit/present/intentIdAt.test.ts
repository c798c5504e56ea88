import * as assert from 'assert';
import { intentCompletionStart, intentIdAt } from '../../../src/core/present/intentIdAt';

describe('intent ids under the cursor and places to complete them', () => {
  it('finds the id-shaped word under or just after the cursor', () => {
    const line = 'Intent: checkout-speed, search-relevance';
    assert.deepStrictEqual(intentIdAt(line, 10), { id: 'checkout-speed', start: 8, end: 22 });
    assert.deepStrictEqual(intentIdAt(line, 22), { id: 'checkout-speed', start: 8, end: 22 });
    assert.deepStrictEqual(intentIdAt(line, 24), { id: 'search-relevance', start: 24, end: 40 });
    assert.deepStrictEqual(intentIdAt('  intents: [checkout-speed]', 15)?.id, 'checkout-speed');
    assert.deepStrictEqual(intentIdAt('id: legacy-payments-retirement', 30)?.id, 'legacy-payments-retirement');
  });

  it('refuses words that are not intent ids', () => {
    assert.strictEqual(intentIdAt('Intent: checkout-speed', 3), undefined); // "Intent" has a capital
    assert.strictEqual(intentIdAt('a: -leading', 5), undefined);
    assert.strictEqual(intentIdAt('  ', 1), undefined);
    assert.strictEqual(intentIdAt('', 0), undefined);
    assert.strictEqual(intentIdAt(`${'a'.repeat(65)}`, 3), undefined);
  });

  it('completes after the trailer key, any case, and after commas', () => {
    const at = (line: string, trailer = 'Intent'): number | undefined => intentCompletionStart([line], 0, line.length, 'commit-message', trailer);
    assert.strictEqual(at('Intent: '), 8);
    assert.strictEqual(at('Intent: che'), 8);
    assert.strictEqual(at('intent:che'), 7);
    assert.strictEqual(at('INTENT: checkout-speed, sea'), 24);
    assert.strictEqual(at('Intent: checkout-speed,'), 23);
    assert.strictEqual(at('Refs: che', 'Refs'), 6);
    assert.strictEqual(at('Refs: che'), undefined);
    assert.strictEqual(at('Fix the intent: che'), undefined);
    assert.strictEqual(at('Intent'), undefined);
    assert.strictEqual(intentCompletionStart(['Intent: a'], 1, 0, 'commit-message', 'Intent'), undefined);
  });

  it('completes in a release file\'s intents: flow list', () => {
    const at = (line: string): number | undefined => intentCompletionStart([line], 0, line.length, 'release-file', 'Intent');
    assert.strictEqual(at('  intents: ['), 12);
    assert.strictEqual(at('  intents: [che'), 12);
    assert.strictEqual(at('  intents: [checkout-speed, leg'), 28);
    assert.strictEqual(at('  intents: [checkout-speed]'), undefined);
    assert.strictEqual(at('  summary: [che'), undefined);
    assert.strictEqual(at('Intent: che'), undefined);
  });

  it('completes on a block list item under intents: only', () => {
    const lines = ['expected:', '  summary: s', '  intents:', '    - checkout-speed', '    # a comment', '    - gu', '  measures:', '    - me', 'intents:', '- x'];
    assert.strictEqual(intentCompletionStart(lines, 5, 8, 'release-file', 'Intent'), 6);
    assert.strictEqual(intentCompletionStart(lines, 3, 6, 'release-file', 'Intent'), 6);
    assert.strictEqual(intentCompletionStart(lines, 7, 8, 'release-file', 'Intent'), undefined);
    assert.strictEqual(intentCompletionStart(lines, 9, 3, 'release-file', 'Intent'), 2); // same indent as the key
    assert.strictEqual(intentCompletionStart(lines, 5, 8, 'commit-message', 'Intent'), undefined);
  });
});
