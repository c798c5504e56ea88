// Bundles the extension (and, with --tests, the test suites) with esbuild.
//   node esbuild.js               dev build: dist/extension.js and dist/lazy/*.js with sourcemaps
//   node esbuild.js --production  minified, no sourcemaps (what the .vsix ships)
//   node esbuild.js --production --out <dir>   only the extension's bundles, into <dir> (package test)
//   node esbuild.js --watch       rebuild on change
//   node esbuild.js --tests       also bundle test/**/*.test.ts to dist/test/
//   node esbuild.js --bench       also bundle bench/*.ts and a production extension.js to dist/bench/
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');
const { generateValidators } = require('./scripts/generateValidators');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const tests = process.argv.includes('--tests');
const bench = process.argv.includes('--bench');
// Separate output folders let two test runs share one checkout without wiping each other's bundles.
const testOut = process.env.VALUE_LENS_TEST_OUT || 'dist/test';
const outIndex = process.argv.indexOf('--out');
const extensionOut = outIndex > 0 ? process.argv[outIndex + 1] : undefined;

// The extension ships as a small entry (dist/extension.js) plus bundles it loads on first use
// (src/lazy/bundles.ts): `require('./<name>Bundle')` there becomes dist/lazy/<name>.js. The
// heavy packages are one shared file each, so two lazy bundles never carry or load two copies.
const LAZY = ['model', 'git', 'commands', 'report'];
const VENDOR = ['yaml', 'simple-git'];
// Modules that live in one lazy bundle only (it re-exports them all): any other bundle importing
// one requires that bundle instead, so classes (`instanceof`), caches and bulk exist once.
const OWNED = {
  model: ['model/readValueFolder', 'model/valueModel', 'model/parseValueFile', 'model/yamlSource', 'model/crossFileChecks', 'model/normalize'],
  git: ['git/branchOps', 'git/commitLog', 'git/fileChanges', 'git/gitErrors', 'git/gitRunner', 'git/refName', 'git/simpleGitPort', 'linking/branchMatcher', 'linking/gitignorePattern', 'linking/linkingEngine', 'linking/pathMatcher', 'linking/scanQueue', 'release/releaseBranchName'],
  // Its queue of pending renames must be one per process.
  commands: ['yaml/atomicWrite'],
};
// Core modules the entry and most bundles use: a file of their own, so that the package and the
// extension host hold one copy (the English messages were in all five bundles).
const SHARED = { messages: 'present/messages' };
const sharedName = new Map(Object.entries(SHARED).map(([name, m]) => [path.join(__dirname, 'src', 'core', m), name]));
const ownerOf = new Map(Object.entries(OWNED).flatMap(([bundle, modules]) => modules.map((m) => [path.join(__dirname, 'src', 'core', m), bundle])));
const LAZY_REQUIRE = new RegExp(`^\\./(${LAZY.join('|')})Bundle$`);
const VENDOR_IMPORT = new RegExp(`^(${VENDOR.join('|')})$`);
const LOADER = path.join(__dirname, 'src', 'lazy', 'bundles.ts');

/**
 * Turns lazy-bundle requires, imports of modules another bundle owns and vendor imports into
 * requires of those files, `prefix` away. `self` is the bundle being built ('extension' for the entry).
 */
function splitBundles(self, prefix) {
  return {
    name: 'split-bundles',
    setup(build) {
      build.onResolve({ filter: LAZY_REQUIRE }, (args) =>
        path.resolve(args.importer) === LOADER ? { path: `${prefix}${LAZY_REQUIRE.exec(args.path)[1]}.js`, external: true } : undefined);
      // The entry must stay small: reaching a heavy package or a lazy bundle's module from it is
      // a mistake (it would load at activation), so the build says where instead of requiring it.
      const misplaced = (what) => ({ errors: [{ text: `${what}: the entry (src/extension.ts) must reach it through src/lazy/bundles.ts` }] });
      build.onResolve({ filter: VENDOR_IMPORT }, (args) =>
        self === 'extension' ? misplaced(`${args.importer} imports ${args.path}`) : { path: `${prefix}${args.path}.js`, external: true });
      build.onResolve({ filter: /^\.\.?\// }, (args) => {
        const target = path.resolve(args.resolveDir, args.path);
        const shared = sharedName.get(target);
        if (shared) return shared === self ? undefined : { path: `${prefix}${shared}.js`, external: true };
        const owner = ownerOf.get(target);
        if (!owner || owner === self) return undefined;
        if (self === 'extension') return misplaced(`${args.importer} imports ${args.path} of the lazy ${owner} bundle`);
        return { path: `${prefix}${owner}.js`, external: true };
      });
    },
  };
}

/** A lazy bundle's entry: its facade, plus every module it owns for the other bundles. */
function lazyEntry(name) {
  const modules = [`./src/lazy/${name}Bundle`, ...(OWNED[name] ?? []).map((m) => `./src/core/${m}`)];
  return { contents: modules.map((m) => `export * from ${JSON.stringify(m)};`).join('\n'), resolveDir: __dirname, sourcefile: `lazy-${name}.ts`, loader: 'ts' };
}

