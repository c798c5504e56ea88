/** One `paths` entry of an intent, read with .gitignore semantics. */
export interface PathPattern {
  /** `!pattern`: excludes what earlier patterns of the same intent included. */
  readonly negated: boolean;
  /** Trailing `/`: matches directories only, i.e. what is inside them. */
  readonly dirOnly: boolean;
  /** A glob over the whole folder-relative path (`src/checkout/**`, `** /*.ts` without the space). */
  readonly glob: string;
}

// Characters git's wildmatch reads as syntax; braces only because Value Lens expands them.
const GLOB_CHARS = /[*?[\\{}]/;

/** Drops trailing blanks as git does: spaces only, and not one escaped with `\`. */
export function trimTrailingBlanks(raw: string): string {
  let end = raw.length;
  while (end > 0 && raw[end - 1] === ' ') {
    let backslashes = 0;
    for (let i = end - 2; i >= 0 && raw[i] === '\\'; i--) backslashes++;
    if (backslashes % 2 === 1) break;
    end--;
  }
  return raw.slice(0, end);
}

/**
 * Reads a .gitignore-style pattern: `!` negates, a trailing `/` means a directory, a pattern
 * with no `/` except a trailing one matches at any depth, a leading `/` anchors to the root,
 * `\!` and `\#` escape a literal first character, trailing blanks are dropped (leading ones
 * are part of the name, as in git). Empty patterns give undefined.
 */
export function parsePathPattern(raw: string): PathPattern | undefined {
  let text = trimTrailingBlanks(raw);
  let negated = false;
  if (text.startsWith('!')) {
    negated = true;
    text = text.slice(1);
  } else if (text.startsWith('\\!') || text.startsWith('\\#')) {
    text = text.slice(1);
  }
  const dirOnly = text.endsWith('/');
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 0x2f) end--;
  text = text.slice(0, end);
  const anchored = text.includes('/');
  // Value Lens extensions (git reads them literally): `./src` is `/src`, `.` the whole folder.
  if (text.startsWith('/') || text.startsWith('./')) text = text.replace(/^(?:\.?\/+)+/, '');
  if (text === '.') text = '**';
  if (text.length === 0) return undefined;
  return { negated, dirOnly, glob: anchored || text === '**' || text.startsWith('**/') ? text : `**/${text}` };
}

/** How a compiled glob can be found quickly: by a literal leading directory, a file/dir name, an extension, or not at all. */
export type PatternKey =
  | { readonly kind: 'prefix'; readonly value: string }
  | { readonly kind: 'name'; readonly value: string }
  | { readonly kind: 'extension'; readonly value: string }
  | { readonly kind: 'any' };

/**
 * A key every path the glob matches must carry (the glob also matches when it matches an
 * ancestor directory): its literal leading segments, else its literal last segment, else the
 * literal suffix of a `*.ext` last segment.
 */
export function patternKey(glob: string): PatternKey {
  // A bracket expression that holds a `/` would split wrongly into segments.
  if (/\[!?\^?\]?[^\]]*\//.test(glob)) return { kind: 'any' };
  const segments = glob.split('/');
  const literal: string[] = [];
  for (const s of segments) {
    if (GLOB_CHARS.test(s)) break;
    literal.push(s);
  }
  if (literal.length > 0) return { kind: 'prefix', value: literal.join('/') };
  const last = segments[segments.length - 1] ?? '';
  if (last.length > 0 && !GLOB_CHARS.test(last)) return { kind: 'name', value: last };
  const extension = /^\*(\.[^*?[{}\\/]+)$/.exec(last)?.[1];
  return extension ? { kind: 'extension', value: extension } : { kind: 'any' };
}
