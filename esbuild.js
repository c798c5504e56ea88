// Bundles the extension (and, with --tests, the test suites) with esbuild.
//   node esbuild.js               dev build: dist/extension.js with sourcemaps
//   node esbuild.js --production  minified, no sourcemaps (what the .vsix ships)
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

function listTests(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true })
    .map((f) => path.join(dir, String(f)))
    .filter((f) => f.endsWith('.ts'));
}

async function main() {
  generateValidators();
  const release = { minify: production, sourcemap: !production, sourcesContent: false };
  const builds = [
    { ...common, ...release, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js' },
    // The CLI (`value-lens check`) runs under plain Node on the same core.
    { ...common, ...release, entryPoints: ['src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
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
    builds.push({ ...common, minify: true, sourcemap: false, sourcesContent: false, entryPoints: ['src/extension.ts'], outfile: 'dist/bench/extension.js' });
  }
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

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
