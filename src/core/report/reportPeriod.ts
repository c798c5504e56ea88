import type { MessageRef, Translate } from '../present/messages';
import { message, renderMessage } from '../present/messages';

/** The periods a report can cover: the last 30, 90 or 365 days, or everything. */
export const REPORT_PERIODS = ['30d', '90d', '365d', 'all'] as const;
export type ReportPeriod = (typeof REPORT_PERIODS)[number];

const DAYS: Record<Exclude<ReportPeriod, 'all'>, number> = { '30d': 30, '90d': 90, '365d': 365 };

export function isReportPeriod(value: unknown): value is ReportPeriod {
  return typeof value === 'string' && (REPORT_PERIODS as readonly string[]).includes(value);
}

/** "last 90 days", "all time", as a message. */
export function periodMessage(period: ReportPeriod): MessageRef {
  return period === 'all' ? message('periodAll') : message('periodLastDays', DAYS[period]);
}

/** "last 90 days", "all time", in English unless given the extension's translator. */
export function describePeriod(period: ReportPeriod, translate?: Translate): string {
  return renderMessage(periodMessage(period), translate);
}

/**
 * The first day (YYYY-MM-DD) of `period` ending `today`, or undefined for `all`. The last 30
 * days of 2026-03-31 start on 2026-03-02: today counts as one of them.
 */
export function periodStart(period: ReportPeriod, today: string): string | undefined {
  if (period === 'all') return undefined;
  const t = Date.parse(`${today}T00:00:00Z`);
  return new Date(t - (DAYS[period] - 1) * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Whether a date (YYYY-MM-DD, or ISO date-time: its day part counts) is in the period that
 * starts on `start`. There is no upper bound: a date after today stays visible (and is flagged
 * by the report) instead of silently disappearing.
 */
export function inPeriod(date: string, start: string | undefined): boolean {
  return start === undefined || date.slice(0, 10) >= start;
}
