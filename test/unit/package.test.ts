import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import { createRequire } from 'module';
import * as os from 'os';
import * as path from 'path';
import { effectiveConfig } from '../../src/core/model/effectiveConfig';
import { MESSAGES } from '../../src/core/present/messages';
import type * as GitBundle from '../../src/lazy/gitBundle';
import type * as ModelBundle from '../../src/lazy/modelBundle';
import type { BuildOptions, StdinOptions } from 'esbuild';
import { buildSync } from 'esbuild';
import { repoRoot } from '../support/repoRoot';
import { TempRepo } from './git/tempRepo';

const SHIPPED = /^(package\.json|package\.nls\.json|l10n\/bundle\.l10n\.[a-z-]+\.json|README\.md|CHANGELOG\.md|LICENSE|dist\/extension\.js|dist\/lazy\/[^/]+\.js|media\/(walkthrough\/)?[^/]+|schemas\/[^/]+)$/;
/** esbuild.js: which lazy bundles and shared packages there are, and which modules each bundle owns. */
interface BundleLayout {
  readonly LAZY: readonly string[];
  readonly VENDOR: readonly string[];
  readonly OWNED: Readonly<Record<string, readonly string[]>>;
  readonly SHARED: Readonly<Record<string, string>>;
  readonly lazyEntry: (name: string) => StdinOptions;
}
const layout = createRequire(__filename)(path.join(repoRoot, 'esbuild.js')) as BundleLayout;
const LAZY_BUNDLES = [...layout.LAZY, ...Object.keys(layout.SHARED), ...layout.VENDOR].map((n) => `dist/lazy/${n}.js`);

/** The names an ES module exports, as esbuild sees them (types are gone). */
function exportsOf(options: BuildOptions): Set<string> {
  const { metafile } = buildSync({ ...options, format: 'esm', platform: 'node', write: false, metafile: true, outdir: 'out', logLevel: 'silent' });
  return new Set(Object.values(metafile.outputs).flatMap((o) => o.exports));
}

const INTENT = 'id: checkout-speed\ntitle: Faster checkout\nwhy: Carts are abandoned.\nowner: payments-team\nstatus: active\npaths: ["src/checkout/**"]\n';

/** `dist/`-relative file → size, of the minified bundles `esbuild.js --production` wrote to `out`. */
function bundlesIn(out: string): Map<string, number> {
  return new Map(fs.readdirSync(out, { recursive: true }).map(String)
    .filter((f) => fs.statSync(path.join(out, f)).isFile())
    .map((f) => [`dist/${f.split(path.sep).join('/')}`, fs.statSync(path.join(out, f)).size]));
}

