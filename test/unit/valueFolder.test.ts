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
});
