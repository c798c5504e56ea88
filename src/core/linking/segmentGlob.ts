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
  // picomatch reads a trailing `/**` after a segment ending in `*` as "one segment or more".
  const [beforeLast, last] = patterns.slice(-2);
  if (last?.kind === 'globstar' && beforeLast?.kind === 'star' && beforeLast.suffix === '') return undefined;
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
