import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { ActivationTimes } from '../activationProbe';
import type { CaseResult } from '../measure/caseResult';
import { verdictOf } from '../measure/caseResult';
import { summarize } from '../measure/sampling';
import type { BenchContext } from './benchContext';
import { lazyBundles, productionBundle } from './bundleSize';

/** Measured launches, as many as every other case's iterations; each starts code-server and Chromium (about 9 s). */
const LAUNCHES = 10;
/** A first launch, not counted: it warms the disk cache for code-server, Chromium and the extension. */
const WARMUP_LAUNCHES = 1;
const TARGET = '≤ 30 ms';

interface HarnessRun {
  readonly exitCode: number;
  readonly why: string;
  readonly failed: readonly { title: string; error: string }[];
}
interface RunExtensionTestsModule {
  readonly runExtensionTests: (o: { extensionDevelopmentPath: string; extensionTestsPath: string; folder: string; timeoutMs?: number; env?: Record<string, string> }) => Promise<HarnessRun>;
}
interface CodeServerModule {
  readonly isInstalled: () => boolean;
}

/**
 * The extension as the .vsix holds it (package.json, media/, schemas/, the production bundles),
 * plus the probe inside it so its `vscode` import resolves to this extension. A copy, because a
 * test run in the same checkout may rebuild dist/extension.js as a dev build at any moment.
 */
function stageExtension(repoRoot: string, target: string): { extension: string; probe: string } {
  fs.mkdirSync(path.join(target, 'dist', 'bench'), { recursive: true });
  fs.copyFileSync(path.join(repoRoot, 'package.json'), path.join(target, 'package.json'));
  for (const dir of ['media', 'schemas']) fs.cpSync(path.join(repoRoot, dir), path.join(target, dir), { recursive: true });
  // Translations of the manifest and the code, when the checkout has them.
  for (const file of ['package.nls.json', 'l10n']) {
    if (fs.existsSync(path.join(repoRoot, file))) fs.cpSync(path.join(repoRoot, file), path.join(target, file), { recursive: true });
  }
  fs.copyFileSync(productionBundle(repoRoot), path.join(target, 'dist', 'extension.js'));
  fs.mkdirSync(path.join(target, 'dist', 'lazy'));
  for (const file of lazyBundles(repoRoot)) fs.copyFileSync(file, path.join(target, 'dist', 'lazy', path.basename(file)));
  const probe = path.join(target, 'dist', 'bench', 'activationProbe.js');
  fs.copyFileSync(path.join(repoRoot, 'dist', 'bench', 'activationProbe.js'), probe);
  return { extension: target, probe };
}

function leftOut(why: string): CaseResult[] {
  return [{ name: 'extension activation', fixture: 'real extension host (code-server)', unit: 'ms', iterations: 0, target: TARGET, verdict: 'LEFT OUT', note: why }];
}

/**
 * Starts the project's harness (code-server + headless Chromium) on a folder without .value/,
 * so the extension is not yet active, and runs bench/activationProbe.ts as the test entry.
 */
export async function activationCase(context: BenchContext): Promise<CaseResult[]> {
  const harness = path.join(context.repoRoot, 'harness');
  const codeServer = (await import(pathToFileURL(path.join(harness, 'codeServer.mjs')).href)) as CodeServerModule;
  if (!codeServer.isInstalled()) return leftOut('the harness is not installed (bash harness/install.sh)');
  const { runExtensionTests } = (await import(pathToFileURL(path.join(harness, 'runExtensionTests.mjs')).href)) as RunExtensionTestsModule;

  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'value-lens-bench-activation-'));
  const activate: number[] = [];
  const freshLoad: number[] = [];
  const ready: number[] = [];
  try {
    const { extension, probe } = stageExtension(context.repoRoot, path.join(work, 'extension'));
    const folder = path.join(work, 'plain-folder');
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, 'README.md'), '# A folder without .value/\n');
    for (let launch = 0; launch < WARMUP_LAUNCHES + LAUNCHES; launch++) {
      const out = path.join(work, `times-${launch}.json`);
      context.log(`  extension host launch ${launch + 1}/${WARMUP_LAUNCHES + LAUNCHES}${launch < WARMUP_LAUNCHES ? ' (warm-up)' : ''}`);
      const run = await runExtensionTests({ extensionDevelopmentPath: extension, extensionTestsPath: probe, folder, timeoutMs: 120_000, env: { VALUE_LENS_BENCH_ACTIVATION: out } });
      if (run.exitCode !== 0 || !fs.existsSync(out)) throw new Error(`harness run failed (${run.why}): ${run.failed.map((f) => f.error).join('; ')}`);
      const times = JSON.parse(fs.readFileSync(out, 'utf8')) as ActivationTimes;
      if (launch < WARMUP_LAUNCHES) continue;
      activate.push(times.activateMs);
      freshLoad.push(...times.freshLoadMs);
      ready.push(times.readyMs);
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  const activation = summarize(activate);
  return [
    {
      name: 'extension activation',
      fixture: 'real extension host (code-server 4.100.3), production bundle, folder without .value/',
      unit: 'ms',
      iterations: activate.length,
      ours: activation,
      target: TARGET,
      verdict: verdictOf(activation.median <= 30),
      note: `getExtension('value-lens.value-lens').activate() in ${LAUNCHES} fresh hosts after a warm-up host, 3 s after the probe starts (the workbench's own start settled): first load of the production bundle + activate() + its await; one sample per host`,
    },
    {
      name: '↳ bundle load alone',
      fixture: 'same hosts',
      unit: 'ms',
      iterations: freshLoad.length,
      ours: summarize(freshLoad),
      target: 'info',
      verdict: 'INFO',
      note: 'require(dist/extension.js) after evicting it from the module cache, in the host after activation (V8 may reuse compiled code)',
    },
    {
      name: '↳ until the first model read',
      fixture: 'same hosts',
      unit: 'ms',
      iterations: ready.length,
      ours: summarize(ready),
      target: 'info',
      verdict: 'INFO',
      note: 'from the same start to api.ready: activate() does not wait for it; the parser bundle (lazy/model.js) loads and .value/ is read in the background',
    },
  ];
}
