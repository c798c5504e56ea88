// The shapes of a branch scan, apart from the engine: views and the status bar use them without
// loading the engine's bundle.
import type { RepoState } from '../git/gitPort';
import type { BranchReason } from './branchMatcher';
import type { Coverage, LinkedCommit, LinkedFile, UnknownTrailer } from './coverage';

export interface BranchIntent {
  readonly id: string;
  readonly reasons: readonly (BranchReason | 'commit')[];
}

/**
 * What one `git log` of the commits ahead of base tells: the branch, its intents, its commits and
 * the commit half of coverage. The first half of a scan, and all the status bar needs.
 */
export interface BranchCommits {
  /** The merge-base may still be unknown here when the branch has merged its base in. */
  readonly state: RepoState;
  /** Branch name (also for an unborn branch); undefined on a detached HEAD. */
  readonly branch: string | undefined;
  readonly intents: readonly BranchIntent[];
  /** Commits ahead of base, newest first, without their files. */
  readonly commits: readonly LinkedCommit[];
  readonly coverage: Pick<Coverage, 'commits' | 'unlinkedCommits'>;
  readonly unknownTrailers: readonly UnknownTrailer[];
}

/** Everything known about the current branch after one scan. */
export interface BranchScan extends BranchCommits {
  /** Commits ahead of base, newest first; only linked ones carry `files` (all coverage needs). */
  readonly commits: readonly LinkedCommit[];
  readonly files: readonly LinkedFile[];
  readonly coverage: Coverage;
}

/** True for a whole scan, false for the first half alone. */
export function isFullScan(scan: BranchCommits): scan is BranchScan {
  return 'files' in scan;
}

/** Same branch, same HEAD commit and same base commit: the same commits ahead, whatever else changed. */
export function sameCommits(a: BranchCommits, b: BranchCommits): boolean {
  const [x, y] = [a.state.head, b.state.head];
  const sha = (h: typeof x): string => (h.kind === 'unborn' ? '' : h.sha);
  return x.kind === y.kind && a.branch === b.branch && sha(x) === sha(y) && a.state.base?.sha === b.state.base?.sha;
}
