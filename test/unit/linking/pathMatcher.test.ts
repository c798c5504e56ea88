import * as assert from 'assert';
import picomatch from 'picomatch';
import { parsePathPattern, patternKey } from '../../../src/core/linking/gitignorePattern';
import { IntentPathMatcher } from '../../../src/core/linking/pathMatcher';
import { intent } from './intents';

describe('intent path matcher (.gitignore-style)', () => {
  const covers = (paths: readonly string[], path: string): boolean => new IntentPathMatcher([intent('x', paths)]).match(path).length > 0;

  it('matches a pattern without a slash at any depth', () => {
    assert.ok(covers(['*.ts'], 'a.ts'));
    assert.ok(covers(['*.ts'], 'src/deep/a.ts'));
    assert.ok(covers(['Makefile'], 'tools/Makefile'));
    assert.ok(!covers(['*.ts'], 'a.tsx'));
  });

  it('anchors a pattern with a slash to the folder root', () => {
    assert.ok(covers(['src/*.ts'], 'src/a.ts'));
    assert.ok(!covers(['src/*.ts'], 'lib/src/a.ts'));
    assert.ok(!covers(['src/*.ts'], 'src/deep/a.ts'));
    assert.ok(covers(['/a.ts'], 'a.ts'));
    assert.ok(!covers(['/a.ts'], 'sub/a.ts'));
  });

  it('covers everything inside a matched directory; a trailing / matches directories only', () => {
    assert.ok(covers(['src/checkout'], 'src/checkout/pay.ts'));
    assert.ok(covers(['src/checkout'], 'src/checkout'));
    assert.ok(covers(['docs/'], 'docs/a.md'));
    assert.ok(covers(['docs/'], 'pkg/docs/deep/a.md'));
    assert.ok(!covers(['docs/'], 'docs'), 'a file named docs is not a directory');
    assert.ok(!covers(['src/checkout'], 'src/checkout-old/a.ts'));
  });

  it('lets a later ! exclude and a still later pattern re-include', () => {
    const paths = ['src/checkout/**', '!src/checkout/legacy/**', 'src/checkout/legacy/keep.ts'];
    assert.ok(covers(paths, 'src/checkout/pay.ts'));
    assert.ok(!covers(paths, 'src/checkout/legacy/old.ts'));
    assert.ok(covers(paths, 'src/checkout/legacy/keep.ts'));
    assert.ok(!covers(['!src/**'], 'src/a.ts'), 'only exclusions cover nothing');
    assert.ok(covers(['!*.md', 'docs/**'], 'docs/a.md'), 'an exclusion before an inclusion has no effect on it');
  });

  it('understands **, dotfiles, character classes, braces and escapes', () => {
    assert.ok(covers(['src/**/test/*.ts'], 'src/test/a.ts'));
    assert.ok(covers(['src/**/test/*.ts'], 'src/a/b/test/a.ts'));
    assert.ok(covers(['**/fixtures'], 'test/fixtures/x.json'));
    assert.ok(covers(['*.ts'], 'src/.hidden.ts'));
    assert.ok(covers(['config/*'], 'config/.env'));
    assert.ok(covers(['file[0-9].txt'], 'a/file7.txt'));
    assert.ok(covers(['*.{ts,tsx}'], 'a/b.tsx'));
    assert.ok(covers(['\\!important.md'], '!important.md'));
    assert.ok(covers(['ünï/#*'], 'ünï/#1.md'));
  });

  it('keys globs by literal prefix, name or extension', () => {
    assert.deepStrictEqual(patternKey('src/checkout/**'), { kind: 'prefix', value: 'src/checkout' });
    assert.deepStrictEqual(patternKey('**/Makefile'), { kind: 'name', value: 'Makefile' });
    assert.deepStrictEqual(patternKey('**/*.test.ts'), { kind: 'extension', value: '.test.ts' });
    assert.deepStrictEqual(patternKey('**/a?c/*'), { kind: 'any' });
    assert.deepStrictEqual(parsePathPattern('!docs/  '), { negated: true, dirOnly: true, glob: '**/docs' });
    // As git: leading blanks belong to the name, an escaped trailing blank stays.
    assert.deepStrictEqual(parsePathPattern('  !docs'), { negated: false, dirOnly: false, glob: '**/  !docs' });
    assert.deepStrictEqual(parsePathPattern('a\\  '), { negated: false, dirOnly: false, glob: '**/a\\ ' });
    assert.strictEqual(parsePathPattern('!'), undefined);
  });

  it('returns every covering intent in intent order, and caches per path', () => {
    const matcher = new IntentPathMatcher([intent('b', ['src/**']), intent('a', ['*.ts']), intent('c', ['lib/**'])]);
    assert.deepStrictEqual(matcher.match('src/x.ts'), ['b', 'a']);
    assert.strictEqual(matcher.match('src/x.ts'), matcher.match('./src/x.ts'));
    assert.deepStrictEqual(matcher.match('README.md'), []);
  });

  it('agrees with a naive per-glob loop on many intents, and is much faster', () => {
    const intents = Array.from({ length: 1000 }, (_, i) =>
      intent(`intent-${i}`, [
        `src/module${i}/**`, `!src/module${i}/legacy/**`, `packages/p${i}/src/**/*.ts`, `**/*.m${i}`, `docs/area${i}/`,
        `test/module${i}/**/*.spec.ts`, `config/m${i}.json`, `**/Module${i}Service.ts`, `scripts/m${i}-*.sh`, `assets/i${i}/**/*.{png,svg}`,
      ]),
    );
    const paths = Array.from({ length: 400 }, (_, k) => {
      const i = (k * 37) % 1000;
      return [`src/module${i}/a/b.ts`, `src/module${i}/legacy/x.ts`, `packages/p${i}/src/deep/x.ts`, `lib/x.m${i}`, `docs/area${i}/readme.md`,
        `test/module${i}/x.spec.ts`, `config/m${i}.json`, `web/Module${i}Service.ts`, `scripts/m${i}-build.sh`, `other/file${k}.txt`][k % 10] ?? '';
    });
    // Reference: .gitignore rules by hand over every glob of every intent, each compiled once.
    const compiled = intents.map((it) =>
      it.paths.map((raw) => {
        const p = parsePathPattern(raw);
        const globs = p ? (p.dirOnly ? [`${p.glob}/**/*`] : [p.glob, `${p.glob}/**/*`]) : [];
        return { negated: p?.negated ?? false, tests: globs.map((g) => picomatch(g, { dot: true, windows: false })) };
      }),
    );
    const loop = (path: string): string[] =>
      intents.filter((_, i) => {
        let covered = false;
        for (const p of compiled[i] ?? []) if (p.tests.some((t) => t(path))) covered = !p.negated;
        return covered;
      }).map((it) => it.id);
    const perPath = (f: (path: string) => unknown, sample: readonly string[]): number => {
      const started = process.hrtime.bigint();
      for (const p of sample) f(p);
      return Number(process.hrtime.bigint() - started) / 1e3 / sample.length;
    };

    const matcher = new IntentPathMatcher(intents);
    const sample = paths.filter((_, k) => k % 20 === 0);
    assert.deepStrictEqual(sample.map((p) => matcher.match(p)), sample.map(loop));
    const covered = paths.map((p) => matcher.match(p));
    assert.ok(covered.some((ids) => ids.length > 0) && covered.some((ids) => ids.length === 0));

    const fresh = new IntentPathMatcher(intents);
    const firstUs = perPath((p) => fresh.match(p), paths);
    const loopUs = perPath(loop, paths.slice(0, 10));
    const naiveUs = perPath((p) => intents.filter((it) => it.paths.some((g) => picomatch(g)(p))), paths.slice(0, 2));
    console.log(`      1,000 intents × 10 globs: ${firstUs.toFixed(1)} µs per first lookup; loop over precompiled globs ${loopUs.toFixed(0)} µs; naive picomatch(glob)(path) ${naiveUs.toFixed(0)} µs`);
  });
});
