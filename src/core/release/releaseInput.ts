import type { MessageRef } from '../present/messages';
import { englishOf, message } from '../present/messages';
import type { InputProblem } from './releaseBranchName';

// Text people type when they mean to fill something in later.
const PLACEHOLDERS = new Set([
  'tbd', 'tba', 'todo', 'to do', 'fixme', 'n/a', 'na', 'none', 'nothing', 'null', 'undefined', 'test', 'testing', 'asdf', 'xxx', 'x',
  'foo', 'bar', 'lorem ipsum', 'placeholder', 'summary', 'value', 'later', 'tbc', '?', '-', '.', '...', '…',
]);

/**
 * What is wrong with the one-sentence expected value: missing, or placeholder text (`TBD`,
 * `todo`, `...`, `lorem ipsum`), because a statement that says nothing defeats its review.
 */
export function summaryProblem(text: string): MessageRef | undefined {
  const trimmed = text.trim();
  if (trimmed.length === 0) return message('inputSummaryEmpty');
  const bare = trimmed.toLowerCase().replace(/[\s!.?…:;,-]+$/u, '').replace(/^[\s-]+/, '');
  if (PLACEHOLDERS.has(bare) || PLACEHOLDERS.has(trimmed.toLowerCase()) || /^(.)\1*$/u.test(bare) || /^lorem ipsum/.test(bare)) {
    return message('inputSummaryPlaceholder', trimmed);
  }
  if (trimmed.split(/\s+/).length < 3) return message('inputSummaryTooShort');
  return undefined;
}

/** Checks the one-sentence expected value (see `summaryProblem`). */
export function checkSummaryInput(text: string): InputProblem {
  return englishOf(summaryProblem(text));
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Adds `days` to an ISO date (`YYYY-MM-DD`), by calendar, independent of time zones. */
export function addDays(isoDate: string, days: number): string {
  const m = ISO_DATE.exec(isoDate);
  if (!m) throw new Error(`Not a date written YYYY-MM-DD: ${isoDate}`);
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + Math.trunc(days)));
  return d.toISOString().slice(0, 10);
}

function isRealDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === text;
}

/** What is wrong with a review date: not a real date written YYYY-MM-DD, or not after `today`. */
export function reviewDateProblem(text: string, today: string): MessageRef | undefined {
  const trimmed = text.trim();
  if (!isRealDate(trimmed)) return message('inputReviewDateMalformed');
  if (trimmed <= today) return message('inputReviewDatePast', today);
  return undefined;
}

/** Checks a review date: a real date written YYYY-MM-DD, after `today`. */
export function checkReviewDateInput(text: string, today: string): InputProblem {
  return englishOf(reviewDateProblem(text, today));
}

/** The `valueLens.reviewAfterDays` setting, made sane: a whole number of days from 1 to 3650. */
export function reviewAfterDays(setting: unknown, fallback = 30): number {
  return typeof setting === 'number' && Number.isFinite(setting) ? Math.min(3650, Math.max(1, Math.round(setting))) : fallback;
}
