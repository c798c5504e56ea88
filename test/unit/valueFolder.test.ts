import * as assert from 'assert';
import { compareNatural, entryNameOf, isIntentId } from '../../src/core/valueFolder';

describe('value folder layout', () => {
  it('names an entry after its YAML file', () => {
    assert.strictEqual(entryNameOf('checkout-speed.yaml'), 'checkout-speed');
    assert.strictEqual(entryNameOf('2.4.0.yml'), '2.4.0');
  });

  it('ignores files that are not YAML, hidden files and bare extensions', () => {
    for (const name of ['notes.md', 'checkout.yaml.bak', '.yaml', '.hidden.yaml', 'README', 'yaml']) {
      assert.strictEqual(entryNameOf(name), undefined, name);
    }
  });

  it('accepts only well-formed intent ids, so an id can never climb out of its folder', () => {
    for (const id of ['checkout-speed', 'a', '9lives', 'a'.repeat(64)]) assert.ok(isIntentId(id), id);
    for (const id of ['', '-lead', 'Upper', 'with space', '../escape', 'a/b', 'dot.ted', 'a'.repeat(65), 'naïve']) {
      assert.ok(!isIntentId(id), id);
    }
  });

  it('sorts versions and names the way people read them', () => {
    assert.deepStrictEqual(['2.10.0', '2.9.0', '10.0.0', '2.9.1'].sort(compareNatural), ['2.9.0', '2.9.1', '2.10.0', '10.0.0']);
    assert.deepStrictEqual(['beta', 'Alpha', 'gamma'].sort(compareNatural), ['Alpha', 'beta', 'gamma']);
  });

  it('orders release names and tags as ICU\u2019s numeric collation does, without loading it', () => {
    // Oracle: Intl.Collator (numeric, base), on the characters names and tags are made of.
    const icu = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
    const alphabet = 'aAbBzZ0123456789.-/v';
    let seed = 7;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const name = (): string => Array.from({ length: 1 + random(9) }, () => alphabet[random(alphabet.length)]).join('');
    for (let k = 0; k < 20000; k++) {
      const a = name();
      const b = name();
      const expected = Math.sign(icu.compare(a, b));
      const actual = Math.sign(compareNatural(a, b));
      if (expected !== 0) assert.strictEqual(actual, expected, `${a} vs ${b}`);
      assert.strictEqual(actual + Math.sign(compareNatural(b, a)), 0, `antisymmetric: ${a} vs ${b}`);
    }
    // Ties in ICU (case, leading zeros) get one fixed order, so a listing never depends on readdir.
    assert.deepStrictEqual(['b', 'B'].sort(compareNatural), ['B', 'b']);
    assert.deepStrictEqual(['B', 'b'].sort(compareNatural), ['B', 'b']);
  });
});
