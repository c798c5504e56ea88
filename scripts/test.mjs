// `npm test`: type-check, lint, unit tests, integration tests inside a real VS Code extension host,
// browser-level tests; ends with one line `N passed, N failed` and a non-zero exit on any failure.
//   node scripts/test.mjs [static] [unit] [integration] [e2e] [bench]   (default: all, in that order)
// `bench` is `npm run bench -- --quick` as a smoke test: it fails only when a case cannot run,
// never on a time.
// Integration tests run in the project's harness (code-server + headless Chromium), or under
// @vscode/test-electron when VSCODE_EXECUTABLE names a local VS Code.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { makeDemo } from './makeDemo.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const stages = process.argv.slice(2);
const wanted = (s) => stages.length === 0 || stages.includes(s);
const tally = [];
const testOut = process.env.VALUE_LENS_TEST_OUT || 'dist/test';
const say = (s) => process.stdout.write(`\n\x1b[1m== ${s}\x1b[0m\n`);

function run(cmd, args, opts = {}) {
  return spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts }).status ?? 1;
}

/** A check that is one pass or one fail (type-check, lint, build). */
function check(name, cmd, args, opts = {}) {
  say(name);
  const ok = run(cmd, args, opts) === 0;
  tally.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1 });
  return ok;
}

function record(name, results, failedRun) {
  const failed = results?.failed.length ?? 0;
  const passed = results?.passed.length ?? 0;
  // A run that failed without a failing test (crash, nothing ran) still counts as a failure.
  tally.push({ name, passed, failed: failed || (failedRun || !results || passed === 0 ? 1 : 0) });
  for (const f of results?.failed ?? []) console.log(`  \x1b[31m✗ ${f.title}: ${f.error}\x1b[0m`);
}

function mochaSuite(name, dir, timeoutMs) {
  say(name);
  const resultsFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'value-lens-mocha-')), 'results.json');
  const code = run(process.execPath, ['scripts/runMocha.mjs', dir, resultsFile, String(timeoutMs)]);
  const results = fs.existsSync(resultsFile) ? JSON.parse(fs.readFileSync(resultsFile, 'utf8')) : undefined;
  record(name, results, code !== 0);
  fs.rmSync(path.dirname(resultsFile), { recursive: true, force: true });
}

function ensureHarness() {
  return run('bash', ['harness/install.sh']) === 0;
}

/**
 * A `git` that logs "cwd<TAB>args" of every call, then runs the real git. The extension runs it
 * through the user-level `git.path` setting; the tests read the log to prove who ran git.
 */
function gitSpy(dir) {
  const real = spawnSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).stdout.trim();
  const log = path.join(dir, 'git-calls.log');
  const spy = path.join(dir, 'git');
  fs.writeFileSync(spy, `#!/bin/sh\nprintf '%s\\t%s\\t%s\\n' "$(pwd)" "$*" "$(date +%s.%N)" >> '${log}'\nexec '${real}' "$@"\n`, { mode: 0o755 });
  return { env: { VALUE_LENS_GIT_LOG: log }, settings: { 'git.path': spy } };
}

async function integration({ name, suite, trusted }) {
  say(name);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'value-lens-it-'));
  const folder = makeDemo(path.join(tmp, 'demo-shop'));
  fs.mkdirSync(path.join(tmp, 'bin'));
  const { env, settings } = gitSpy(path.join(tmp, 'bin'));
  const extensionTestsPath = path.join(root, testOut, suite, 'index.js');
  try {
    if (process.env.VSCODE_EXECUTABLE) {
      if (!trusted) return console.log('  skipped: the untrusted run needs the harness (code-server)');
      const { runTests } = await import('@vscode/test-electron');
      const resultsFile = path.join(tmp, 'results.json');
      let failedRun = false;
      try {
        await runTests({
          vscodeExecutablePath: process.env.VSCODE_EXECUTABLE,
          extensionDevelopmentPath: root,
          extensionTestsPath,
          launchArgs: [folder, '--disable-extensions', '--skip-welcome', '--skip-release-notes'],
          // No git spy here: it needs the user-level git.path setting that only the harness sets.
          extensionTestsEnv: { VALUE_LENS_TEST_RESULTS: resultsFile },
        });
      } catch {
        failedRun = true;
      }
      const results = fs.existsSync(resultsFile) ? JSON.parse(fs.readFileSync(resultsFile, 'utf8')) : undefined;
      return record(name, results, failedRun);
    }
    if (!ensureHarness()) return record(name, undefined, true);
    const { runExtensionTests } = await import(pathToFileURL(path.join(root, 'harness/runExtensionTests.mjs')).href);
    const r = await runExtensionTests({ extensionDevelopmentPath: root, extensionTestsPath, folder, env, settings, trustWorkspaces: trusted, verbose: !!process.env.VALUE_LENS_VERBOSE });
    if (r.exitCode !== 0) console.log(`  integration run ended: ${r.why}`);
    record(name, r, r.exitCode !== 0);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

if (wanted('static')) {
  check('type-check (tsc --noEmit)', 'npx', ['--no-install', 'tsc', '--noEmit', '-p', '.']);
  check('lint (eslint)', 'npx', ['--no-install', 'eslint', '.', '--max-warnings=0']);
}
const built = check('build (esbuild)', process.execPath, ['esbuild.js', '--tests']);
if (built) {
  if (wanted('unit')) mochaSuite('unit tests (mocha, plain Node)', path.join(testOut, 'unit'), 20000);
  if (wanted('integration')) {
    await integration({ name: 'integration tests (real VS Code extension host)', suite: 'integration', trusted: true });
    await integration({ name: 'integration tests, untrusted workspace', suite: 'integration-untrusted', trusted: false });
  }
  if (wanted('e2e')) {
    if (ensureHarness()) mochaSuite('browser-level tests (Playwright + Chromium)', path.join(testOut, 'e2e'), 120000);
    else record('browser-level tests', undefined, true);
  }
}
if (wanted('bench')) {
  const results = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'value-lens-bench-smoke-')), 'results.json');
  check('bench, quick mode (fails only when a case cannot run)', 'npm', ['run', '--silent', 'bench', '--', '--quick'], { env: { ...process.env, VALUE_LENS_BENCH_RESULTS: results } });
  fs.rmSync(path.dirname(results), { recursive: true, force: true });
}

const passed = tally.reduce((n, t) => n + t.passed, 0);
const failed = tally.reduce((n, t) => n + t.failed, 0);
say('summary');
for (const t of tally) console.log(`  ${t.failed ? '\x1b[31m✗' : '\x1b[32m✓'}\x1b[0m ${t.name}: ${t.passed} passed, ${t.failed} failed`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
