import type { Money } from '../model/types';

const PERIOD_SUFFIX: Record<NonNullable<Money['per']>, string> = { once: '', month: '/mo', quarter: '/qtr', year: '/yr' };

/**
 * A short money label for trees and the status bar: `€120K/yr`, `$1.5M/mo`. Compact notation
 * from Intl.NumberFormat in the user's locale; an unknown currency code falls back to `120K XYZ`.
 */
export function formatMoneyShort(money: Money, locale = 'en'): string {
  const suffix = money.per ? PERIOD_SUFFIX[money.per] : '';
  try {
    const text = new Intl.NumberFormat(locale, { style: 'currency', currency: money.currency, notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1 }).format(money.amount);
    return `${text}${suffix}`;
  } catch {
    const amount = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(money.amount);
    return `${amount} ${money.currency}${suffix}`;
  }
}

/** The full amount for tooltips: `€120,000 per year`. */
export function formatMoneyLong(money: Money, locale = 'en'): string {
  const per = money.per && money.per !== 'once' ? ` per ${money.per}` : money.per === 'once' ? ' once' : '';
  try {
    return `${new Intl.NumberFormat(locale, { style: 'currency', currency: money.currency, minimumFractionDigits: 0, maximumFractionDigits: 2 }).format(money.amount)}${per}`;
  } catch {
    return `${new Intl.NumberFormat(locale).format(money.amount)} ${money.currency}${per}`;
  }
}
