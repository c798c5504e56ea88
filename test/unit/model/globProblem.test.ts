import * as assert from 'assert';
import { globProblem } from '../../../src/core/model/crossFileChecks';
import type { Problem } from '../../../src/core/model/problem';
import { ValueModel } from '../../../src/core/model/valueModel';
import { generateIntents } from '../../../bench/fixtures/valueFiles';
import { QUICK } from '../../../bench/fixtures/scale';

const TODAY = '2026-11-26';
const intentText = (paths: readonly string[], branches: readonly string[] = []): string =>
  `id: a\ntitle: A\nwhy: Because.\nowner: team\nstatus: active\npaths:\n${paths.map((p) => `  - ${JSON.stringify(p)}\n`).join('')}branches:\n${branches.map((b) => `  - ${JSON.stringify(b)}\n`).join('')}`;
const at = (p: Problem): string => `${p.range.start.line + 1}:${p.range.start.col + 1} ${p.severity} ${p.code}`;

function problemsOf(paths: readonly string[], branches: readonly string[] = []): Problem[] {
  const model = new ValueModel();
  model.setFile('.value/intents/a.yaml', intentText(paths, branches));
  return model.problems(TODAY).filter((p) => p.code.startsWith('glob') || p.code === 'bad-glob');
}

describe('glob checks', () => {
  it('refuse what can never match (git refuses it too), and nothing else', () => {
    const fine = [
      'src/**', '!src/legacy/**', '**/*.ts', '*', '***', '**/**', '!!a', '!(a)', '@(a|b)', 'a]', '[]]', '[!a]', '[^a]', '[[:alpha:]]', 'a{b,c}', 'a{', 'a}', '{a,{b}',
      'a(b', 'a)b', '((a)', '**/*.{css,scss}', 'é/ü/*', '.hidden/**', './src', '/abs/path', 'a?b', 'a*b**c', '$^.+|', 'a\\\\', 'x'.repeat(64 * 1024),
      ...generateIntents(QUICK).intents.flatMap((i) => [...i.paths, ...i.branches]),
    ];
    for (const glob of fine) assert.strictEqual(globProblem(glob, 'paths'), undefined, glob.slice(0, 80));
    assert.strictEqual(globProblem('!'), 'is empty');
    assert.strictEqual(globProblem(' '), 'is empty');
    assert.strictEqual(globProblem('!   ', 'paths'), 'is empty');
    assert.match(globProblem('src/[unclosed') ?? '', /closing/);
    assert.match(globProblem('a[') ?? '', /closing/);
    assert.match(globProblem('[]') ?? '', /closing/, 'a ] right after [ is a member, so the class is open');
    assert.match(globProblem('a\\', 'paths') ?? '', /lone \\/);
    assert.match(globProblem('[[:alfa:]]') ?? '', /unknown \[:class:\]/);
    assert.match(globProblem('x'.repeat(64 * 1024 + 1)) ?? '', /exceeds maximum allowed length/);
  });

  it('warn at the entry where a glob reads otherwise than in .gitignore: braces, extglobs, a leading blank, #, ./ and .', () => {
    const problems = problemsOf(['*.{ts,tsx}', 'src/@(a|b)/**', ' Makefile', '#notes', './src/**', '.', '[!a-m]*.c', 'docs/'], ['feature/{a,b}', 'x/+(y)']);
    assert.deepStrictEqual(problems.map(at), [
      '7:5 warning glob-not-gitignore',
      '8:5 warning glob-not-gitignore',
      '9:5 warning glob-not-gitignore',
      '10:5 warning glob-not-gitignore',
      '11:5 warning glob-not-gitignore',
      '12:5 warning glob-not-gitignore',
      '16:5 warning glob-not-gitignore',
      '17:5 warning glob-not-gitignore',
    ]);
    const text = problems.map((p) => p.message);
    assert.match(text[0] ?? '', /expands the brace list \{ts,tsx\}, git reads braces literally/);
    assert.match(text[1] ?? '', /read @\(a\|b\) literally/);
    assert.match(text[2] ?? '', /starts with a blank/);
    assert.match(text[3] ?? '', /as a comment/);
    assert.match(text[4] ?? '', /reads \.\/ as the folder root/);
    assert.match(text[5] ?? '', /reads \. as the folder root/);
    assert.match(text[6] ?? '', /brace list \{a,b\}/);
  });

  it('warn on a ! entry that git cannot honour because an earlier entry covers the folder or the files', () => {
    const warned = (paths: readonly string[]): string[] => problemsOf(paths).map((p) => `${at(p)} ${/earlier "([^"]*)"/.exec(p.message)?.[1] ?? ''}`);
    // The folder's files match the earlier glob themselves: git keeps them.
    assert.deepStrictEqual(warned(['src/**', '!src/legacy/']), ['8:5 warning glob-not-gitignore src/**']);
    assert.deepStrictEqual(warned(['*.ts', '!gen/']), ['8:5 warning glob-not-gitignore *.ts']);
    // A folder above is excluded: git cannot re-include anything below it.
    assert.deepStrictEqual(warned(['lib/', '!lib/keep.ts']), ['8:5 warning glob-not-gitignore lib/']);
    assert.deepStrictEqual(warned(['/*', '!pkg/a.ts']), ['8:5 warning glob-not-gitignore /*']);
    assert.deepStrictEqual(warned(['src/**', '!src/legacy/old.ts']), ['8:5 warning glob-not-gitignore src/**']);
    // Git agrees with Value Lens here: `/*` matches nothing inside tools/, `pkg/**` leaves pkg/ itself alone.
    assert.deepStrictEqual(warned(['/*', '!tools/']), []);
    assert.deepStrictEqual(warned(['pkg/**', '!pkg/a.ts']), []);
    assert.deepStrictEqual(warned(['doc/*.md', '!doc/old/']), []);
    // git reads it otherwise (src/** excludes the folder itself), but it is the documented way to leave a folder out.
    assert.deepStrictEqual(warned(['src/**', '!src/legacy/**']), []);
    assert.deepStrictEqual(warned(['src/*', '!src/legacy/']), [], 'the spelling git honours');
    assert.deepStrictEqual(warned(['src/**', '!lib/**', '!*.md']), []);
  });

  it('flag globs too complex to mean what they say (many **, many *, overlong, brace lists that explode)', () => {
    const problems = problemsOf([`${'**/a/'.repeat(9)}b`, `${'*a'.repeat(17)}b`, `src/${'x'.repeat(1100)}`, '{a,b}{c,d}{e,f}{g,h}{i,j}{k,l}{m,n}', `${'**/a/'.repeat(8)}b`]);
    assert.deepStrictEqual(problems.map(at), ['7:5 warning glob-too-complex', '8:5 warning glob-too-complex', '9:5 warning glob-too-complex', '10:5 warning glob-too-complex']);
    assert.match(problems[0]?.message ?? '', /9 \*\* segments/);
    assert.match(problems[1]?.message ?? '', /17 \*/);
    assert.match(problems[3]?.message ?? '', /more than 64 brace alternatives/);
  });
});
