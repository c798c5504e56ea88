import * as assert from 'assert';
import { isObjectId, isValidBranchName, isValidRefName, isValidTrailerKey } from '../../../src/core/git/refName';

describe('ref name validation (git check-ref-format rules)', () => {
  it('accepts ordinary, nested, unicode and # branch names', () => {
    for (const name of ['main', 'feature/checkout-speed', 'feature/ünïcode-ß', 'fix/#42', 'release/2.4.0', 'a@b']) {
      assert.ok(isValidBranchName(name), name);
    }
  });

  it('refuses what git refuses, and anything that could read as an option', () => {
    const bad = ['', '-x', '--output=/tmp/x', '@', 'HEAD', 'a..b', 'a b', 'a~1', 'a^', 'a:b', 'a?', 'a*', 'a[b', 'a\\b',
      'a@{1}', '/a', 'a/', 'a//b', 'a.', '.a', 'a/.b', 'a.lock', 'a/b.lock/c', 'tab\there', 'nl\nx', 'del\u007f'];
    for (const name of bad) assert.ok(!isValidBranchName(name), JSON.stringify(name));
    assert.ok(isValidRefName('refs/remotes/origin/main'));
  });

  it('takes full SHA-1 and SHA-256 object ids only, in lower case', () => {
    assert.ok(isObjectId('a'.repeat(40)));
    assert.ok(isObjectId('0123456789abcdef'.repeat(4)));
    for (const bad of ['', 'a'.repeat(39), 'a'.repeat(41), 'A'.repeat(40), 'g'.repeat(40), `${'a'.repeat(40)}\n`, 'HEAD']) assert.ok(!isObjectId(bad), JSON.stringify(bad));
  });

  it('allows only letters, digits and dashes in a trailer key', () => {
    assert.ok(isValidTrailerKey('Intent'));
    assert.ok(isValidTrailerKey('Value-Intent'));
    for (const key of ['', 'a,b', 'a)', 'a:b', 'a b', '-x', 'a%x00']) assert.ok(!isValidTrailerKey(key), key);
  });
});
