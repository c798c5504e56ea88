import picomatch from 'picomatch';
import type { Intent } from '../model/types';
import { parsePathPattern, patternKey } from './gitignorePattern';
import { expandSimpleBraces, isPlainPath, matchSegments, parseSegmentGlob } from './segmentGlob';
import type { SegmentGlob } from './segmentGlob';

const GLOB_OPTIONS: picomatch.PicomatchOptions = { dot: true, windows: false };

/**
 * One intent's glob. Literal, `*` and `**` globs are matched segment by segment; the others get
 * their regular expression on first use, so loading 10,000 globs stays cheap.
 */
class CompiledPattern {
  private regex: RegExp | undefined;
  private segmentGlobs: readonly SegmentGlob[] | undefined | null = null;

  constructor(
    readonly intent: number,
    /** Position in the intent's list: with .gitignore rules the last matching pattern decides. */
    readonly order: number,
    readonly negated: boolean,
    private readonly globs: readonly string[],
    /** The globs as written, before any brace expansion. */
    private readonly spellings: readonly string[],
  ) {}

  /** `segments` is the path split at `/`, when the path is plain (see isPlainPath); else undefined. */
  test(path: string, segments: readonly string[] | undefined): boolean {
    // As picomatch does: a path spelled exactly like the glob matches (a file named `{a,b}`).
    if (this.spellings.includes(path)) return true;
    if (this.segmentGlobs === null) this.segmentGlobs = allOrNone(this.globs.map(parseSegmentGlob));
    if (segments && this.segmentGlobs) return this.segmentGlobs.some((glob) => matchSegments(glob, segments));
    this.regex ??= combine(this.globs.map((g) => picomatch.makeRe(g, GLOB_OPTIONS)));
    return this.regex.test(path);
  }
}

function allOrNone<T>(items: readonly (T | undefined)[]): T[] | undefined {
  return items.every((item): item is T => item !== undefined) ? (items as T[]) : undefined;
}

const DEFAULT_CACHE_SIZE = 20_000;

/**
 * All intents' `paths` parsed once (each compiled on first use) and grouped by a literal key (leading directories, a
 * name, an extension), so a lookup tests only the few globs that can match, not every glob
 * of every intent. Results are cached per path; build a new matcher when intents change.
 */
export class IntentPathMatcher {
  private readonly ids: readonly string[];
  private readonly byPrefix = new Map<string, CompiledPattern[]>();
  private readonly byName = new Map<string, CompiledPattern[]>();
  private readonly byExtension = new Map<string, CompiledPattern[]>();
  private readonly unkeyed: CompiledPattern[] = [];
  private readonly bySpelling = new Map<string, CompiledPattern[]>();
  private readonly cache = new Map<string, readonly string[]>();

  constructor(
    intents: readonly Pick<Intent, 'id' | 'paths'>[],
    private readonly cacheSize = DEFAULT_CACHE_SIZE,
  ) {
    this.ids = intents.map((i) => i.id);
    intents.forEach((intent, index) => {
      intent.paths.forEach((raw, order) => {
        const pattern = parsePathPattern(raw);
        if (!pattern) return;
        // A pattern matches a path or any directory above it (`src/checkout` covers its files);
        // a directory-only pattern matches only through a directory above the path.
        const forms = (glob: string): string[] => (pattern.dirOnly ? [`${glob}/**/*`] : [glob, `${glob}/**/*`]);
        const spellings = forms(pattern.glob);
        const expanded = expandSimpleBraces(pattern.glob);
        if (!expanded) {
          this.add(patternKey(pattern.glob), new CompiledPattern(index, order, pattern.negated, spellings, spellings));
          return;
        }
        // `*.{css,scss}` as two keyed globs, instead of one that every path has to try; a path
        // spelled like the braced glob is found through its spelling.
        const alternatives = expanded.map((glob) => new CompiledPattern(index, order, pattern.negated, forms(glob), spellings));
        alternatives.forEach((alternative, i) => this.add(patternKey(expanded[i] ?? ''), alternative));
        for (const spelling of spellings) addTo(this.bySpelling, spelling, alternatives[0]);
      });
    });
  }

  /** Ids of the intents whose `paths` cover `path` (folder-relative, `/`-separated), in intent order. */
  match(path: string): readonly string[] {
    const normalized = normalizePath(path);
    const cached = this.cache.get(normalized);
    if (cached) return cached;
    const result = this.compute(normalized);
    if (this.cache.size >= this.cacheSize) {
      // Oldest first: Map iteration follows insertion order.
      const oldest = this.cache.keys().next();
      if (!oldest.done) this.cache.delete(oldest.value);
    }
    this.cache.set(normalized, result);
    return result;
  }

  private compute(path: string): readonly string[] {
    // Last matching pattern per intent, as in .gitignore.
    const decisive = new Map<number, CompiledPattern>();
    const segments = path.split('/');
    const plain = isPlainPath(path) ? segments : undefined;
    const consider = (patterns: readonly CompiledPattern[] | undefined): void => {
      for (const p of patterns ?? []) {
        const current = decisive.get(p.intent);
        if (current && current.order > p.order) continue;
        if (p.test(path, plain)) decisive.set(p.intent, p);
      }
    };
    let prefix = '';
    for (const segment of segments) {
      prefix = prefix ? `${prefix}/${segment}` : segment;
      consider(this.byPrefix.get(prefix));
      consider(this.byName.get(segment));
      for (let dot = segment.indexOf('.'); dot >= 0; dot = segment.indexOf('.', dot + 1)) {
        consider(this.byExtension.get(segment.slice(dot)));
      }
    }
    consider(this.unkeyed);
    consider(this.bySpelling.get(path));
    const matched: number[] = [];
    for (const [intent, pattern] of decisive) if (!pattern.negated) matched.push(intent);
    return matched.sort((a, b) => a - b).map((i) => this.ids[i] ?? '');
  }

  private add(key: ReturnType<typeof patternKey>, pattern: CompiledPattern): void {
    if (key.kind === 'prefix') addTo(this.byPrefix, key.value, pattern);
    else if (key.kind === 'name') addTo(this.byName, key.value, pattern);
    else if (key.kind === 'extension') addTo(this.byExtension, key.value, pattern);
    else this.unkeyed.push(pattern);
  }
}

function addTo(map: Map<string, CompiledPattern[]>, key: string, pattern: CompiledPattern | undefined): void {
  if (!pattern) return;
  const list = map.get(key);
  if (list) list.push(pattern);
  else map.set(key, [pattern]);
}

/** Drops a leading `./` or `/`; callers pass `/`-separated, folder-relative paths. */
export function normalizePath(path: string): string {
  return path.replace(/^(?:\.\/)+/, '').replace(/^\/+/, '');
}

function combine(regexes: readonly RegExp[]): RegExp {
  const [first] = regexes;
  if (regexes.length === 1 && first) return first;
  return new RegExp(regexes.map((r) => `(?:${r.source})`).join('|'), regexes[0]?.flags ?? '');
}
