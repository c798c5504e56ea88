/**
 * The common globs (literal segments, one `*` inside a segment, whole `**` segments) matched
 * segment by segment, without building a regular expression: compiling picomatch's expression
 * and V8's first run of it cost far more than the match itself when a scan meets each glob once.
 * Answers exactly as `picomatch(glob, { dot: true, windows: false })` for plain paths
 * (see {@link isPlainPath}); anything else is left to picomatch.
 */
export type SegmentGlob = readonly SegmentPattern[];

type SegmentPattern =
  | { readonly kind: 'globstar' }
  | { readonly kind: 'literal'; readonly text: string }
  | { readonly kind: 'star'; readonly prefix: string; readonly suffix: string };

// Characters picomatch may read as syntax (classes, braces, extglobs, escapes, anchors).
const SYNTAX = /[?[\]{}()!+@\\|^$]/;

/** The glob as segments, or undefined when it uses more than literals, `*` and `**`. */
export function parseSegmentGlob(glob: string): SegmentGlob | undefined {
  const patterns: SegmentPattern[] = [];
  for (const segment of glob.split('/')) {
    if (segment === '**') {
      patterns.push({ kind: 'globstar' });
      continue;
    }
    if (segment.length === 0 || segment === '.' || segment === '..' || SYNTAX.test(segment)) return undefined;
    const star = segment.indexOf('*');
    if (star < 0) patterns.push({ kind: 'literal', text: segment });
    else if (segment.indexOf('*', star + 1) >= 0) return undefined;
    else patterns.push({ kind: 'star', prefix: segment.slice(0, star), suffix: segment.slice(star + 1) });
  }
  // picomatch reads trailing `/**` after a segment ending in `*` as "one segment or more".
  let end = patterns.length;
  while (end > 0 && patterns[end - 1]?.kind === 'globstar') end--;
  const beforeTrailing = patterns[end - 1];
  if (end < patterns.length && beforeTrailing?.kind === 'star' && beforeTrailing.suffix === '') return undefined;
  return patterns;
}

/**
 * True for the paths git and the editor hand us: no empty, `.` or `..` segment, no leading or
 * trailing `/`. picomatch has its own rules for the others, so they go to picomatch.
 */
export function isPlainPath(path: string): boolean {
  if (path.length === 0 || path.startsWith('/') || path.endsWith('/') || path.includes('//')) return false;
  return !/(?:^|\/)\.{1,2}(?:\/|$)/.test(path);
}

/** Whether the glob matches the segments of a plain path. */
export function matchSegments(glob: SegmentGlob, path: readonly string[]): boolean {
  return matchFrom(glob, 0, path, 0);
}

function matchFrom(glob: SegmentGlob, g: number, path: readonly string[], p: number): boolean {
  for (; g < glob.length; g++, p++) {
    const pattern = glob[g];
    if (!pattern) return false;
    if (pattern.kind === 'globstar') {
      // `**` takes zero or more whole segments.
      for (let rest = p; rest <= path.length; rest++) if (matchFrom(glob, g + 1, path, rest)) return true;
      return false;
    }
    const segment = path[p];
    if (segment === undefined || !matchSegment(pattern, segment)) return false;
  }
  return p === path.length;
}

function matchSegment(pattern: Exclude<SegmentPattern, { kind: 'globstar' }>, segment: string): boolean {
  if (pattern.kind === 'literal') return segment === pattern.text;
  const { prefix, suffix } = pattern;
  return segment.length >= prefix.length + suffix.length && segment.startsWith(prefix) && segment.endsWith(suffix);
}

// One `{…}` group of two or more plain alternatives (no nesting, ranges, wildcards or `/`).
const SIMPLE_BRACES = /\{([^{}*?[\]()!+@\\|^$/]*,[^{}*?[\]()!+@\\|^$/]*)\}/;

/**
 * `*.{ts,tsx}` as `*.ts` and `*.tsx`, so each alternative can be keyed and matched without a
 * regular expression; undefined for a glob with no group or with more than one, nested groups,
 * ranges (`{1..3}`), empty alternatives, syntax inside the group, or alternatives that are not
 * segment globs.
 */
export function expandSimpleBraces(glob: string): string[] | undefined {
  const group = SIMPLE_BRACES.exec(glob);
  const inner = group?.[1];
  if (!group || inner === undefined || inner.includes('..')) return undefined;
  const before = glob.slice(0, group.index);
  const after = glob.slice(group.index + group[0].length);
  if (/[{}]/.test(before) || /[{}]/.test(after)) return undefined;
  const alternatives = inner.split(',');
  if (alternatives.some((a) => a.length === 0)) return undefined;
  const globs = alternatives.map((a) => `${before}${a}${after}`);
  // Only into globs this module matches itself: that is where the answers are proven equal.
  return globs.every((g) => parseSegmentGlob(g) !== undefined) ? globs : undefined;
}
