/** The smallest single replacement that turns `before` into `after`, as offsets into `before`. */
export interface TextChange {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/**
 * Finds the one span that differs between two texts (common prefix and suffix kept), so an
 * editor receives a small edit: the cursor, folding and undo history elsewhere stay put.
 */
export function minimalChange(before: string, after: string): TextChange | undefined {
  if (before === after) return undefined;
  const shortest = Math.min(before.length, after.length);
  let start = 0;
  while (start < shortest && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  // Never split a surrogate pair or a CRLF.
  while (start > 0 && (isLowSurrogate(before.charCodeAt(start)) || (before[start - 1] === '\r' && before[start] === '\n'))) start--;
  let tail = 0;
  while (tail < shortest - start && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  while (tail > 0 && (isLowSurrogate(before.charCodeAt(before.length - tail)) || (before[before.length - tail - 1] === '\r' && before[before.length - tail] === '\n'))) tail--;
  return { start, end: before.length - tail, text: after.slice(start, after.length - tail) };
}
