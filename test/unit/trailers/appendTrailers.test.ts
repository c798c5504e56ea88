import * as assert from 'assert';
import { execFileSync } from 'child_process';
import { appendTrailers } from '../../../src/core/trailers/appendTrailers';

/** What git itself reads as the message's trailers: `Key: value` lines. */
function gitTrailers(message: string): string[] {
  return execFileSync('git', ['interpret-trailers', '--parse'], { input: message, encoding: 'utf8' }).split('\n').filter(Boolean);
}

describe('adding Intent trailers to a commit message', () => {
  it('starts a trailer block after a blank line, and git reads it', () => {
    const message = appendTrailers('Cache cart totals\n\nCompute once per change.', 'Intent', ['checkout-speed']);
    assert.strictEqual(message, 'Cache cart totals\n\nCompute once per change.\n\nIntent: checkout-speed');
    assert.deepStrictEqual(gitTrailers(message), ['Intent: checkout-speed']);
  });

  it('adds to an existing trailer block without a blank line, and skips ids already there', () => {
    const message = appendTrailers('Fix\n\nSigned-off-by: Dana <d@example.com>\nintent: a, b', 'Intent', ['b', 'c', 'c']);
    assert.strictEqual(message, 'Fix\n\nSigned-off-by: Dana <d@example.com>\nintent: a, b\nIntent: c');
    assert.deepStrictEqual(gitTrailers(message), ['Signed-off-by: Dana <d@example.com>', 'intent: a, b', 'Intent: c']);
    assert.strictEqual(appendTrailers(message, 'Intent', ['a', 'c']), message);
  });

  it('does not mistake a subject line or a body line with a colon for a trailer block', () => {
    assert.strictEqual(appendTrailers('Docs: explain setup', 'Intent', ['x']), 'Docs: explain setup\n\nIntent: x');
    assert.deepStrictEqual(gitTrailers(appendTrailers('Subject\n\nNote: this is prose, not a trailer.\nIt goes on.', 'Intent', ['x'])), ['Intent: x']);
  });

  it('leaves room for the subject in an empty message, and keeps CRLF line ends', () => {
    assert.strictEqual(appendTrailers('', 'Intent', ['x']), '\n\nIntent: x');
    assert.strictEqual(appendTrailers('Subject\r\n\r\nBody\r\n', 'Intent', ['x']), 'Subject\r\n\r\nBody\r\n\r\nIntent: x');
  });
});
