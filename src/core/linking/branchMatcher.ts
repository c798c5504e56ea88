import type { Intent } from '../model/types';
import { expandBraces, hasBraceGroup } from './braces';
import { compileWildmatch, wildmatch } from './wildmatch';
import type { Wildmatch } from './wildmatch';

/** Why a branch serves an intent: one of its `branches` globs, or its id in the branch name. */
export type BranchReason = 'pattern' | 'name';

export interface BranchMatch {
  readonly id: string;
  readonly reasons: readonly BranchReason[];
}

const DELIMITERS = new Set(['/', '-', '_', '.']);

/**
 * Intents a branch name points at: `branches` globs (compiled once; `*` stays within a
 * `/` segment, `**` crosses them) and intent ids that appear in the name between
 * delimiters (`/ - _ .`) or its ends, e.g. `checkout-speed` in `feature/checkout-speed-retry`.
 */
export class BranchMatcher {
  private readonly globs: readonly BranchGlob[];
  private readonly ids: ReadonlyMap<string, number>;

  constructor(intents: readonly Pick<Intent, 'id' | 'branches'>[]) {
    this.globs = intents.flatMap((intent) => intent.branches.filter((g) => g.trim().length > 0).map((g) => new BranchGlob(intent.id, g.trim())));
    this.ids = new Map(intents.map((intent, i) => [intent.id, i]));
  }

  /** The intents the branch name points at, in intent order. */
  match(branch: string): BranchMatch[] {
    const reasons = new Map<string, Set<BranchReason>>();
    const add = (id: string, reason: BranchReason): void => {
      const set = reasons.get(id) ?? new Set<BranchReason>();
      set.add(reason);
      reasons.set(id, set);
    };
    for (const glob of this.globs) if (glob.test(branch)) add(glob.id, 'pattern');
    for (const id of idsInName(branch, this.ids)) add(id, 'name');
    const order = (id: string): number => this.ids.get(id) ?? Number.MAX_SAFE_INTEGER;
    return [...reasons]
      .sort(([a], [b]) => order(a) - order(b))
      .map(([id, set]) => ({ id, reasons: (['pattern', 'name'] as const).filter((r) => set.has(r)) }));
  }
}

/**
 * One `branches` glob, read as git reads globs (wildmatch: `*` stays within a `/` segment, `**`
 * crosses them, `[!…]` negates), plus brace lists; compiled on first use (a new engine meets a
 * thousand of them and matches each once). Matching costs at most glob × name length.
 */
class BranchGlob {
  private compiled: readonly Wildmatch[] | undefined;

  constructor(
    readonly id: string,
    private readonly glob: string,
  ) {}

  test(name: string): boolean {
    this.compiled ??= branchGlobs(this.glob);
    return this.compiled.some((glob) => wildmatch(glob, name));
  }
}

/** The compiled alternatives of a branch glob: its brace lists and the glob read literally. */
export function branchGlobs(glob: string): Wildmatch[] {
  const alternatives = hasBraceGroup(glob) ? [...(expandBraces(glob) ?? []), glob] : [glob];
  return alternatives.flatMap((g) => {
    const compiled = compileWildmatch(g);
    return typeof compiled === 'string' ? [] : [compiled];
  });
}

/**
 * Known ids that occur in `name` as a run starting after a delimiter (or at the start) and
 * ending before a delimiter (or at the end). Every start/end pair is tried, so an id that
 * itself holds dashes is found too; names are short, so this stays cheap.
 */
export function idsInName(name: string, known: ReadonlyMap<string, unknown> | ReadonlySet<string>): string[] {
  const starts = [0];
  const ends: number[] = [];
  for (let i = 0; i < name.length; i++) {
    if (DELIMITERS.has(name.charAt(i))) {
      ends.push(i);
      starts.push(i + 1);
    }
  }
  ends.push(name.length);
  const found = new Set<string>();
  for (const start of starts) {
    for (const end of ends) {
      if (end <= start) continue;
      const candidate = name.slice(start, end);
      if (known.has(candidate)) found.add(candidate);
    }
  }
  return [...found];
}