describe('the production bundles (esbuild.js --production)', () => {
  let out: string;
  let production: Map<string, number>;

  before(function () {
    this.timeout(60000);
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'value-lens-production-'));
    execFileSync(process.execPath, ['esbuild.js', '--production', '--out', out], { cwd: repoRoot, stdio: 'pipe' });
    production = bundlesIn(out);
  });
  after(() => fs.rmSync(out, { recursive: true, force: true }));

  describe('in the .vsix package (vsce ls)', () => {
    let files: string[];

    before(function () {
      this.timeout(30000);
      assert.ok(fs.existsSync(path.join(repoRoot, 'dist/extension.js')), 'build first: dist/extension.js is missing');
      const vsce = path.join(repoRoot, 'node_modules/@vscode/vsce/vsce');
      files = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: repoRoot, encoding: 'utf8' })
        .split('\n').map((l) => l.trim()).filter(Boolean);
    });

    it('ships only the bundles, media, schemas, translations and the docs: no sources, tests or source maps', () => {
      assert.deepStrictEqual(files.filter((f) => !SHIPPED.test(f)), []);
      for (const required of ['package.json', 'README.md', 'CHANGELOG.md', 'LICENSE', 'dist/extension.js', 'media/icon.png']) {
        assert.ok(files.includes(required), `${required} is not shipped`);
      }
    });

    it('ships every bundle the production build makes: the entry and each lazily loaded bundle', () => {
      const bundles = [...production.keys()].sort();
      assert.deepStrictEqual(bundles, ['dist/extension.js', ...LAZY_BUNDLES].sort());
      assert.deepStrictEqual(files.filter((f) => f.startsWith('dist/')).sort(), bundles);
    });

    it('keeps what the extension host loads at activation (dist/extension.js, minified) under 200 KB', () => {
      const entry = production.get('dist/extension.js') ?? Infinity;
      assert.ok(entry <= 200 * 1024, `${Math.round(entry / 1024)} KB`);
    });

    it('stays under 600 KB in all, with the minified bundles the .vsix carries', () => {
      // The tests run against a dev build; the package carries the production one.
      const bytes = files.reduce((n, f) => n + (production.get(f) ?? fs.statSync(path.join(repoRoot, f)).size), 0);
      assert.ok(bytes < 600 * 1024, `${Math.round(bytes / 1024)} KB`);
    });

    it('keeps a source map next to every bundle of the dev build the tests run against', () => {
      const missing = ['dist/extension.js', ...LAZY_BUNDLES].filter((f) => !fs.existsSync(path.join(repoRoot, `${f}.map`)));
      assert.deepStrictEqual(missing, []);
    });
  });

  describe('loaded on their own in plain Node, as the extension loads them on first use', () => {
    // A plain Node require, as the extension host's: the test bundle must not inline these files.
    const load = <T>(bundle: string): T => createRequire(__filename)(path.join(out, 'lazy', `${bundle}.js`)) as T;

    it('model.js reads a .value/ folder into a model', async () => {
      const { readValueFolder } = load<typeof ModelBundle>('model');
      const root = fs.mkdtempSync(path.join(os.tmpdir(), 'value-lens-bundle-model-'));
      try {
        fs.mkdirSync(path.join(root, '.value', 'intents'), { recursive: true });
        fs.writeFileSync(path.join(root, '.value', 'intents', 'checkout-speed.yaml'), INTENT);
        const { model, hasValueFolder } = await readValueFolder(root);
        assert.ok(hasValueFolder);
        assert.deepStrictEqual([...model.intents.values()].map((e) => [e.intent.id, e.intent.title]), [['checkout-speed', 'Faster checkout']]);
        assert.deepStrictEqual(model.problems('2026-01-01'), []);
      } finally {
        fs.rmSync(root, { recursive: true, force: true });
      }
    });

    it('git.js links a file to an intent model.js read, by its path glob and its commit trailer', async function () {
      this.timeout(20000);
      const { readValueFolder } = load<typeof ModelBundle>('model');
      const { createLinkingEngine, isNotARepository } = load<typeof GitBundle>('git');
      const repo = TempRepo.create();
      const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'value-lens-bundle-plain-'));
      try {
        repo.write('.value/intents/checkout-speed.yaml', INTENT);
        repo.commit('Pay faster\n\nIntent: checkout-speed', ['src/checkout/pay.ts']);
        const { model } = await readValueFolder(repo.dir);
        const engine = createLinkingEngine(repo.dir, {}, { intents: [...model.intents.values()].map((e) => e.intent), config: effectiveConfig(model.declaredConfig, {}) });
        assert.strictEqual((await engine.refresh()).branch, 'main');
        assert.deepStrictEqual((await engine.fileIntents('src/checkout/pay.ts')).map((i) => [i.id, [...i.reasons].sort()]), [['checkout-speed', ['commit', 'path']]]);
        // The error classes live in git.js only, so its own check recognises what its git threw.
        const error = await createLinkingEngine(outside, {}, { intents: [], config: effectiveConfig({}, {}) }).refresh().then(() => undefined, (e: unknown) => e);
        assert.ok(isNotARepository(error), String(error));
      } finally {
        repo.remove();
        fs.rmSync(outside, { recursive: true, force: true });
      }
    });

    it('each module a lazy bundle owns is reachable through it: the bundle exports every one of its exports', function () {
      this.timeout(30000);
      // Other bundles require the owner for these modules; a name lost in its `export *` would be undefined there.
      for (const [bundle, modules] of Object.entries(layout.OWNED)) {
        const exported = exportsOf({ stdin: layout.lazyEntry(bundle), bundle: true, external: ['vscode', ...layout.VENDOR] });
        for (const module of modules) {
          const missing = [...exportsOf({ entryPoints: [path.join(repoRoot, 'src', 'core', `${module}.ts`)] })].filter((name) => !exported.has(name));
          assert.deepStrictEqual(missing, [], `${bundle}.js lacks exports of src/core/${module}.ts`);
        }
      }
    });

    it('holds the English messages once, in lazy/messages.js, which the entry and the bundles require', () => {
      const sample = MESSAGES.reviewInDays;
      const holding = [...production.keys()].filter((f) => fs.readFileSync(path.join(out, f.slice('dist/'.length)), 'utf8').includes(sample));
      assert.deepStrictEqual(holding, ['dist/lazy/messages.js']);
      load('model');
      load('git');
      const messages = path.join(out, 'lazy', 'messages.js');
      assert.strictEqual((require.cache[messages]?.exports as { MESSAGES?: unknown } | undefined)?.MESSAGES !== undefined, true, 'loaded once, shared');
    });

    it('model.js and git.js share one copy of yaml: the shared packages are files of their own (globs need no picomatch)', () => {
      load('model');
      load('git');
      const cached = Object.keys(require.cache).filter((f) => f.startsWith(out)).map((f) => path.relative(out, f).split(path.sep).join('/')).sort();
      assert.deepStrictEqual(cached.filter((f) => /(picomatch|yaml|simple-git)\.js$/.test(f)), ['lazy/simple-git.js', 'lazy/yaml.js']);
    });
  });
});
