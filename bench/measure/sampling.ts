import { performance } from 'perf_hooks';

/** Median and p95 of a series of measurements, all kept for results.json. */
export interface Summary {
  readonly median: number;
  readonly p95: number;
  readonly samples: readonly number[];
}

/** Median and nearest-rank p95 (with 10 samples the p95 is the slowest one). */
export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new Error('no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  const median = sorted.length % 2 === 1 ? sorted[Math.floor(mid)]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  const p95 = sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)]!;
  return { median, p95, samples };
}

/** Milliseconds `work` takes. */
export async function timeMs(work: () => unknown): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

export interface PairPlan {
  readonly warmup: number;
  readonly iterations: number;
  /** One measurement of our code; setup that must not count happens inside, before the timer. */
  readonly ours: (iteration: number) => Promise<number>;
  readonly baseline: (iteration: number) => Promise<number>;
}

/**
 * Collects garbage before a sample when the bench runs with --expose-gc (npm run bench does), so
 * that one sample does not pay for the garbage the one before it left.
 */
function settle(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/**
 * Runs ours and the baseline alternately, swapping which goes first each round, so drift in
 * the machine (page cache, CPU frequency, a neighbour's build) lands on both sides alike.
 */
export async function measurePair(plan: PairPlan): Promise<{ ours: Summary; baseline: Summary }> {
  const ours: number[] = [];
  const baseline: number[] = [];
  for (let round = -plan.warmup; round < plan.iterations; round++) {
    const first = round % 2 === 0 ? 'ours' : 'baseline';
    for (const side of first === 'ours' ? (['ours', 'baseline'] as const) : (['baseline', 'ours'] as const)) {
      settle();
      const value = await plan[side](round);
      if (round >= 0) (side === 'ours' ? ours : baseline).push(value);
    }
  }
  return { ours: summarize(ours), baseline: summarize(baseline) };
}

/** Runs one side only (cases without a baseline). */
export async function measureOne(warmup: number, iterations: number, measure: (iteration: number) => Promise<number>): Promise<Summary> {
  const values: number[] = [];
  for (let round = -warmup; round < iterations; round++) {
    settle();
    const value = await measure(round);
    if (round >= 0) values.push(value);
  }
  return summarize(values);
}
