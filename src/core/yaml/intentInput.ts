import { isIntentId } from '../valueFolder';

/** The message shown under an input box, or undefined when the answer is fine. */
export type InputProblem = string | undefined;

/** Checks a typed intent id: well-formed, and not used by another intent or file. */
export function checkIntentIdInput(id: string, isTaken: (id: string) => boolean): InputProblem {
  if (id.length === 0) return 'Enter an id, e.g. checkout-speed.';
  if (!isIntentId(id)) {
    return 'Use lower-case letters, digits and dashes (at most 64), starting with a letter or digit, e.g. checkout-speed.';
  }
  if (isTaken(id)) return `An intent "${id}" already exists in this folder; choose another id.`;
  return undefined;
}

/** Checks an answer that must not be blank. */
export function checkRequiredInput(value: string, what: string): InputProblem {
  return value.trim().length === 0 ? `Enter ${what}.` : undefined;
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Reads an optional number typed by the user: blank gives `undefined`; a dot is the decimal mark
 * and thousands separators are not accepted, so `2,100` is never silently read as 2.1 or 2100.
 */
export function parseNumberInput(text: string): { readonly value?: number; readonly problem?: string } {
  const trimmed = text.trim();
  if (trimmed === '') return {};
  const value = Number(trimmed);
  if (!NUMBER.test(trimmed) || !Number.isFinite(value)) {
    return { problem: 'Enter a number such as 2.1 or 120000 (a dot for decimals, no thousands separators), or leave it empty.' };
  }
  return { value };
}

/** Normalises a currency code to capitals and checks it is three letters (ISO 4217 form). */
export function parseCurrencyInput(text: string): { readonly value?: string; readonly problem?: string } {
  const value = text.trim().toUpperCase();
  return /^[A-Z]{3}$/.test(value) ? { value } : { problem: 'Enter a three-letter currency code such as EUR or USD.' };
}
