import type { Intent, IntentValue, ReleaseStatement, ValuePeriod } from '../model/types';
import { releaseShares } from '../report/releaseShares';
import { valueFromIntents } from './releaseStatement';

/** What a new release can still expect of its intents, and how much earlier releases claimed. */
export interface UnclaimedValue {
  /** Undefined when no chosen intent states a value. */
  readonly amount?: number;
  readonly currency: string;
  readonly per?: ValuePeriod;
  /** What earlier releases already expected of the chosen intents, in that currency and period. */
  readonly claimed: number;
  /** Chosen intents with a value in another currency or period, left out of the sum. */
  readonly leftOut: number;
}

/**
 * The expected value to prefill for a release of `chosen` intents: each intent's estimate less
 * what earlier releases (`earlier`) already expected of it, so that accepting the default release
 * after release never counts one intent's value twice. An earlier release serving several intents
 * claims of each its share (report/releaseShares.ts); only expectations in the intent's own
 * currency and period are subtracted, and an intent never goes below zero.
 */
export function unclaimedValue(chosen: readonly Pick<Intent, 'id' | 'value'>[], earlier: readonly ReleaseStatement[], intentOf: (id: string) => Pick<Intent, 'value'> | undefined, defaultCurrency: string): UnclaimedValue {
  const valueOf = (id: string): IntentValue | undefined => intentOf(id)?.value;
  const claimedOf = new Map<string, number>();
  for (const statement of earlier) {
    const expected = statement.expected.value;
    if (!expected) continue;
    const known = statement.expected.intents.filter((id) => intentOf(id) !== undefined);
    for (const { id, share } of releaseShares(known, statement.expected.shares, valueOf)) {
      const own = valueOf(id);
      if (!own || own.currency !== expected.currency || (own.per ?? '') !== (expected.per ?? '')) continue;
      claimedOf.set(id, (claimedOf.get(id) ?? 0) + expected.amount * share);
    }
  }
  let claimed = 0;
  const left = chosen.map((intent) => {
    if (!intent.value) return intent;
    const already = Math.min(intent.value.amount, claimedOf.get(intent.id) ?? 0);
    return { ...intent, value: { ...intent.value, amount: Math.max(0, intent.value.amount - already) }, already };
  });
  const sum = valueFromIntents(left, defaultCurrency);
  for (const intent of left) {
    if ('already' in intent && intent.value.currency === sum.currency && (intent.value.per ?? '') === (sum.per ?? '')) claimed += intent.already;
  }
  return { ...sum, claimed: Math.round(claimed * 100) / 100 };
}
