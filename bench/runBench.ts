// `npm run bench`: builds (or reuses) the fixtures, measures every case against its baseline in
// this one process, prints one Markdown table and writes bench/results.json.
//   node --expose-gc dist/bench/runBench.js [--quick] [--only lookup,branch,…]
// The exit code is non-zero only when a case could not run, never because a target was missed.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { activationCase } from './cases/activation';
import type { BenchCase, BenchContext } from './cases/benchContext';
import { branchScanCase } from './cases/branchScan';
import { bundleSizeCase } from './cases/bundleSize';
import { changedFilesCase } from './cases/changedFiles';
import { fileHistoryCase } from './cases/fileHistory';
import { heapAfterScanCase } from './cases/heapAfterScan';
import { editorSwitchCase } from './cases/editorSwitch';
import { modelLoadCase } from './cases/modelLoad';
import { pathLookupCase } from './cases/pathLookup';
import { whyCommandCase } from './cases/whyCommand';
import { ensureFixtures } from './fixtures/fixtureCache';
import { pathUniverse } from './fixtures/pathUniverse';
import { FULL, QUICK } from './fixtures/scale';
import { generateIntents } from './fixtures/valueFiles';
import { errorResult } from './measure/caseResult';
import type { CaseResult } from './measure/caseResult';
import { describeMachine, machineLine } from './measure/machine';
import { renderTable } from './measure/table';

interface CaseEntry {
  readonly id: string;
  /** Name, fixture and target shown when the case fails before it can describe itself. */
  readonly name: string;
  readonly fixture: string;
  readonly target: string;
  readonly run: BenchCase;
}

const CASES: readonly CaseEntry[] = [
  { id: 'lookup', name: 'file → intents lookup', fixture: 'intents × globs, paths', target: '≤ 50 µs and ≥ 10× faster', run: pathLookupCase },
  { id: 'branch', name: 'branch scan (trailers)', fixture: 'commits ahead of base', target: '≤ 1.3×', run: branchScanCase },
  { id: 'history', name: 'file history intents', fixture: 'file touched by many commits', target: '≤ 1.3×', run: fileHistoryCase },
  { id: 'why', name: 'why <file> (CLI)', fixture: 'file touched by many commits', target: '≤ 1.5×', run: whyCommandCase },
  { id: 'changed', name: 'index of changed files', fixture: 'big repository', target: '≤ 1.3×', run: changedFilesCase },
  { id: 'model', name: 'model load', fixture: 'intent files + releases', target: '≤ 5×', run: modelLoadCase },
  { id: 'bundle', name: 'bundle size', fixture: 'dist/extension.js', target: '≤ 200 KB', run: bundleSizeCase },
  { id: 'heap', name: 'heap after full scan', fixture: 'big repository', target: '≤ 30 MB over baseline', run: heapAfterScanCase },
  { id: 'switch', name: 'editor switch → model ready', fixture: 'intents, cached git', target: '≤ 5 ms', run: editorSwitchCase },
  { id: 'activation', name: 'extension activation', fixture: 'real extension host', target: '≤ 30 ms', run: activationCase },
];

// Cases of the issue that have nothing to measure yet.
const LEFT_OUT: readonly CaseResult[] = [];

function parseArgs(argv: readonly string[]): { quick: boolean; only: Set<string> | undefined } {
  const onlyAt = argv.indexOf('--only');
  const onlyValue = onlyAt >= 0 ? argv[onlyAt + 1] : undefined;
  const only = onlyValue ? new Set(onlyValue.split(',')) : undefined;
  const unknown = [...(only ?? [])].filter((id) => !CASES.some((c) => c.id === id));
  if (unknown.length > 0) throw new Error(`unknown case ${unknown.join(', ')}; cases: ${CASES.map((c) => c.id).join(', ')}`);
  return { quick: argv.includes('--quick'), only };
}

/** Git without the user's or the system's config, for our code and the baselines alike. */
function neutralGitConfig(dir: string): void {
  const empty = path.join(dir, 'empty-gitconfig');
  fs.writeFileSync(empty, '');
  process.env.GIT_CONFIG_GLOBAL = empty;
  process.env.GIT_CONFIG_NOSYSTEM = '1';
}

async function main(): Promise<number> {
  const started = performance.now();
  const { quick, only } = parseArgs(process.argv.slice(2));
  const scale = quick ? QUICK : FULL;
  // dist/bench/runBench.js → the checkout.
  const repoRoot = path.resolve(__dirname, '..', '..');
  const log = (line: string): void => void process.stderr.write(`${line}\n`);
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'value-lens-bench-'));
  try {
    neutralGitConfig(scratch);
    const machine = describeMachine();
    log(`value-lens bench (${scale.name}) on ${machineLine(machine)}`);
    const fixtures = await ensureFixtures(path.join(repoRoot, 'node_modules', '.cache', 'value-lens-bench'), scale, log);
    const context: BenchContext = { scale, fixtures, intents: generateIntents(scale).intents, paths: pathUniverse(scale.paths), repoRoot, log };

    const results: CaseResult[] = [];
    for (const entry of CASES) {
      if (only && !only.has(entry.id)) continue;
      if (entry.id === 'activation' && quick) {
        results.push({ name: entry.name, fixture: entry.fixture, unit: 'ms', iterations: 0, target: entry.target, verdict: 'LEFT OUT', note: 'not in --quick (starts code-server and Chromium)' });
        continue;
      }
      log(`· ${entry.name}`);
      const caseStart = performance.now();
      try {
        results.push(...(await entry.run(context)));
      } catch (e) {
        results.push(errorResult(entry.name, entry.fixture, entry.target, e));
      }
      log(`  ${((performance.now() - caseStart) / 1000).toFixed(1)} s`);
    }
    if (!only) results.push(...LEFT_OUT);

    const seconds = (performance.now() - started) / 1000;
    const fixtureLine = fixtures.built ? `fixtures built in this run (${(fixtures.buildMs / 1000).toFixed(1)} s)` : 'fixtures from cache';
    // Other work on the machine skews the numbers: say how busy it was.
    const load = os.loadavg().map((l) => l.toFixed(1)).join(' ');
    process.stdout.write(`\n${renderTable(results)}\n\n${scale.name} run on ${machineLine(machine)}; load average at the end ${load}; ${fixtureLine}; ${seconds.toFixed(0)} s in all.\n`);
    const report = {
      date: new Date().toISOString(),
      mode: scale.name,
      machine,
      loadAverage: os.loadavg(),
      fixtures: { folder: fixtures.root, builtThisRun: fixtures.built, buildMs: fixtures.buildMs },
      seconds,
      results,
    };
    // npm test's smoke run writes elsewhere, so it never replaces the results of a full run.
    fs.writeFileSync(process.env.VALUE_LENS_BENCH_RESULTS ?? path.join(repoRoot, 'bench', 'results.json'), `${JSON.stringify(report, null, 2)}\n`);
    return results.some((r) => r.verdict === 'ERROR') ? 1 : 0;
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

main().then(
  (code) => (process.exitCode = code),
  (e: unknown) => {
    process.stderr.write(`bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 2;
  },
);
