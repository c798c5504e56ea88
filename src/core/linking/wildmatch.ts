/**
 * Globs with git's wildmatch semantics (the `.gitignore` and pathspec reading, WM_PATHNAME):
 * `?`, `*` and `[...]` never match `/`; `**` as a whole segment crosses `/` (`**\/` is zero or
 * more directories, a trailing `/**` everything inside); any other `**` is a `*`; `[!...]` and
 * `[^...]` negate; `\` escapes. A `*` matches dot files too. `{`, `(`, `|`… are plain characters.
 *
 * A glob is compiled to a list of tokens and run as an automaton over the text, one step per
 * character with a set of live positions, so a match costs at most tokens × characters whatever
 * the input: no backtracking, no regular expression.
 */

type ClassItem = { readonly lo: number; readonly hi: number } | { readonly test: (c: number) => boolean };

type Token =
  | { readonly kind: 'char'; readonly code: number }
  | { readonly kind: 'any' }
  | { readonly kind: 'class'; readonly negated: boolean; readonly items: readonly ClassItem[] }
  /** `*`: any run of characters but `/`. */
  | { readonly kind: 'star' }
  /** `**\/`: nothing, or any run of characters ending in `/`. */
  | { readonly kind: 'dirs' }
  /** A trailing `**`: anything. */
  | { readonly kind: 'rest' };

const SLASH = 0x2f;
const BACKSLASH = 0x5c;
const STAR = 0x2a;

/** Why git's wildmatch would refuse the glob (it then never matches), or undefined. */
export type WildmatchFault = 'unclosed-class' | 'trailing-backslash' | 'bad-class-name';

export interface Wildmatch {
  readonly tokens: readonly Token[];
  /** The glob when it has no syntax at all: then a string comparison does. */
  readonly literal: string | undefined;
  /** The text before the first wildcard: compared as a string, its tokens skipped. */
  readonly prefix: string;
  /** How many tokens (bytes) `prefix` stands for. */
  readonly prefixTokens: number;
  /** The text after the last wildcard: whatever the glob matches ends with it. */
  readonly suffix: string;
  /** Live-position buffers, reused by every match (matching never nests). */
  readonly buffers: [Uint8Array, Uint8Array];
}

/**
 * Git compares bytes: `?` is one byte of a UTF-8 name, so `?` does not match `é`. An ASCII
 * text is read as it is (no copy); others are encoded.
 */
type Units = Uint8Array;
const encoder = new TextEncoder();
const decoder = new TextDecoder();
// eslint-disable-next-line no-control-regex
const NON_ASCII = /[^\x00-\x7f]/;

function unitsOf(text: string): Uint8Array {
  if (NON_ASCII.test(text)) return encoder.encode(text);
  // ASCII: one byte a character, without the encoder's cost (every glob is compiled once).
  const units = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i);
  return units;
}

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const isUpper = (c: number): boolean => c >= 0x41 && c <= 0x5a;
const isLower = (c: number): boolean => c >= 0x61 && c <= 0x7a;
const isAlpha = (c: number): boolean => isUpper(c) || isLower(c);
const isPrint = (c: number): boolean => c >= 0x20 && c <= 0x7e;
// git's ctype table is ASCII only: non-ASCII characters are in no POSIX class.
const POSIX_CLASSES: Readonly<Record<string, (c: number) => boolean>> = {
  alnum: (c) => isAlpha(c) || isDigit(c),
  alpha: isAlpha,
  blank: (c) => c === 0x20 || c === 0x09,
  cntrl: (c) => c < 0x20 || c === 0x7f,
  digit: isDigit,
  graph: (c) => isPrint(c) && c !== 0x20,
  lower: isLower,
  print: isPrint,
  punct: (c) => isPrint(c) && c !== 0x20 && !isAlpha(c) && !isDigit(c),
  space: (c) => c === 0x20 || (c >= 0x09 && c <= 0x0d),
  upper: isUpper,
  xdigit: (c) => isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66),
};

