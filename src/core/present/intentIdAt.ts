import { INTENT_ID_PATTERN } from '../valueFolder';

/** An intent-id-shaped word on a line: `start`..`end` are character offsets (end exclusive). */
export interface IdSpan {
  readonly id: string;
  readonly start: number;
  readonly end: number;
}

// Capitals and `_` count as word characters so that `Intent` or `MY_ID` never yield an id part.
const WORD_CHAR = /[A-Za-z0-9_-]/;

/**
 * The intent-id-shaped word under `character` on `line` (also when the cursor sits just after
 * it), or undefined. Any other character (space, punctuation, `:`, `,`, `[`) delimits the word.
 */
export function intentIdAt(line: string, character: number): IdSpan | undefined {
  let start = Math.max(0, Math.min(character, line.length));
  let end = start;
  while (start > 0 && WORD_CHAR.test(line.charAt(start - 1))) start--;
  while (end < line.length && WORD_CHAR.test(line.charAt(end))) end++;
  const id = line.slice(start, end);
  return INTENT_ID_PATTERN.test(id) ? { id, start, end } : undefined;
}

/** Where intent ids can be completed: after a trailer key, or in a release's `intents:` list. */
export type CompletionPlace = 'commit-message' | 'release-file';

const PARTIAL_ID = '([a-z0-9-]*)$';
const FLOW_INTENTS = new RegExp(`^\\s*intents\\s*:\\s*\\[(?:[^\\[\\]#]*,)?\\s*${PARTIAL_ID}`);
const BLOCK_ITEM = new RegExp(`^(\\s*)-\\s+${PARTIAL_ID}`);
const INTENTS_KEY = /^\s*intents\s*:\s*(#.*)?$/;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/** True when the block list item on `lines[at]` (indent `dashIndent`) belongs to an `intents:` key. */
function underIntentsKey(lines: readonly string[], at: number, dashIndent: number): boolean {
  for (let i = at - 1; i >= 0; i--) {
    const text = lines[i] ?? '';
    const trimmed = text.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const indent = indentOf(text);
    if (indent > dashIndent) continue; // a continuation of an earlier item
    if (indent === dashIndent && trimmed.startsWith('-')) continue; // an earlier item
    return INTENTS_KEY.test(text);
  }
  return false;
}

/**
 * Where a completion of intent ids would start when the cursor is at (`lineNo`, `character`) of
 * `lines`, or undefined when this is no place for an id. In a commit message: after
 * `<trailer>: ` (key case-insensitive), also after a comma in a comma list. In a release file:
 * inside an `intents: [a, b]` flow list or on a `- ` item of a block list under `intents:`.
 * The returned offset is the start of the partial id already typed.
 */
export function intentCompletionStart(lines: readonly string[], lineNo: number, character: number, place: CompletionPlace, trailer: string): number | undefined {
  const line = lines[lineNo];
  if (line === undefined) return undefined;
  const before = line.slice(0, character);
  if (place === 'commit-message') {
    const trailerLine = new RegExp(`^\\s*${escapeRegExp(trailer)}\\s*:\\s*(?:[a-z0-9-]+\\s*,\\s*)*${PARTIAL_ID}`, 'i');
    return trailerLine.test(before) ? character - partialLength(before) : undefined;
  }
  if (FLOW_INTENTS.test(before)) return character - partialLength(before);
  const item = BLOCK_ITEM.exec(before);
  if (item && underIntentsKey(lines, lineNo, (item[1] ?? '').length)) return character - partialLength(before);
  return undefined;
}

function partialLength(before: string): number {
  return /[a-z0-9-]*$/i.exec(before)?.[0].length ?? 0;
}
