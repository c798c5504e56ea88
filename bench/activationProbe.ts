// Loaded by the VS Code extension host as `extensionTestsPath` (see bench/cases/activation.ts):
// times activate() of the real extension and fresh loads of its bundle, in the real host.
import * as fs from 'fs';
import { createRequire } from 'module';
import * as path from 'path';
import { performance } from 'perf_hooks';
import * as vscode from 'vscode';

const EXTENSION_ID = 'value-lens.value-lens';
const FRESH_LOADS = 12;
const SETTLE_MS = 3000;

/** What the probe hands back through VALUE_LENS_BENCH_ACTIVATION. */
export interface ActivationTimes {
  /** `getExtension().activate()`: the host loads the bundle, calls activate() and awaits it. */
  readonly activateMs: number;
  /** From the same start until the API's `ready` resolves: the first read of `.value/`, in the background. */
  readonly readyMs: number;
  /** `require` of dist/extension.js after evicting it from the module cache, repeatedly. */
  readonly freshLoadMs: readonly number[];
}

async function measure(): Promise<ActivationTimes> {
  const extension = vscode.extensions.getExtension<{ readonly ready: Promise<void> } | undefined>(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not loaded in this extension host`);
  // In a folder with .value/ VS Code activates the extension before we get here; timing that is not possible.
  if (extension.isActive) throw new Error('the extension was already active: open a folder without .value/');
  // The probe starts while the workbench is still booting (other extensions activating, the page
  // rendering) on the same two cores: let that settle, so the figure is our activation, not theirs.
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  const start = performance.now();
  const api = await extension.activate();
  const activateMs = performance.now() - start;
  if (!api) throw new Error('activate() returned no API: activation failed');
  await api.ready;
  const readyMs = performance.now() - start;

  const bundle = path.join(extension.extensionPath, 'dist', 'extension.js');
  const load = createRequire(__filename);
  const freshLoadMs: number[] = [];
  for (let i = 0; i < FRESH_LOADS; i++) {
    delete load.cache[bundle];
    const t = performance.now();
    load(bundle);
    freshLoadMs.push(performance.now() - t);
  }
  return { activateMs, readyMs, freshLoadMs };
}

/** The entry the extension host calls; rejects when the probe could not measure. */
export async function run(): Promise<void> {
  const report: { passed: string[]; failed: { title: string; error: string }[] } = { passed: [], failed: [] };
  let failure: Error | undefined;
  try {
    const times = await measure();
    const out = process.env.VALUE_LENS_BENCH_ACTIVATION;
    if (!out) throw new Error('VALUE_LENS_BENCH_ACTIVATION is not set');
    fs.writeFileSync(out, JSON.stringify(times));
    report.passed.push('activation probe');
  } catch (e) {
    failure = e instanceof Error ? e : new Error(String(e));
    report.failed.push({ title: 'activation probe', error: failure.message });
  }
  // The harness believes a run only when this results file shows a pass.
  const results = process.env.VALUE_LENS_TEST_RESULTS;
  if (results) fs.writeFileSync(results, JSON.stringify(report));
  if (failure) throw failure;
}
