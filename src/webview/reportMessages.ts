import type { ReportPeriod } from '../core/report/reportPeriod';
import { isReportPeriod } from '../core/report/reportPeriod';

/** What the report webview may ask of the extension. Anything else is ignored. */
export type ReportRequest =
  | { readonly type: 'ready' }
  | { readonly type: 'setPeriod'; readonly period: ReportPeriod }
  /** Open the YAML of an intent (by id) or a release (by entry name); never a path. */
  | { readonly type: 'open'; readonly kind: 'intent' | 'release'; readonly id: string }
  | { readonly type: 'export'; readonly format: 'html' | 'md' };

/** What the extension sends to the webview: the new report body (already escaped HTML). */
export interface ReportUpdate {
  readonly type: 'update';
  readonly body: string;
  readonly period: ReportPeriod;
  readonly folder: string;
}

/** The state the webview keeps (`vscode.setState`) so the panel can be restored after a reload. */
export interface ReportPanelState {
  readonly period: ReportPeriod;
  /** URI of the workspace folder the report is about. */
  readonly folder?: string;
}

/** Checks a message from the webview; the webview is treated as untrusted input. */
export function parseReportRequest(message: unknown): ReportRequest | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const m = message as Record<string, unknown>;
  switch (m['type']) {
    case 'ready':
      return { type: 'ready' };
    case 'setPeriod':
      return isReportPeriod(m['period']) ? { type: 'setPeriod', period: m['period'] } : undefined;
    case 'open': {
      const { kind, id } = m;
      if ((kind !== 'intent' && kind !== 'release') || typeof id !== 'string' || id.length === 0 || id.length > 256) return undefined;
      return { type: 'open', kind, id };
    }
    case 'export':
      return m['format'] === 'html' || m['format'] === 'md' ? { type: 'export', format: m['format'] } : undefined;
    default:
      return undefined;
  }
}

/** Reads a saved panel state defensively: it comes back from the webview. */
export function parsePanelState(state: unknown): ReportPanelState {
  const s = (typeof state === 'object' && state !== null ? state : {}) as Record<string, unknown>;
  const period = isReportPeriod(s['period']) ? s['period'] : 'all';
  return typeof s['folder'] === 'string' ? { period, folder: s['folder'] } : { period };
}
