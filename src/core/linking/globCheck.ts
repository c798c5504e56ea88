import { expandBraces, hasBraceGroup, MAX_BRACE_ALTERNATIVES } from './braces';
import { parsePathPattern, trimTrailingBlanks } from './gitignorePattern';
import { canContinue, compileWildmatch, starCounts, wildmatch } from './wildmatch';
import type { Wildmatch } from './wildmatch';

/** Longer globs are refused (the limit picomatch had, kept so old answers stay). */
export const MAX_GLOB_LENGTH = 64 * 1024;
// Past these a glob is flagged as too complex: it still matches in linear time, but nobody means it.
export const MAX_GLOBSTARS = 8;
export const MAX_STARS = 16;
export const MAX_CHECKED_LENGTH = 1024;

export type GlobField = 'paths' | 'branches';

/**
 * True when neither globFault nor globNotes can have anything to say: no syntax beyond `*`,
 * nothing odd at the start, few stars, not long. Most globs are like that; the checks of
 * a thousand globs run on every change to .value/.
 */
export function plainGlob(glob: string): boolean {
  if (glob.length === 0 || glob.length > MAX_CHECKED_LENGTH || /[[\\{(]/.test(glob)) return false;
  const body = glob.startsWith('!') ? glob.slice(1) : glob;
  if (body.length === 0 || /^[\s#.]/.test(glob) || body.startsWith('.') || /\s$/.test(glob)) return false;
  let stars = 0;
  for (let i = glob.indexOf('*'); i >= 0; i = glob.indexOf('*', i + 1)) stars++;
  // At most 16 `*` characters: at most 16 runs and at most 8 `**`.
  return stars <= MAX_STARS;
}

/** Why a glob can never match (git would refuse it too), or undefined. */
export function globFault(glob: string, field: GlobField): string | undefined {
  const body = glob.startsWith('!') ? glob.slice(1) : glob;
  if (body.trim() === '') return 'is empty';
  if (body.length > MAX_GLOB_LENGTH) return `exceeds maximum allowed length (${MAX_GLOB_LENGTH})`;
  const text = field === 'paths' ? parsePathPattern(glob)?.glob : body.trim();
  if (text === undefined) return 'is empty';
  // Only a class or a backslash can make git refuse a glob: the rest needs no compile.
  const compiled = /[[\\]/.test(text) ? compileWildmatch(text) : undefined;
  if (compiled === 'unclosed-class') return 'has a [ with no closing ] (missing closing bracket), so it never matches';
  if (compiled === 'trailing-backslash') return 'ends with a lone \\, so it never matches';
  if (compiled === 'bad-class-name') return 'names an unknown [:class:] (alpha, digit, space…), so it never matches';
  return undefined;
}

/** A reading that differs from git's, or a glob too complex to mean what it says. */
export interface GlobNote {
  readonly kind: 'braces' | 'extglob' | 'leading-blank' | 'comment' | 'dot' | 'not-reincluded' | 'too-complex';
  /** The part of the glob the note is about, or the number that is too high. */
  readonly detail: string;
}

const EXTGLOB = /[@!+*?]\([^)]*\)/;

/** Notes on one glob on its own (no neighbours): where Value Lens and git part ways. */
export function globNotes(glob: string, field: GlobField): GlobNote[] {
  const notes: GlobNote[] = [];
  const body = glob.startsWith('!') ? glob.slice(1) : glob;
  if (hasBraceGroup(body)) {
    const group = /\{[^{}]*\}/.exec(body)?.[0] ?? '{…}';
    notes.push(expandBraces(body) ? { kind: 'braces', detail: group } : { kind: 'too-complex', detail: `more than ${MAX_BRACE_ALTERNATIVES} brace alternatives` });
  }
  const extglob = EXTGLOB.exec(body)?.[0];
  if (extglob) notes.push({ kind: 'extglob', detail: extglob });
  if (field === 'paths') {
    if (/^\s/.test(glob)) notes.push({ kind: 'leading-blank', detail: glob.slice(0, glob.length - glob.trimStart().length) });
    if (glob.startsWith('#')) notes.push({ kind: 'comment', detail: '#' });
    const dot = /^!?(\.\/|\.$|\/\.$)/.exec(trimTrailingBlanks(glob).replace(/\/+$/, '') || glob)?.[1];
    if (dot) notes.push({ kind: 'dot', detail: dot });
  }
  const { globstars, stars } = starCounts(body);
  if (globstars > MAX_GLOBSTARS) notes.push({ kind: 'too-complex', detail: `${globstars} ** segments, more than ${MAX_GLOBSTARS}` });
  else if (stars > MAX_STARS) notes.push({ kind: 'too-complex', detail: `${stars} *, more than ${MAX_STARS}` });
  else if (body.length > MAX_CHECKED_LENGTH && body.length <= MAX_GLOB_LENGTH) notes.push({ kind: 'too-complex', detail: `${body.length} characters, more than ${MAX_CHECKED_LENGTH}` });
  return notes;
}

/**
 * For each `!` entry of an intent's `paths` that names a literal path: the earlier entry git
 * would still see covering it. Git cannot re-include a file whose folder is excluded, and a
 * `!dir/` does not re-include files an earlier pattern matches themselves; Value Lens lets the
 * last matching entry decide. Keyed by the `!` entry's index.
 */
export function notReincluded(paths: readonly unknown[]): Map<number, string> {
  const found = new Map<number, string>();
  // Compiled only once a `!` entry needs them: most intents have none.
  const earlier: { raw: string; glob: string; compiled?: Wildmatch | null }[] = [];
  const compiled = (e: (typeof earlier)[number]): Wildmatch | null => {
    if (e.compiled === undefined) {
      const c = compileWildmatch(e.glob, { pathPattern: true });
      e.compiled = typeof c === 'string' ? null : c;
    }
    return e.compiled;
  };
  // Entries after the last `!` one cannot matter.
  let last = paths.length - 1;
  while (last >= 0 && !(typeof paths[last] === 'string' && (paths[last] as string).startsWith('!'))) last--;
  paths.slice(0, last + 1).forEach((raw, index) => {
    if (typeof raw !== 'string') return;
    const pattern = parsePathPattern(raw);
    if (!pattern) return;
    if (!pattern.negated) {
      earlier.push({ raw, glob: pattern.glob });
      return;
    }
    // For a pattern with no `/` the one at the top stands for all.
    const segments = pattern.glob.replace(/^\*\*\//, '').split('/');
    const wild = segments.findIndex((segment) => /[*?[\\{]/.test(segment));
    // A literal path: the folders above it, and for `!folder/` what is inside. A glob: the
    // folders of its literal lead, which are above everything it matches.
    const target = wild < 0 ? segments : wild > 0 ? [...segments.slice(0, wild), '*'] : undefined;
    const covering = target && earlier.find((e) => {
      const glob = compiled(e);
      return glob !== null && keepsCovered(glob, target, wild < 0 && pattern.dirOnly);
    });
    // `src/**` then `!src/legacy/**` is the documented way to leave a folder out (decided per path
    // here, see FORMAT.md): git would read it otherwise in a .gitignore, but it is no mistake.
    if (covering && !(covering.glob.endsWith('/**') && pattern.glob.endsWith('/**'))) found.set(index, covering.raw);
  });
  return found;
}

/**
 * Whether git keeps the path `parts` (or, for a folder, something inside it) covered by `glob`
 * despite a later `!`: the glob matches a folder above it, or, for `!folder/`, can match a path
 * below it itself. A `!name` that may be a file is judged by the folders above only, so a
 * `src/**` before `!src/a.ts` (which git re-includes) is not flagged.
 */
function keepsCovered(glob: Wildmatch, parts: readonly string[], folder: boolean): boolean {
  for (let i = 1; i < parts.length; i++) if (wildmatch(glob, parts.slice(0, i).join('/'))) return true;
  return folder && canContinue(glob, `${parts.join('/')}/`);
}
