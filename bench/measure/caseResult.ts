import type { Summary } from './sampling';

export type Verdict = 'PASS' | 'FAIL' | 'INFO' | 'ERROR' | 'LEFT OUT';

/** One row of the table and one entry of bench/results.json. */
export interface CaseResult {
  readonly name: string;
  readonly fixture: string;
  readonly unit: string;
  /** Measured iterations after warm-up. */
  readonly iterations: number;
  readonly ours?: Summary;
  readonly baseline?: Summary & { readonly what: string };
  /** ours ÷ baseline, on the medians. */
  readonly ratio?: number;
  readonly target: string;
  readonly verdict: Verdict;
  readonly note?: string;
}

export function ratioOf(ours: Summary, baseline: Summary): number {
  return ours.median / baseline.median;
}

/** The verdict of a measured case: PASS when every condition of its target holds. */
export function verdictOf(...conditions: readonly boolean[]): Verdict {
  return conditions.every(Boolean) ? 'PASS' : 'FAIL';
}

/** What an `info` row explains a headline with: a pair measured like it, and what it shows. */
export interface InfoRow {
  readonly name: string;
  readonly pair: { readonly ours: Summary; readonly baseline: Summary };
  readonly iterations: number;
  /** What the baseline is; `fixture` defaults to the headline's (`same`). */
  readonly baselineWhat: string;
  readonly fixture?: string;
  readonly note?: string;
}

/** A row that breaks a case down: measured against its own baseline, with no target of its own. */
export function infoRow({ name, pair, iterations, baselineWhat, fixture = 'same', note }: InfoRow): CaseResult {
  return {
    name,
    fixture,
    unit: 'ms',
    iterations,
    ours: pair.ours,
    baseline: { ...pair.baseline, what: baselineWhat },
    ratio: ratioOf(pair.ours, pair.baseline),
    target: 'info',
    verdict: 'INFO',
    ...(note !== undefined ? { note } : {}),
  };
}

/** A case that could not run: the table shows why instead of a number. */
export function errorResult(name: string, fixture: string, target: string, e: unknown): CaseResult {
  const message = e instanceof Error ? e.message : String(e);
  return { name, fixture, unit: '', iterations: 0, target, verdict: 'ERROR', note: message.split('\n')[0] ?? message };
}
