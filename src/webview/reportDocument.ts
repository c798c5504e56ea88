import type { ReportPeriod } from '../core/report/reportPeriod';
import { describePeriod, REPORT_PERIODS } from '../core/report/reportPeriod';
import { escapeHtml as h } from '../core/report/reportText';

export interface ReportDocumentInput {
  /** `webview.cspSource`. */
  readonly cspSource: string;
  /** A fresh random nonce per document. */
  readonly nonce: string;
  /** Webview URIs of media/report.css and media/report.js, as strings. */
  readonly styleUri: string;
  readonly scriptUri: string;
  /** The report body from `renderReportBody` (already escaped). */
  readonly body: string;
  /** False in an untrusted workspace: no script, no toolbar, a note instead. */
  readonly scripts: boolean;
  readonly period: ReportPeriod;
}

/**
 * The webview's HTML: a strict CSP (nothing but our nonce'd stylesheet and script from the
 * extension's media/ folder), a toolbar with the period filter and exports, and the report.
 */
export function reportDocument(input: ReportDocumentInput): string {
  const { cspSource, nonce } = input;
  const csp = [
    "default-src 'none'",
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
    `img-src ${cspSource} data:`,
    `font-src ${cspSource}`,
  ].join('; ');
  const options = REPORT_PERIODS.map((p) => `<option value="${p}"${p === input.period ? ' selected' : ''}>${h(describePeriod(p))}</option>`).join('');
  const toolbar = input.scripts
    ? `<nav class="toolbar" aria-label="Report options"><label>Period <select id="period">${options}</select></label>`
      + '<span class="spacer"></span><button type="button" id="export-html">Export as HTML</button><button type="button" id="export-md">Export as Markdown</button></nav>'
    : '<p class="restricted" role="note">Restricted mode: this workspace is not trusted, so the report shows all time, reads no git history (commit coverage is unavailable) and cannot be exported.</p>';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" nonce="${nonce}" href="${h(input.styleUri)}">
<title>Value Report</title>
</head>
<body>
${toolbar}
<main id="report" class="report" aria-live="polite">${input.body}</main>
${input.scripts ? `<script nonce="${nonce}" src="${h(input.scriptUri)}"></script>` : ''}
</body>
</html>`;
}
