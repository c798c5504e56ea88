import type { ReportPeriod } from '../core/report/reportPeriod';
import { isReportPeriod } from '../core/report/reportPeriod';

// Apart from reportCommand.ts: the CLI checks its arguments before it loads the report's code.
export const REPORT_FORMATS = ['html', 'md', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export function isReportFormat(value: unknown): value is ReportFormat {
  return typeof value === 'string' && (REPORT_FORMATS as readonly string[]).includes(value);
}

/** Parses `--since`: `30d`, `90d`, `365d` or `all`. */
export function parseSince(value: string | undefined): ReportPeriod {
  const period = value ?? 'all';
  if (!isReportPeriod(period)) throw new Error(`--since must be 30d, 90d, 365d or all, not "${period}"`);
  return period;
}
