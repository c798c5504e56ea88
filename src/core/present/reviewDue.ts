import type { ReleaseStatement } from '../model/types';
import type { MessageRef } from './messages';
import { englishOf, message } from './messages';

/** Where a release stands with its outcome review. */
export type ReviewState =
  | { readonly kind: 'reviewed' }
  | { readonly kind: 'none' }
  | { readonly kind: 'due'; readonly date: string; readonly days: number }
  | { readonly kind: 'overdue'; readonly date: string; readonly days: number };

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * The earliest review date of a statement without an outcome, relative to `today`
 * (YYYY-MM-DD): `due` in N days (0 = today) or `overdue` by N days.
 */
export function reviewState(statement: ReleaseStatement, today: string): ReviewState {
  if (statement.outcome) return { kind: 'reviewed' };
  const dates = statement.expected.measures.map((m) => m.review).filter((d): d is string => d !== undefined).sort();
  const date = dates[0];
  if (!date) return { kind: 'none' };
  const days = daysBetween(today, date);
  return days < 0 ? { kind: 'overdue', date, days: -days } : { kind: 'due', date, days };
}

/** "review due in 3 days", "review due today", "review overdue by 12 days", as a message. */
export function reviewMessage(state: ReviewState): MessageRef | undefined {
  switch (state.kind) {
    case 'due':
      return state.days === 0 ? message('reviewDueToday') : state.days === 1 ? message('reviewDueInOneDay') : message('reviewDueInDays', state.days);
    case 'overdue':
      return state.days === 1 ? message('reviewOverdueByOneDay') : message('reviewOverdueByDays', state.days);
    default:
      return undefined;
  }
}

/** "review due in 3 days", "review due today", "review overdue by 12 days". */
export function describeReview(state: ReviewState): string | undefined {
  return englishOf(reviewMessage(state));
}
