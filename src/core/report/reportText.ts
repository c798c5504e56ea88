import type { Money, ValuePeriod } from '../model/types';
import { formatMoneyLong } from '../present/formatMoney';
import type { MessageRef, Translate } from '../present/messages';
import { fillTemplate } from '../present/messages';
import type { ValueReport } from './reportModel';
import type { ReportMessageId, ReportMessageRef } from './reportMessages';
import { renderReportMessage, reportMessage } from './reportMessages';

/**
 * Renders a report message: English by default (the CLI), `localize` in the extension. The
 * report's renderers take one, so the same model reads in the display language.
 */
export type RenderRef = (ref: ReportMessageRef | MessageRef) => string;

/** Report and core messages through `translate` (a `{n}` filler: English, or `vscode.l10n.t`). */
export function renderWith(translate: Translate = fillTemplate): RenderRef {
  return (ref) => renderReportMessage(ref, translate);
}
export const english: RenderRef = renderWith();

const MARK = /\uE000(\d+)\uE001/g;

/**
 * A message around markup: the translated text is escaped with `escape`, then the arguments,
 * already markup (escaped data, spans, links), go in as they are. The arguments pass through the
 * translator as marks in private-use characters, which no escape touches and no template holds.
 */
export function markup(t: RenderRef, escape: (text: string) => string, id: ReportMessageId, ...args: readonly string[]): string {
  const text = escape(t(reportMessage(id, ...args.map((_, i) => `\uE000${i}\uE001`))));
  return text.replace(MARK, (whole, n: string) => args[Number(n)] ?? whole);
}

/** Our own text in a double-quoted attribute: English needs no escape (an apostrophe is fine), a translation might. */
export function escapeAttribute(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Text that goes into HTML: every character that could start markup or end an attribute is escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Text for a Markdown table cell or line: no markup, no raw HTML (wikis differ in what they
 * sanitise), no line break or pipe that would end the cell.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_{}[\]|~]/g, (c) => `\\${c}`);
}

/** `€120,000 per year`; a sum too large for a number says so instead of `€∞`. */
export function moneyText(amount: number, currency: string, per: ValuePeriod | 'unspecified' | undefined, locale: string, t: RenderRef = english): string {
  if (!Number.isFinite(amount)) return t(reportMessage('reportTooLarge', currency));
  const money: Money = { amount, currency };
  const amountOnly = formatMoneyLong(money, locale);
  return per === undefined || per === 'unspecified' ? amountOnly : t(reportMessage('reportMoneyPer', amountOnly, perMessage(per)));
}

/** `€120,000`: the amount alone, for places that say the period next to it. */
export function amountText(amount: number, currency: string, locale: string, t: RenderRef = english): string {
  return moneyText(amount, currency, undefined, locale, t);
}

export function moneyOf(m: Money, locale: string, t: RenderRef = english): string {
  return moneyText(m.amount, m.currency, m.per, locale, t);
}

const PER: Record<ValuePeriod, ReportMessageId> = { once: 'reportPerOnce', month: 'reportPerMonth', quarter: 'reportPerQuarter', year: 'reportPerYear' };

/** "per year", "once", "no period given", as a message. */
export function perMessage(per: ValuePeriod | 'unspecified'): ReportMessageRef {
  return reportMessage(per === 'unspecified' ? 'reportNoPeriodGiven' : PER[per]);
}

/** "per year", "once", "no period given". */
export function perText(per: ValuePeriod | 'unspecified', t: RenderRef = english): string {
  return t(perMessage(per));
}

/** `62%`, or an em dash when there is nothing to divide. */
export function percentText(share: number | null | undefined): string {
  return share === null || share === undefined || !Number.isFinite(share) ? '—' : `${Math.round(share * 100)}%`;
}

/** A plain number as people read it: `2.25`, `1,000,000`, `-3`. */
export function numberText(n: number | undefined, locale: string): string {
  if (n === undefined) return '—';
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 6 }).format(n);
}

/** "Value coverage counts the history of main at 1a2b3c4.", with the arguments made markup by `say`. */
export function historyLine(report: ValueReport, say: (id: ReportMessageId, ...args: readonly string[]) => string): string | undefined {
  const cov = report.coverage;
  if (!cov.available || !cov.ref) return undefined;
  return cov.ref.sha ? say('reportHistoryLine', cov.ref.name, cov.ref.sha.slice(0, 12)) : say('reportHistoryLineUnborn', cov.ref.name);
}

/** A release name with the intent's share of it, when the release is shared: "1.1.0 (60%)". */
export function shareOf(name: string, share: number | undefined, say: (id: ReportMessageId, ...args: readonly string[]) => string): string {
  return share === undefined || share >= 1 ? name : say('reportReleaseShare', name, percentText(share));
}
