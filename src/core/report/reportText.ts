import type { Money, ValuePeriod } from '../model/types';
import { formatMoneyLong } from '../present/formatMoney';

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
export function moneyText(amount: number, currency: string, per: ValuePeriod | 'unspecified' | undefined, locale: string): string {
  if (!Number.isFinite(amount)) return `too large to add up (${currency})`;
  const money: Money = per === undefined || per === 'unspecified' ? { amount, currency } : { amount, currency, per };
  return formatMoneyLong(money, locale);
}

/** `€120,000`: the amount alone, for places that say the period next to it. */
export function amountText(amount: number, currency: string, locale: string): string {
  return moneyText(amount, currency, undefined, locale);
}

export function moneyOf(m: Money, locale: string): string {
  return moneyText(m.amount, m.currency, m.per, locale);
}

/** "per year", "once", "" for money without a period. */
export function perText(per: ValuePeriod | 'unspecified'): string {
  return per === 'unspecified' ? 'no period given' : per === 'once' ? 'once' : `per ${per}`;
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
