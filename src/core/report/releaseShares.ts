import type { IntentValue, Money } from '../model/types';

/** One intent's part of a release's value. */
export interface IntentShare {
  readonly id: string;
  /** Between 0 and 1; the shares of one release add up to 1. */
  readonly share: number;
  /** How the share was decided. */
  readonly rule: ShareRule;
}

/**
 * `stated`: the statement's `expected.shares`; `proportional`: the intents' own expected values;
 * `equal`: neither could decide (no shares, and the intents' values are missing or not comparable).
 */
export type ShareRule = 'stated' | 'proportional' | 'equal';

/**
 * How a release's value is split between the intents it serves (the documented rule of
 * docs/FORMAT.md), so that no table counts one release's value twice:
 * 1. the statement's `shares` (weights per intent id, normalised over the listed intents);
 * 2. else in proportion to the intents' expected values, when those that state one state it in
 *    the same currency and period (an intent without a value gets no part);
 * 3. else equally.
 * `intents` are the release's known intents in statement order, duplicates removed; an empty list
 * gives no shares (the value belongs to no intent).
 */
export function releaseShares(intents: readonly string[], stated: Readonly<Record<string, number>> | undefined, valueOf: (id: string) => IntentValue | undefined): IntentShare[] {
  const ids = [...new Set(intents)];
  if (ids.length === 0) return [];
  if (ids.length === 1) return [{ id: ids[0]!, share: 1, rule: stated ? 'stated' : 'proportional' }];
  const weights = stated ? ids.map((id) => positive(stated[id])) : undefined;
  if (weights && sum(weights) > 0) return normalised(ids, weights, 'stated');
  const values = ids.map(valueOf);
  // An intent that states no value has none to be proportional to: it gets no part.
  const first = values.find((v) => v !== undefined);
  const comparable = first !== undefined && values.every((v) => v === undefined || (v.currency === first.currency && (v.per ?? '') === (first.per ?? '')));
  if (comparable) {
    const amounts = values.map((v) => positive(v?.amount));
    if (sum(amounts) > 0) return normalised(ids, amounts, 'proportional');
  }
  return ids.map((id) => ({ id, share: 1 / ids.length, rule: 'equal' }));
}

function positive(n: number | undefined): number {
  return n !== undefined && Number.isFinite(n) && n > 0 ? n : 0;
}

function sum(ns: readonly number[]): number {
  return ns.reduce((a, b) => a + b, 0);
}

function normalised(ids: readonly string[], weights: readonly number[], rule: ShareRule): IntentShare[] {
  const total = sum(weights);
  return ids.map((id, i) => ({ id, share: (weights[i] ?? 0) / total, rule }));
}

/**
 * `money` split by `shares` in whole cents, with the cents left by rounding given to the largest
 * remainders: the parts add up to the amount exactly. Amounts too large for cents are split as
 * floating-point numbers.
 */
export function splitMoney(money: Money, shares: readonly IntentShare[]): Map<string, Money> {
  const parts = new Map<string, Money>();
  const cents = Math.round(money.amount * 100);
  if (!Number.isSafeInteger(cents)) {
    for (const s of shares) parts.set(s.id, { ...money, amount: money.amount * s.share });
    return parts;
  }
  const exact = shares.map((s) => cents * s.share);
  const floors = exact.map((x) => Math.floor(x));
  let left = cents - sum(floors);
  const order = exact.map((x, i) => ({ i, rest: x - Math.floor(x) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i] = (floors[i] ?? 0) + 1;
    left -= 1;
  }
  shares.forEach((s, i) => parts.set(s.id, { ...money, amount: (floors[i] ?? 0) / 100 }));
  return parts;
}