/** The entry, the lazy bundles, the shared modules and the vendor files, written under `out` (dist/ for the .vsix). */
function extensionBuilds(out, options) {
  return [
    { ...common, ...options, entryPoints: ['src/extension.ts'], outfile: path.join(out, 'extension.js'), plugins: [problemReporter, splitBundles('extension', './lazy/')] },
    ...LAZY.map((name) => ({ ...common, ...options, stdin: lazyEntry(name), outfile: path.join(out, 'lazy', `${name}.js`), plugins: [problemReporter, splitBundles(name, './')] })),
    ...Object.entries(SHARED).map(([name, module]) => ({ ...common, ...options, entryPoints: [`src/core/${module}.ts`], outfile: path.join(out, 'lazy', `${name}.js`), plugins: [problemReporter, splitBundles(name, './')] })),
    ...VENDOR.map((name) => ({
      ...common,
      ...options,
      stdin: { contents: `module.exports = require(${JSON.stringify(name)});`, resolveDir: __dirname, sourcefile: `vendor-${name}.js` },
      outfile: path.join(out, 'lazy', `${name}.js`),
    })),
  ];
}

/** Reports errors in the `file:line:col: error: text` shape that VS Code's problem matchers read. */
const problemReporter = {
  name: 'problem-reporter',
  setup(build) {
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`${location ? `${location.file}:${location.line}:${location.column}: ` : ''}error: ${text}`);
      }
    });
  },
};

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode'],
  logLevel: 'silent',
  plugins: [problemReporter],
};

/** The bin (`<dir>/cli.js`, a small launcher) and the program it starts from V8's code cache (`<dir>/cli-main.js`). */
function cliBuilds(dir, options) {
  return [
    { ...common, ...options, entryPoints: ['src/cliLauncher.ts'], outfile: `${dir}/cli.js`, banner: { js: '#!/usr/bin/env node' } },
    { ...common, ...options, entryPoints: ['src/cli.ts'], outfile: `${dir}/cli-main.js` },
  ];
}

function listTests(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true })
    .map((f) => path.join(dir, String(f)))
    .filter((f) => f.endsWith('.ts'));
}

async function main() {
  generateValidators();
  const release = { minify: production, sourcemap: !production, sourcesContent: false };
  if (extensionOut) {
    fs.rmSync(extensionOut, { recursive: true, force: true });
    return finish(extensionBuilds(extensionOut, release));
  }
  // A lazy bundle an older build made (picomatch's, once) would otherwise ship in the .vsix.
  if (production) fs.rmSync('dist/lazy', { recursive: true, force: true });
  const builds = [
    ...extensionBuilds('dist', release),
    // The CLI (`value-lens check`) runs under plain Node on the same core.
    ...cliBuilds('dist', release),
  ];
  if (tests) {
    // Start clean so a deleted test file cannot linger as a stale bundle.
    fs.rmSync(testOut, { recursive: true, force: true });
    builds.push({
      ...common,
      entryPoints: ['unit', 'integration', 'integration-untrusted', 'e2e', 'support'].flatMap((d) => listTests(path.join('test', d))),
      outdir: testOut,
      outbase: 'test',
      // mocha and the harness stay outside the bundles: they are loaded by the test runners.
      external: ['vscode', 'mocha', 'playwright-core', 'esbuild'],
      sourcemap: 'inline',
    });
  }
  if (bench) {
    fs.rmSync('dist/bench', { recursive: true, force: true });
    builds.push({
      ...common,
      // Top-level files are the entries (runner, activation probe); sub-folders hold their modules.
      entryPoints: fs.readdirSync('bench').filter((f) => f.endsWith('.ts')).map((f) => path.join('bench', f)),
      outdir: 'dist/bench',
      // Source maps so `node --enable-source-maps --cpu-prof` profiles point at the TypeScript.
      sourcemap: true,
    });
    // The bench measures the production bundle; its own copy cannot be swapped for a dev build
    // by a test run rebuilding dist/extension.js in the same checkout meanwhile.
    const shipped = { minify: true, sourcemap: false, sourcesContent: false };
    builds.push(...extensionBuilds('dist/bench', shipped));
    // Likewise the CLI `why` is timed as the .vsix and the package ship it.
    builds.push(...cliBuilds('dist/bench', shipped));
  }
  return finish(builds);
}

async function finish(builds) {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  if (watch) {
    await Promise.all(contexts.map((c) => c.watch()));
    console.log('[watch] watching for changes');
    return;
  }
  const results = await Promise.allSettled(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
  if (results.some((r) => r.status === 'rejected')) process.exit(1);
}

// The layout is read by the package test; `node esbuild.js` builds.
module.exports = { LAZY, VENDOR, OWNED, SHARED, lazyEntry };
if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
