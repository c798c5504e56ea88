import * as assert from 'assert';
import type { Problem } from '../../../src/core/model/problem';
import { ValueModel } from '../../../src/core/model/valueModel';
import { renderMessage } from '../../../src/core/present/messages';

const TODAY = '2026-11-26';
const intentText = (id: string, status = 'active'): string => `id: ${id}\ntitle: T\nwhy: because\nowner: team\nstatus: ${status}\n`;

/** The text with the problem's fix applied, as the editor's quick fix does. */
function applied(text: string, p: Problem): string {
  const lines = text.split('\n');
  const offset = (line: number, col: number): number => lines.slice(0, line).reduce((n, l) => n + l.length + 1, 0) + col;
  assert.ok(p.fix, `${p.code} has a fix`);
  return text.slice(0, offset(p.range.start.line, p.range.start.col)) + p.fix.replacement + text.slice(offset(p.range.end.line, p.range.end.col));
}

function fixedOnce(file: string, text: string, code: string, others: Record<string, string> = {}): { problem: Problem; fixed: string; after: readonly Problem[] } {
  const model = new ValueModel();
  for (const [f, t] of Object.entries(others)) model.setFile(f, t);
  model.setFile(file, text);
  const problem = model.problems(TODAY).find((p) => p.code === code && p.file === file);
  assert.ok(problem, code);
  const fixed = applied(text, problem);
  model.setFile(file, fixed);
  return { problem, fixed, after: model.problems(TODAY) };
}

describe('quick fixes for common problems (issue 18, item 10)', () => {
  it('changes an enum value to the close valid one, quoted or not, and says so', () => {
    for (const [written, expected] of [['activ', 'status: active'], ['"activ"', 'status: active'], ["'delivred'  # done", 'status: delivered  # done']] as const) {
      const { problem, fixed, after } = fixedOnce('.value/intents/a.yaml', intentText('a', written), 'schema.enum');
      assert.ok(fixed.includes(`\n${expected}\n`), fixed);
      assert.deepStrictEqual(after, []);
      assert.match(problem.message, /Did you mean "(active|delivered)"\?$/);
      assert.match(renderMessage(problem.fix!.title), /^Change to "(active|delivered)"$/);
    }
  });

  it('offers nothing for a value close to no valid one', () => {
    const model = new ValueModel();
    model.setFile('.value/intents/a.yaml', intentText('a', 'finished'));
    const problem = model.problems(TODAY).find((p) => p.code === 'schema.enum');
    assert.strictEqual(problem?.fix, undefined);
  });

  it('sets the id to the file name, quoting a name YAML would read as a number', () => {
    const { problem, after } = fixedOnce('.value/intents/checkout-speed.yaml', intentText('other-name'), 'id-mismatch');
    assert.strictEqual(renderMessage(problem.fix!.title), 'Set id to "checkout-speed" (the file name)');
    assert.deepStrictEqual(after, []);
    const numeric = fixedOnce('.value/intents/2024.yaml', intentText('other-name'), 'id-mismatch');
    assert.ok(numeric.fixed.startsWith('id: "2024"\n'), numeric.fixed);
    assert.deepStrictEqual(numeric.after, []);
  });

  it('replaces an unknown intent id in a release with the close one', () => {
    const release = 'release: "2.4.0"\nbranch: release/2.4.0\nbase: main\ncreated: 2026-09-01\nexpected:\n  summary: Faster checkout\n  intents: [checkout-speed, chekout-sped]\n';
    const { problem, fixed, after } = fixedOnce('.value/releases/2.4.0.yaml', release, 'unknown-intent', { '.value/intents/checkout-speed.yaml': intentText('checkout-speed') });
    assert.match(problem.message, /^Unknown intent "chekout-sped": .* Did you mean "checkout-speed"\?$/);
    assert.ok(fixed.endsWith('  intents: [checkout-speed, checkout-speed]\n'), fixed);
    assert.deepStrictEqual(after, []);
  });
});
