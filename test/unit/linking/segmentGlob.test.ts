import * as assert from 'assert';
import fc from 'fast-check';
import picomatch from 'picomatch';
import { expandSimpleBraces, isPlainPath, matchSegments, parseSegmentGlob } from '../../../src/core/linking/segmentGlob';
import { checkProperty } from '../property/propertyRun';

const OPTIONS = { dot: true, windows: false };
const viaPicomatch = (glob: string, path: string): boolean => picomatch.makeRe(glob, OPTIONS).test(path);
const viaSegments = (glob: string, path: string): boolean | undefined => {
  const parsed = parseSegmentGlob(glob);
  return parsed && isPlainPath(path) ? matchSegments(parsed, path.split('/')) : undefined;
};

// Names a tree has (dots, dot files, spaces, unicode, dashes, a `#`), few, so globs and paths meet.
const NAMES = ['src', 'a', 'ab', 'x.ts', 'x.test.ts', '.env', '.ts', 'a b', 'é', '日本', '-dash', '#x', 'a.b.c', 'Makefile'];
const GLOB_SEGMENTS = [...NAMES, '*', '**', '*.ts', '*.test.ts', 'a*', '*b', 'a*b', 'x*.ts', '.*', '*.'];
const pathArb = fc.array(fc.constantFrom(...NAMES), { minLength: 1, maxLength: 5 }).map((s) => s.join('/'));
const globArb = fc.array(fc.constantFrom(...GLOB_SEGMENTS), { minLength: 1, maxLength: 5 }).map((s) => s.join('/'));

describe('segment globs (literals, * and ** without a regular expression)', () => {
  it('answer as picomatch does for generated globs and plain paths (2,000 runs × 8 paths)', async () => {
    await checkProperty(
      'segment glob = picomatch',
      fc.property(globArb, fc.array(pathArb, { minLength: 1, maxLength: 8 }), (glob, paths) => {
        // The forms the path matcher builds: the glob itself and everything inside it.
        for (const form of [glob, `${glob}/**/*`]) {
          for (const path of paths) {
            const answer = viaSegments(form, path);
            // Undefined: a shape left to picomatch (checked below).
            if (answer !== undefined) assert.strictEqual(answer, viaPicomatch(form, path), `glob ${JSON.stringify(form)}, path ${JSON.stringify(path)}`);
          }
        }
      }),
      2000,
      20261126,
    );
  });

  it('expands one plain brace group into globs that together answer as picomatch does (1,000 runs × 8 paths)', async () => {
    const BRACES = ['{a,b}', '*.{ts,md}', '{src,lib}', 'x.{test,spec}.ts', '{.env,Makefile}', '{a,b}*'];
    const braceGlobArb = fc
      .tuple(fc.array(fc.constantFrom(...GLOB_SEGMENTS), { maxLength: 3 }), fc.constantFrom(...BRACES), fc.array(fc.constantFrom(...GLOB_SEGMENTS), { maxLength: 3 }))
      .map(([before, brace, after]) => [...before, brace, ...after].join('/'));
    await checkProperty(
      'brace expansion = picomatch',
      fc.property(braceGlobArb, fc.array(pathArb, { minLength: 1, maxLength: 8 }), (glob, paths) => {
        const globs = expandSimpleBraces(glob);
        if (!globs) return;
        for (const path of [...paths, ...globs]) {
          const answer = globs.some((g) => viaSegments(g, path));
          assert.strictEqual(answer, viaPicomatch(glob, path), `glob ${JSON.stringify(glob)}, path ${JSON.stringify(path)}`);
        }
      }),
      1000,
      20261127,
    );
    assert.deepStrictEqual(expandSimpleBraces('**/*.{css,scss}'), ['**/*.css', '**/*.scss']);
    for (const glob of ['*.ts', '{a}', '{a,}', '{1..3}', '{a,{b,c}}', '{a,b}/{c,d}', '{a,b?}', '{a/b,c}', '{a,.}']) {
      assert.strictEqual(expandSimpleBraces(glob), undefined, glob);
    }
  });

  it('matches the shapes teams write', () => {
    assert.strictEqual(viaSegments('src/checkout/**', 'src/checkout'), true);
    assert.strictEqual(viaSegments('src/checkout/**', 'src/checkout/deep/pay.ts'), true);
    assert.strictEqual(viaSegments('src/checkout/**', 'src/checkout-old/pay.ts'), false);
    assert.strictEqual(viaSegments('**/*.test.ts', 'a/b/c.test.ts'), true);
    assert.strictEqual(viaSegments('**/*.test.ts', 'a/b/c.ts'), false);
    assert.strictEqual(viaSegments('packages/*/src/index.ts', 'packages/pay/src/index.ts'), true);
    assert.strictEqual(viaSegments('packages/*/src/index.ts', 'packages/pay/x/src/index.ts'), false);
    assert.strictEqual(viaSegments('src/report-*.ts', 'src/report-.ts'), true);
    assert.strictEqual(viaSegments('**/Makefile/**/*', 'tools/Makefile'), false, 'inside needs something inside');
    assert.strictEqual(viaSegments('*.ts', '.ts'), true, 'dot files count (dot: true)');
  });

  it('leaves globs with other syntax and paths that are not plain to picomatch', () => {
    for (const glob of ['*/**', 'src/a*/**', '*/**/**', 'src/[id].ts', '*.{ts,tsx}', 'a?.ts', '!x', '@(a|b)', 'a**b', '**.ts', 'a/./b', 'a//b', 'a\\*', 'x$', 'a+(b)']) {
      assert.strictEqual(parseSegmentGlob(glob), undefined, glob);
    }
    for (const path of ['', '/a', 'a/', 'a//b', './a', 'a/../b', 'a/.', '..']) assert.strictEqual(isPlainPath(path), false, path);
    assert.ok(isPlainPath('.env/..x/a b/日本'));
  });
});
