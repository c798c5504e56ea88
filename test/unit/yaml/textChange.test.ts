import * as assert from 'assert';
import { minimalChange } from '../../../src/core/yaml/textChange';

function apply(before: string, after: string): string {
  const change = minimalChange(before, after);
  return change ? before.slice(0, change.start) + change.text + before.slice(change.end) : before;
}

describe('the smallest text change between two versions of a file', () => {
  it('replaces only the span that differs', () => {
    assert.deepStrictEqual(minimalChange('owner: a\nstatus: x\n', 'owner: bb\nstatus: x\n'), { start: 7, end: 8, text: 'bb' });
    assert.strictEqual(minimalChange('same', 'same'), undefined);
  });

  it('reproduces the new text for insertions, deletions, repeats and unicode', () => {
    const pairs: [string, string][] = [
      ['', 'a'], ['a', ''], ['aaa', 'aaaa'], ['abcabc', 'abc'], ['x: 😀\r\n', 'x: 😁\r\n'], ['a\r\nb', 'a\nb'], ['list: [a]\n', 'list: [a, b]\n'],
    ];
    for (const [before, after] of pairs) assert.strictEqual(apply(before, after), after, JSON.stringify([before, after]));
  });

  it('never cuts through a surrogate pair or a CRLF', () => {
    const change = minimalChange('x: 😀', 'x: 😁');
    assert.ok(change);
    assert.strictEqual(change.text, '😁');
    const crlf = minimalChange('a\r\nb', 'a\r\r\nb');
    assert.ok(crlf && !crlf.text.startsWith('\n'));
  });
});
