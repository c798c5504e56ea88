import type { InputProblem } from './releaseBranchName';

// Text people type when they mean to fill something in later.
const PLACEHOLDERS = new Set([
  'tbd', 'tba', 'todo', 'to do', 'fixme', 'n/a', 'na', 'none', 'nothing', 'null', 'undefined', 'test', 'testing', 'asdf', 'xxx', 'x',
  'foo', 'bar', 'lorem ipsum', 'placeholder', 'summary', 'value', 'later', 'tbc', '?', '-', '.', '...', '…',
]);

/**
 * Checks the one-sentence expected value: required, and not placeholder text (`TBD`, `todo`,
 * `...`, `lorem ipsum`), because a statement that says nothing defeats its review.
 */
export function checkSummaryInput(text: string): InputProblem {
  const trimmed = text.trim();
  if (trimmed.length === 0) return 'Say in one sentence what should be better after this release, and for whom.';
  const bare = trimmed.toLowerCase().replace(/[\s!.?…:;,-]+$/u, '').replace(/^[\s-]+/, '');
  if (PLACEHOLDERS.has(bare) || PLACEHOLDERS.has(trimmed.toLowerCase()) || /^(.)\1*$/u.test(bare) || /^lorem ipsum/.test(bare)) {
    return `"${trimmed}" is placeholder text; say what should be better, e.g. "Checkout p95 under 800 ms should lift conversion to 2.3%."`;
  }
  if (trimmed.split(/\s+/).length < 3) return 'Write a sentence (a few words at least): what should be better, for whom.';
  return undefined;
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

/** Checks a review date: a real date written YYYY-MM-DD, after `today`. */
export function checkReviewDateInput(text: string, today: string): InputProblem {
  const trimmed = text.trim();
  if (!isRealDate(trimmed)) return 'Enter a date written YYYY-MM-DD, e.g. 2027-01-15.';
  if (trimmed <= today) return `The review date must be in the future (after ${today}).`;
  return undefined;
}

/** The `valueLens.reviewAfterDays` setting, made sane: a whole number of days from 1 to 3650. */
export function reviewAfterDays(setting: unknown, fallback = 30): number {
  return typeof setting === 'number' && Number.isFinite(setting) ? Math.min(3650, Math.max(1, Math.round(setting))) : fallback;
}
