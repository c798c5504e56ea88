import type { ReleaseStatement } from '../model/types';
import type { MessageRef } from './messages';
import { englishOf, message } from './messages';

/** Where a release stands with its outcome review. */
export type ReviewState =
  | { readonly kind: 'reviewed' }
  | { readonly kind: 'none' }
  /** The first review date is still to come. */
  | { readonly kind: 'upcoming'; readonly date: string; readonly days: number }
  /** The first review date is today. */
  | { readonly kind: 'due'; readonly date: string; readonly days: 0 }
  | { readonly kind: 'overdue'; readonly date: string; readonly days: number };

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * The earliest review date of a statement without an outcome, relative to `today`
 * (YYYY-MM-DD): `upcoming` in N days, `due` today, or `overdue` by N days. "Due" is kept for
 * today and the past: a review a month away is not due.
 */
export function reviewState(statement: ReleaseStatement, today: string): ReviewState {
  if (statement.outcome) return { kind: 'reviewed' };
  const dates = statement.expected.measures.map((m) => m.review).filter((d): d is string => d !== undefined).sort();
  const date = dates[0];
  if (!date) return { kind: 'none' };
  const days = daysBetween(today, date);
  if (days < 0) return { kind: 'overdue', date, days: -days };
  return days === 0 ? { kind: 'due', date, days: 0 } : { kind: 'upcoming', date, days };
}

/** "review on 2027-01-03, in 3 days", "review due today", "review overdue by 12 days", as a message. */
export function reviewMessage(state: ReviewState): MessageRef | undefined {
  switch (state.kind) {
    case 'due':
      return message('reviewDueToday');
    case 'upcoming':
      return state.days === 1 ? message('reviewTomorrow') : message('reviewInDays', state.days, state.date);
    case 'overdue':
      return state.days === 1 ? message('reviewOverdueByOneDay') : message('reviewOverdueByDays', state.days);
    default:
      return undefined;
  }
}

/** "review on 2027-01-03, in 3 days", "review due today", "review overdue by 12 days". */
export function describeReview(state: ReviewState): string | undefined {
  return englishOf(reviewMessage(state));
}
