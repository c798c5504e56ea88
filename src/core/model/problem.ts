import type { MessageRef } from '../present/messages';
import { renderMessage } from '../present/messages';

/** A position in a text file: 0-based line and column (UTF-16 code units, as editors count). */
export interface Position {
  readonly line: number;
  readonly col: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

export type Severity = 'error' | 'warning' | 'info';

/** Something wrong (or worth knowing) in a `.value/` file, at a place the user can jump to. */
export interface Problem {
  /** Path relative to the workspace folder, with `/` separators: `.value/intents/x.yaml`. */
  readonly file: string;
  readonly range: Range;
  readonly severity: Severity;
  readonly message: string;
  /** `message` as an id and its data, for the extension to show it in the display language. */
  readonly messageRef?: MessageRef;
  /** Stable code for filtering and tests, e.g. `schema.required`, `id-mismatch`. */
  readonly code: string;
  /** A quick fix: text to put in place of `range`. */
  readonly fix?: QuickFix;
}

/** A one-edit fix of a problem: replaces the problem's range with `replacement`. */
export interface QuickFix {
  readonly title: MessageRef;
  readonly replacement: string;
}

/** Longest text a problem quotes from anywhere; the checks cut values from files shorter still (40 to 60). */
const MAX_QUOTED = 120;

/** `ref` with every text argument cut to MAX_QUOTED characters. */
function capped(ref: MessageRef): MessageRef {
  if (!ref.args.some((a) => (typeof a === 'string' ? a.length > MAX_QUOTED : typeof a === 'object'))) return ref;
  return { id: ref.id, args: ref.args.map((a) => (typeof a === 'string' ? shortened(a, MAX_QUOTED) : typeof a === 'number' ? a : capped(a))) };
}

/** A problem whose text is a message: English in `message`, the id and data in `messageRef`. */
export function problemOf(file: string, range: Range, severity: Severity, code: string, ref: MessageRef): Problem {
  const quoted = capped(ref);
  return { file, range, severity, code, message: renderMessage(quoted), messageRef: quoted };
}

export const START_OF_FILE: Range = { start: { line: 0, col: 0 }, end: { line: 0, col: 0 } };

/** Text from a user's file quoted in a message, cut short so a 100 KB value cannot flood the Problems panel. */
export function shortened(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** `ref` with every piece of text replaced by "…" (numbers and nested messages stay). */
function unquoted(ref: MessageRef): MessageRef {
  return { id: ref.id, args: ref.args.map((a) => (typeof a === 'string' ? '…' : typeof a === 'number' ? a : unquoted(a))) };
}

/**
 * The problem without any text of its file: for a file read through a symbolic link, whose
 * text is not quoted even when the link is allowed.
 */
export function withoutQuotes(p: Problem): Problem {
  return p.messageRef ? problemOf(p.file, p.range, p.severity, p.code, unquoted(p.messageRef)) : { ...p, message: p.code };
}

/** `file:line:col: severity: message` with 1-based line and column, as compilers print it. */
export function formatProblem(p: Problem): string {
  return `${p.file}:${p.range.start.line + 1}:${p.range.start.col + 1}: ${p.severity}: ${p.message}`;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Orders problems by file, then position, then severity; ties keep their order (the sort is stable). */
export function compareProblems(a: Problem, b: Problem): number {
  return a.file.localeCompare(b.file) || a.range.start.line - b.range.start.line || a.range.start.col - b.range.start.col
    || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity];
}
