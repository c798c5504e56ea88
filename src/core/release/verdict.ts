import type { Verdict } from '../model/types';

/**
 * The verdict a measure's actual value suggests. The direction comes from baseline → target (a
 * target below the baseline means lower is better; without a baseline, higher is better):
 * `met` when the actual reaches the target, `partial` when it moved from the baseline toward the
 * target, `missed` otherwise. Undefined when there is no target or no actual to judge.
 */
export function suggestVerdict(measure: { readonly baseline?: number; readonly target?: number }, actual: number | undefined): Verdict | undefined {
  const { baseline, target } = measure;
  if (target === undefined || actual === undefined) return undefined;
  const sign = baseline !== undefined && target < baseline ? -1 : 1;
  if (sign * (actual - target) >= 0) return 'met';
  if (baseline !== undefined && sign * (actual - baseline) > 0) return 'partial';
  return 'missed';
}
