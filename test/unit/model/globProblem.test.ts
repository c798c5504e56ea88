import * as assert from 'assert';
import picomatch from 'picomatch';
import { globProblem } from '../../../src/core/model/crossFileChecks';
import { generateIntents } from '../../../bench/fixtures/valueFiles';
import { QUICK } from '../../../bench/fixtures/scale';

/** The answer from compiling every glob, as the check did before it skipped the compile. */
function compiled(glob: string): string | undefined {
  const body = glob.startsWith('!') ? glob.slice(1) : glob;
  if (body.trim() === '') return 'is empty';
  try {
    picomatch.makeRe(body, { strictBrackets: true });
    return undefined;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

describe('glob checks', () => {
  it('give the answer of compiling the glob, for odd globs with and without brackets', () => {
    const globs = [
      'src/**', '!src/legacy/**', '**/*.ts', '*', '***', '**/**', '!', '!!a', ' ', 'a\\', '\\', '!(a)', '@(a|b)', '+(x)', '?(x)', '*(x)',
      'a/[bc]/d', 'a[', 'a]', '[]', '[!a]', '[[:alpha:]]', 'a{b,c}', 'a{', 'a}', '{a,{b}', 'a(b', 'a)b', '((a)', '**/*.{css,scss}',
      'é/ü/*', '.hidden/**', './src', '/abs/path', 'a?b', 'a*b**c', '$^.+|', 'x'.repeat(64 * 1024), 'x'.repeat(64 * 1024 + 1),
      `${'y'.repeat(64 * 1024)}[`, ...generateIntents(QUICK).intents.flatMap((i) => [...i.paths, ...i.branches]),
    ];
    for (const glob of globs) {
      assert.strictEqual(globProblem(glob), compiled(glob), glob.slice(0, 80));
      // Asked again (the cached answer for bracket globs): still the same.
      assert.strictEqual(globProblem(glob), compiled(glob), glob.slice(0, 80));
    }
    assert.match(globProblem('src/[unclosed') ?? '', /closing/);
    assert.match(globProblem('x'.repeat(64 * 1024 + 1)) ?? '', /exceeds maximum allowed length/);
  });
});