/**
 * The glob compiled, or the fault for which git would never match it. `pathPattern`: read as
 * .gitignore reads a pattern with a `/`: git compares the part before the first wildcard as text
 * and wildmatches the rest on its own, so a `**` right after that part counts as a whole
 * segment (`a**\/b` covers `a/x/b` and `ab/b`).
 */
export function compileWildmatch(source: string, options: { pathPattern?: boolean } = {}): Wildmatch | WildmatchFault {
  const glob = unitsOf(source);
  const firstWildcard = options.pathPattern ? glob.findIndex((c) => c === STAR || c === 0x3f || c === 0x5b || c === BACKSLASH) : -1;
  const tokens: Token[] = [];
  let syntax = false;
  let i = 0;
  const n = glob.length;
  while (i < n) {
    const c = glob[i]!;
    if (c === BACKSLASH) {
      if (i + 1 >= n) return 'trailing-backslash';
      syntax = true;
      tokens.push({ kind: 'char', code: glob[i + 1]! });
      i += 2;
    } else if (c === 0x3f /* ? */) {
      syntax = true;
      tokens.push({ kind: 'any' });
      i++;
    } else if (c === STAR) {
      syntax = true;
      let end = i;
      while (end < n && glob[end] === STAR) end++;
      const atStart = i === 0 || glob[i - 1] === SLASH || i === firstWildcard;
      const slashNext = glob[end] === SLASH || (glob[end] === BACKSLASH && glob[end + 1] === SLASH);
      if (end - i >= 2 && atStart && end === n) {
        tokens.push({ kind: 'rest' });
        i = end;
      } else if (end - i >= 2 && atStart && slashNext) {
        tokens.push({ kind: 'dirs' });
        i = end + (glob[end] === SLASH ? 1 : 2);
      } else {
        // Consecutive stars are one star: keeps the automaton small.
        if (tokens[tokens.length - 1]?.kind !== 'star') tokens.push({ kind: 'star' });
        i = end;
      }
    } else if (c === 0x5b /* [ */) {
      syntax = true;
      const parsed = parseClass(glob, i);
      if (typeof parsed === 'string') return parsed;
      tokens.push(parsed.token);
      i = parsed.end;
    } else {
      tokens.push({ kind: 'char', code: c });
      i++;
    }
  }
  // Up to the first character that is syntax (an escape counts: its text differs from the source).
  const lead = /[*?[\\]/.exec(source);
  const prefix = lead ? source.slice(0, lead.index) : source;
  const buffers: [Uint8Array, Uint8Array] = [new Uint8Array(tokens.length + 1), new Uint8Array(tokens.length + 1)];
  // The bytes of the last run of plain characters (a `/` read into a `**\/` is not one of them).
  let lastWild = tokens.length - 1;
  while (lastWild >= 0 && tokens[lastWild]?.kind === 'char') lastWild--;
  const tail = Uint8Array.from(tokens.slice(lastWild + 1), (t) => (t.kind === 'char' ? t.code : 0));
  const ascii = glob.length === source.length;
  // A spread of a long tail could overflow the call stack; the decoder takes any length.
  const suffix = ascii && tail.length <= 256 ? String.fromCharCode(...tail) : decoder.decode(tail);
  return { tokens, literal: syntax ? undefined : source, prefix, prefixTokens: ascii ? prefix.length : unitsOf(prefix).length, suffix, buffers };
}

/** A bracket expression starting at `open`, read as git's wildmatch reads it. */
function parseClass(glob: Units, open: number): { token: Token; end: number } | WildmatchFault {
  const n = glob.length;
  let p = open + 1;
  let negated = false;
  if (glob[p] === 0x21 /* ! */ || glob[p] === 0x5e /* ^ */) {
    negated = true;
    p++;
  }
  const items: ClassItem[] = [];
  let prev: number | undefined;
  // The first character is a member even when it is `]`.
  let first = true;
  for (;;) {
    if (p >= n) return 'unclosed-class';
    let c = glob[p]!;
    if (c === 0x5d /* ] */ && !first) return { token: { kind: 'class', negated, items }, end: p + 1 };
    first = false;
    if (c === BACKSLASH) {
      p++;
      if (p >= n) return 'unclosed-class';
      c = glob[p]!;
      items.push({ lo: c, hi: c });
      prev = c;
      p++;
    } else if (c === 0x2d /* - */ && prev !== undefined && p + 1 < n && glob[p + 1] !== 0x5d) {
      p++;
      let hi = glob[p]!;
      if (hi === BACKSLASH) {
        p++;
        if (p >= n) return 'unclosed-class';
        hi = glob[p]!;
      }
      items.push({ lo: prev, hi });
      prev = undefined;
      p++;
    } else if (c === 0x5b /* [ */ && glob[p + 1] === 0x3a /* : */) {
      const close = glob.indexOf(0x5d, p + 2);
      if (close < 0) return 'unclosed-class';
      if (close - 1 < p + 2 || glob[close - 1] !== 0x3a) {
        // No `:]`: the `[` is a plain member.
        items.push({ lo: c, hi: c });
        prev = c;
        p++;
        continue;
      }
      const test = POSIX_CLASSES[String.fromCharCode(...glob.slice(p + 2, close - 1))];
      if (!test) return 'bad-class-name';
      items.push({ test });
      prev = undefined;
      p = close + 1;
    } else {
      items.push({ lo: c, hi: c });
      prev = c;
      p++;
    }
  }
}

function classHas(items: readonly ClassItem[], c: number): boolean {
  for (const item of items) if ('test' in item ? item.test(c) : c >= item.lo && c <= item.hi) return true;
  return false;
}

// A live position is ENTERED when just reached, INSIDE when a `**\/` has read characters since:
// `**\/` may match nothing only when entered, else it must end at a `/`.
const ENTERED = 1;
const INSIDE = 2;

/** Live positions after the epsilon moves: a star, `**` or a just-entered `**\/` may match nothing. */
function close(tokens: readonly Token[], live: Uint8Array): void {
  for (let t = 0; t < tokens.length; t++) {
    const kind = tokens[t]?.kind;
    if (!live[t]) continue;
    if (kind === 'star' || kind === 'rest' || (kind === 'dirs' && live[t] === ENTERED)) live[t + 1] = ENTERED;
  }
}

/** One character read from every live position into `next`; false when nothing is left alive. */
function step(tokens: readonly Token[], live: Uint8Array, next: Uint8Array, c: number): boolean {
  next.fill(0);
  let alive = false;
  for (let t = 0; t < tokens.length; t++) {
    if (!live[t]) continue;
    const token = tokens[t]!;
    let advance = false;
    let stay = false;
    switch (token.kind) {
      case 'char':
        advance = c === token.code;
        break;
      case 'any':
        advance = c !== SLASH;
        break;
      case 'class':
        advance = c !== SLASH && classHas(token.items, c) !== token.negated;
        break;
      case 'star':
        stay = c !== SLASH;
        break;
      case 'dirs':
        stay = true;
        advance = c === SLASH;
        break;
      case 'rest':
        stay = true;
        break;
    }
    if (advance) next[t + 1] = ENTERED;
    if (stay && !next[t]) next[t] = token.kind === 'dirs' ? INSIDE : ENTERED;
    alive ||= advance || stay;
  }
  if (alive) close(tokens, next);
  return alive;
}

/** The live positions once the literal prefix is read, in the first buffer. */
function start(glob: Wildmatch): Uint8Array {
  const live = glob.buffers[0];
  live.fill(0);
  live[glob.prefixTokens] = ENTERED;
  close(glob.tokens, live);
  return live;
}

/**
 * Whether the glob matches `text` whole, or (with `ancestors`) the part of it before some `/`:
 * a glob covers a path when it matches the path or a directory above it. With `dirOnly` only
 * the directories above count. Runs in O(tokens × text length).
 */
export function wildmatch(glob: Wildmatch, text: string, options: { ancestors?: boolean; dirOnly?: boolean } = {}): boolean {
  const ancestors = options.ancestors === true;
  const dirOnly = options.dirOnly === true;
  const literal = glob.literal;
  if (literal !== undefined) {
    if (!dirOnly && text === literal) return true;
    return ancestors && text.length > literal.length && text.charCodeAt(literal.length) === SLASH && text.startsWith(literal);
  }
  // Nothing before the whole prefix is read can reach the end of the glob; the text, or with
  // `ancestors` a folder above, must end with the suffix.
  if (!text.startsWith(glob.prefix)) return false;
  const suffix = glob.suffix;
  if (suffix.length > 0 && (dirOnly || !text.endsWith(suffix)) && !(ancestors && text.includes(`${suffix}/`))) return false;
  return NON_ASCII.test(text) ? runBytes(glob, encoder.encode(text), ancestors, dirOnly) : runAscii(glob, text, ancestors, dirOnly);
}

// Two copies of one loop, so each reads its text one way only (V8 keeps both fast).
function runAscii(glob: Wildmatch, text: string, ancestors: boolean, dirOnly: boolean): boolean {
  const tokens = glob.tokens;
  const accept = tokens.length;
  let live = start(glob);
  let next = glob.buffers[1];
  for (let j = glob.prefix.length; j < text.length; j++) {
    const c = text.charCodeAt(j);
    // The text so far names a directory above the rest of the path.
    if (c === SLASH && ancestors && j > 0 && live[accept] !== 0) return true;
    if (!step(tokens, live, next, c)) return false;
    const read = live;
    live = next;
    next = read;
  }
  return !dirOnly && live[accept] !== 0;
}

function runBytes(glob: Wildmatch, bytes: Uint8Array, ancestors: boolean, dirOnly: boolean): boolean {
  const tokens = glob.tokens;
  const accept = tokens.length;
  let live = start(glob);
  let next = glob.buffers[1];
  for (let j = glob.prefixTokens; j < bytes.length; j++) {
    const c = bytes[j]!;
    if (c === SLASH && ancestors && j > 0 && live[accept] !== 0) return true;
    if (!step(tokens, live, next, c)) return false;
    const read = live;
    live = next;
    next = read;
  }
  return !dirOnly && live[accept] !== 0;
}

/**
 * Whether some longer text starting with `prefix` can still match: the automaton is alive after
 * reading it. The checks use it to tell whether a glob can cover something inside a folder.
 */
export function canContinue(glob: Wildmatch, prefix: string): boolean {
  if (glob.literal !== undefined) return glob.literal.startsWith(prefix) && glob.literal.length > prefix.length;
  if (glob.prefix.startsWith(prefix)) return true;
  if (!prefix.startsWith(glob.prefix)) return false;
  const { tokens } = glob;
  let live = start(glob);
  let next = glob.buffers[1];
  const bytes = encoder.encode(prefix);
  for (let j = glob.prefixTokens; j < bytes.length; j++) {
    if (!step(tokens, live, next, bytes[j]!)) return false;
    const read = live;
    live = next;
    next = read;
  }
  // Alive at a position that can still read a character.
  for (let t = 0; t < tokens.length; t++) if (live[t]) return true;
  return false;
}

/** How many `**` segments and `*` the glob holds, for the checks' "too complex" warning. */
export function starCounts(glob: string): { globstars: number; stars: number } {
  let globstars = 0;
  let stars = 0;
  for (const segment of glob.split('/')) {
    if (/^\*\*+$/.test(segment)) globstars++;
    else stars += (segment.match(/\*+/g) ?? []).length;
  }
  return { globstars, stars };
}
