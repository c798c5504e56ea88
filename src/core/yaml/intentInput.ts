import type { MessageRef } from '../present/messages';
import { englishOf, message } from '../present/messages';
import { isIntentId } from '../valueFolder';

/** The message shown under an input box, or undefined when the answer is fine. */
export type InputProblem = string | undefined;

/** What is wrong with a typed intent id: malformed, or used by another intent or file. */
export function intentIdProblem(id: string, isTaken: (id: string) => boolean): MessageRef | undefined {
  if (id.length === 0) return message('inputIdEmpty');
  if (!isIntentId(id)) return message('inputIdMalformed');
  if (isTaken(id)) return message('inputIdTaken', id);
  return undefined;
}

/** Checks a typed intent id: well-formed, and not used by another intent or file. */
export function checkIntentIdInput(id: string, isTaken: (id: string) => boolean): InputProblem {
  return englishOf(intentIdProblem(id, isTaken));
}

/** Asks for an answer that must not be blank; `what` names it ("a title"). */
export function requiredProblem(value: string, what: string): MessageRef | undefined {
  return value.trim().length === 0 ? message('inputRequired', what) : undefined;
}

/** Checks an answer that must not be blank. */
export function checkRequiredInput(value: string, what: string): InputProblem {
  return englishOf(requiredProblem(value, what));
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Reads an optional number typed by the user: blank gives `undefined`; a dot is the decimal mark
 * and thousands separators are not accepted, so `2,100` is never silently read as 2.1 or 2100.
 */
export function parseNumberInput(text: string): { readonly value?: number; readonly problem?: MessageRef } {
  const trimmed = text.trim();
  if (trimmed === '') return {};
  const value = Number(trimmed);
  if (!NUMBER.test(trimmed) || !Number.isFinite(value)) {
    return { problem: message('inputNumber') };
  }
  return { value };
}

/** Normalises a currency code to capitals and checks it is three letters (ISO 4217 form). */
export function parseCurrencyInput(text: string): { readonly value?: string; readonly problem?: MessageRef } {
  const value = text.trim().toUpperCase();
  return /^[A-Z]{3}$/.test(value) ? { value } : { problem: message('inputCurrency') };
}
