import type { ReportPeriod } from '../core/report/reportPeriod';
import type { MessageId, Translate } from '../core/present/messages';
import { message, renderMessage } from '../core/present/messages';
import { periodMessage, REPORT_PERIODS } from '../core/report/reportPeriod';
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
  /** Renders the frame's texts: `vscode.l10n.t` in the extension, English by default. */
  readonly translate?: Translate;
  /** The language `translate` writes in (`vscode.env.language`), for `<html lang>`; default `en`. */
  readonly language?: string;
}

/**
 * The webview's HTML: a strict CSP (nothing but our nonce'd stylesheet and, when scripts are
 * on, our nonce'd script from the extension's media/ folder), a toolbar with the period filter
 * and exports, and the report.
 */
export function reportDocument(input: ReportDocumentInput): string {
  const { cspSource, nonce } = input;
  const csp = [
    "default-src 'none'",
    `style-src ${cspSource} 'nonce-${nonce}'`,
    // Restricted mode: no script-src at all, so not even a nonce'd script could run.
    ...(input.scripts ? [`script-src 'nonce-${nonce}'`] : []),
    `img-src ${cspSource} data:`,
    `font-src ${cspSource}`,
  ].join('; ');
  const t = (id: MessageId): string => h(renderMessage(message(id), input.translate));
  const options = REPORT_PERIODS.map((p) => `<option value="${p}"${p === input.period ? ' selected' : ''}>${h(renderMessage(periodMessage(p), input.translate))}</option>`).join('');
  const toolbar = input.scripts
    ? `<nav class="toolbar" aria-label="${t('reportOptions')}"><label>${t('reportPeriod')} <select id="period">${options}</select></label>`
      + `<span class="spacer"></span><button type="button" id="export-html">${t('reportExportHtml')}</button><button type="button" id="export-md">${t('reportExportMarkdown')}</button></nav>`
    : `<p class="restricted" role="note">${t('reportRestricted')}</p>`;
  return `<!DOCTYPE html>
<html lang="${h(input.language ?? 'en')}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" nonce="${nonce}" href="${h(input.styleUri)}">
<title>${t('reportTitle')}</title>
</head>
<body>
${toolbar}
<main id="report" class="report" aria-live="polite">${input.body}</main>
${input.scripts ? `<script nonce="${nonce}" src="${h(input.scriptUri)}"></script>` : ''}
</body>
</html>`;
}
