import * as assert from 'assert';
import { checkIntentIdInput, checkRequiredInput, parseCurrencyInput, parseNumberInput } from '../../../src/core/yaml/intentInput';

describe('new intent answers', () => {
  it('accepts a free well-formed id and explains what is wrong with others', () => {
    const taken = (id: string) => id === 'checkout-speed';
    assert.strictEqual(checkIntentIdInput('faster-pay', taken), undefined);
    assert.match(checkIntentIdInput('', taken) ?? '', /Enter an id/);
    for (const bad of ['Upper', '../../etc/passwd', 'a/b', '-x', 'a'.repeat(65), 'with space']) {
      assert.match(checkIntentIdInput(bad, taken) ?? '', /lower-case letters, digits and dashes/, bad);
    }
    assert.match(checkIntentIdInput('checkout-speed', taken) ?? '', /already exists/);
  });

  it('requires non-blank text', () => {
    assert.strictEqual(checkRequiredInput('x', 'a title'), undefined);
    assert.strictEqual(checkRequiredInput('  ', 'a title'), 'Enter a title.');
  });

  it('reads numbers strictly, blank meaning none', () => {
    assert.deepStrictEqual(parseNumberInput(''), {});
    assert.deepStrictEqual(parseNumberInput(' 2.1 '), { value: 2.1 });
    assert.deepStrictEqual(parseNumberInput('-3'), { value: -3 });
    assert.deepStrictEqual(parseNumberInput('1e5'), { value: 100000 });
    for (const bad of ['2,1', '2 100', 'abc', '0x10', 'Infinity', '1e999', '.', '--1']) assert.ok(parseNumberInput(bad).problem, bad);
  });

  it('normalises currency codes', () => {
    assert.deepStrictEqual(parseCurrencyInput(' eur '), { value: 'EUR' });
    assert.ok(parseCurrencyInput('euro').problem);
    assert.ok(parseCurrencyInput('€').problem);
  });
});
