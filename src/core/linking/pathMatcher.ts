import type { Intent } from '../model/types';
import { expandBraces, hasBraceGroup } from './braces';
import { parsePathPattern, patternKey } from './gitignorePattern';
import type { PathPattern } from './gitignorePattern';
import { compileWildmatch, wildmatch } from './wildmatch';
import type { Wildmatch } from './wildmatch';

/**
 * One glob of an intent (one alternative of a brace list), compiled on first use so loading
 * 10,000 globs stays cheap. It covers a path when it matches the path (unless directory-only)
 * or one of the directories above it, as in .gitignore.
 */
class CompiledPattern {
  private compiled: Wildmatch | null | undefined;

  constructor(
    readonly intent: number,
    /** Position in the intent's list: with .gitignore rules the last matching pattern decides. */
    readonly order: number,
    readonly negated: boolean,
    private readonly dirOnly: boolean,
    private readonly glob: string,
  ) {}

  test(path: string): boolean {
    if (this.compiled === undefined) {
      const compiled = compileWildmatch(this.glob, { pathPattern: true });
      // A glob git refuses (unclosed `[`, trailing `\`) never matches; the check reports it.
      this.compiled = typeof compiled === 'string' ? null : compiled;
    }
    return this.compiled !== null && wildmatch(this.compiled, path, { ancestors: true, dirOnly: this.dirOnly });
  }
}

/**
 * The globs a pattern stands for: its brace alternatives and, when it has braces, the glob read
 * literally as git reads it (a folder really named `{a,b}`). Too many alternatives: literal only.
 */
export function globsOf(pattern: PathPattern): string[] {
  if (!hasBraceGroup(pattern.glob)) return [pattern.glob];
  const expanded = expandBraces(pattern.glob) ?? [];
  return [...new Set([...expanded, pattern.glob])];
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
        // `*.{css,scss}` as two keyed globs, instead of one that every path has to try.
        for (const glob of globsOf(pattern)) this.add(patternKey(glob), new CompiledPattern(index, order, pattern.negated, pattern.dirOnly, glob));
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
    const consider = (patterns: readonly CompiledPattern[] | undefined): void => {
      for (const p of patterns ?? []) {
        const current = decisive.get(p.intent);
        if (current && current.order > p.order) continue;
        if (p.test(path)) decisive.set(p.intent, p);
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

function addTo(map: Map<string, CompiledPattern[]>, key: string, pattern: CompiledPattern): void {
  const list = map.get(key);
  if (list) list.push(pattern);
  else map.set(key, [pattern]);
}

/** Drops a leading `./` or `/`; callers pass `/`-separated, folder-relative paths. */
export function normalizePath(path: string): string {
  return path.replace(/^(?:\.\/)+/, '').replace(/^\/+/, '');
}
