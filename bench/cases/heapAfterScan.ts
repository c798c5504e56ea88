import type { LinkingEngine } from '../../src/core/linking/linkingEngine';
import type { CaseResult } from '../measure/caseResult';
import { verdictOf } from '../measure/caseResult';
import { measureOne } from '../measure/sampling';
import { count } from './benchContext';
import type { BenchContext } from './benchContext';
import { newEngine } from './engineFactory';

const ITERATIONS = 10;
const MB = 1024 * 1024;

function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run node with --expose-gc (npm run bench does)');
  // Twice: the first pass can leave objects that finalizers of the first made unreachable.
  gc();
  gc();
}

/** JS heap an engine keeps after a full scan of the big repository: heapUsed after minus before, both after a GC. */
export async function heapAfterScanCase(context: BenchContext): Promise<CaseResult[]> {
  const { fixtures, intents, scale } = context;
  let kept: LinkingEngine | undefined;
  const retained = await measureOne(1, ITERATIONS, async () => {
    kept = undefined;
    collectGarbage();
    const before = process.memoryUsage().heapUsed;
    const engine = newEngine(fixtures.bigRepo, intents);
    await engine.refresh();
    kept = engine;
    collectGarbage();
    return (process.memoryUsage().heapUsed - before) / MB;
  });
  if (!kept?.lastScan) throw new Error('no scan kept');
  return [
    {
      name: 'heap after full scan',
      fixture: `${count(scale.paths)}-file repository, ${count(intents.length)} intents`,
      unit: 'MB',
      iterations: ITERATIONS,
      ours: retained,
      target: '≤ 30 MB over baseline',
      verdict: verdictOf(retained.median <= 30),
      note: 'process.memoryUsage().heapUsed with the engine and its last scan alive, minus before creating it, each after a forced GC',
    },
  ];
}
