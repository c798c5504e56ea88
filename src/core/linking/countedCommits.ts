import type { GitPort, JudgedCommits } from '../git/gitPort';

/** More new commits than this, and one walk of the range is cheaper than judging each commit. */
const FEW = 100;
/** Commits remembered at most: a long-lived window that has seen many branches starts afresh. */
const MOST = 100_000;

type CountingPort = Pick<GitPort, 'countedCommits' | 'countedBeyond'>;

/**
 * Which commits of the branch do not count as the folder's work (GitPort.countedCommits): merges,
 * bookkeeping, another project's. A commit's parents and files never change, so once a range has
 * been judged, a commit or a checkout on the same base needs git's judgement of the commits the
 * judged head cannot reach, and nothing more. Not for a shallow clone, where deepening gives a
 * commit a parent.
 */
export class CountedCommits {
  /** Every commit judged not to count, in the judged range and others before it. */
  private readonly uncounted = new Set<string>();
  /** A range whose every commit has been judged. */
  private judged: { readonly baseSha: string; readonly headSha: string } | undefined;

  constructor(private readonly port: CountingPort) {}

  /**
   * Judges, beside the log of `baseSha..headSha`, the commits the judged range does not hold (after
   * a commit, the new ones); undefined when there is no judged range on this base: walk it whole.
   */
  ahead(baseSha: string, headSha: string): Promise<JudgedCommits | undefined> | undefined {
    const judged = this.judged;
    if (!judged || judged.baseSha !== baseSha) return undefined;
    // A failure (the judged head was pruned) only means the range is walked whole after all.
    return this.port.countedBeyond(baseSha, headSha, judged.headSha, FEW + 1).catch(() => undefined);
  }

  /** Remembers a whole range's judgement: the commits of its log, and those of them that count. */
  learn(commits: readonly { readonly sha: string }[], counted: ReadonlySet<string>, baseSha: string, headSha: string): ReadonlySet<string> {
    if (this.uncounted.size > MOST) this.uncounted.clear();
    for (const { sha } of commits) if (!counted.has(sha)) this.uncounted.add(sha);
    this.judged = { baseSha, headSha };
    return this.uncounted;
  }

  /**
   * The commits that do not count, for the log of `baseSha..headSha` (a superset: commits of other
   * ranges may be in it), from {@link ahead}'s judgement when it covers the rest of the range, else
   * from a walk of the whole range. Undefined when git finds the base commit missing.
   */
  async uncountedOf(commits: readonly { readonly sha: string }[], baseSha: string, headSha: string, beyond: JudgedCommits | undefined): Promise<ReadonlySet<string> | undefined> {
    if (beyond && beyond.listed.length <= FEW && this.judged?.baseSha === baseSha) {
      for (const sha of beyond.listed) if (!beyond.counted.has(sha)) this.uncounted.add(sha);
      this.judged = { baseSha, headSha };
      return this.uncounted;
    }
    const counted = await this.port.countedCommits(baseSha, headSha);
    return counted && this.learn(commits, counted, baseSha, headSha);
  }
}
