import type { BranchLog, CommitRecord } from './commitLog';
import type { ChangedFile } from './fileChanges';
import type { MessageRef } from '../present/messages';

/** Where HEAD points. */
export type HeadState =
  | { readonly kind: 'branch'; readonly branch: string; readonly sha: string; readonly shortSha: string }
  | { readonly kind: 'detached'; readonly sha: string; readonly shortSha: string }
  /** A branch with no commits yet (fresh `git init`). */
  | { readonly kind: 'unborn'; readonly branch: string };

/** Where the base branch came from: config, `origin/HEAD`, or the `main`/`master` fallbacks. */
export type BaseSource = 'config' | 'origin/HEAD' | 'main' | 'master';

export interface BaseBranch {
  /** Short name as people write it: `main`, `origin/main`. */
  readonly name: string;
  /** Full ref: `refs/heads/main`, `refs/remotes/origin/main`. */
  readonly ref: string;
  readonly source: BaseSource;
  readonly sha: string;
  /** Merge-base of HEAD and the base; absent when none is reachable (unrelated or shallow history). */
  readonly mergeBase?: string;
}

export interface RepoState {
  /** Absolute path of the work tree's top level. */
  readonly topLevel: string;
  /** Path of the folder the port was opened on, relative to `topLevel` (`''` or `sub/dir/`). */
  readonly prefix: string;
  /** This work tree's git directory (for a linked worktree: `.git/worktrees/<name>`). */
  readonly gitDir: string;
  /** The repository's shared git directory. */
  readonly commonGitDir: string;
  /** True for a linked worktree (its `.git` is a file pointing into another repository). */
  readonly isLinkedWorktree: boolean;
  readonly isShallow: boolean;
  readonly rebaseInProgress: boolean;
  readonly head: HeadState;
  /** Upstream of the current branch, short form (`origin/feature/x`). */
  readonly upstream?: string;
  readonly base?: BaseBranch;
  /**
   * Why branch-level answers (commits ahead, changed files, coverage) are unavailable or
   * partial; absent when all is well.
   */
  readonly degraded?: string;
  /** `degraded` as a message id and its data, for the extension to translate. */
  readonly degradedRef?: MessageRef;
}

export interface BranchLogOptions {
  /** The commit to read from, as {@link GitPort.locate} found HEAD; HEAD itself when absent (a log started before locate). */
  readonly headSha?: string;
  readonly signal?: AbortSignal;
  readonly onCommit?: (commit: CommitRecord) => void;
}

/** The slice of git that Value Lens uses. Every method runs git with argument arrays only. */
/** Commits judged one by one: those git listed, and those of them that count as the folder's work. */
export interface JudgedCommits {
  readonly listed: readonly string[];
  readonly counted: ReadonlySet<string>;
}

export interface GitPort {
  /** Branch / detached / unborn HEAD, upstream, base branch and merge-base, shallow, worktree, rebase. */
  readState(options?: { readonly baseBranch?: string }): Promise<RepoState>;
  /**
   * {@link readState} without the merge-base: everything one round of quick git calls can tell.
   * A base found here has no `mergeBase` yet; see {@link mergeBase} and {@link branchLog}.
   */
  locate(options?: { readonly baseBranch?: string }): Promise<RepoState>;
  /** The merge-base of two commits, or undefined when they share no history (or a shallow clone lacks it). */
  mergeBase(headSha: string, baseSha: string): Promise<string | undefined>;
  /**
   * The commits reachable from HEAD (or `options.headSha`) but not from `baseSha`, newest first, with their trailers, and
   * the boundary commits under them, in one `git log --boundary` call (files not listed).
   * Undefined when the repository does not have the base commit (a broken or half-fetched ref).
   * `onCommit` is told each commit as soon as it is read, while git is still writing the rest;
   * `signal` stops git.
   */
  branchLog(baseSha: string, trailerKey: string, options?: BranchLogOptions): Promise<BranchLog | undefined>;
  /**
   * The base commit {@link locate} would most likely find, read from the ref files on disk
   * without starting git, for a first scan that knows nothing yet. Only a hint for starting work
   * early; undefined when the files do not say (another refs backend, a huge `packed-refs`) and
   * when HEAD's branch is at the base, with nothing ahead of it.
   */
  guessBase(options?: { readonly baseBranch?: string }): string | undefined;
  /**
   * A fingerprint of HEAD and its branch as files on disk, read without git: when it changes, HEAD
   * has probably moved. Only a hint for starting work early; undefined when it cannot be read.
   */
  refsStamp(state: RepoState): string | undefined;
  /**
   * The paths touched by each commit ahead of `baseSha` (up to `headSha`, HEAD when absent) whose message has a line starting with
   * the trailer key (any case), by sha: every commit whose trailers can name an intent, and the
   * rare one whose prose does. One `git log --grep`, so git diffs only those commits.
   */
  filesOfTrailerCommits(baseSha: string | undefined, trailerKey: string, headSha?: string): Promise<Map<string, string[]>>;
  /** The paths each of the given commits touched (none for a merge), by sha. */
  filesOfCommits(shas: readonly string[]): Promise<Map<string, string[]>>;
  /**
   * The commits in `baseSha..headSha` that count as work of this folder: not merges (they carry
   * no work of their own), and changing a file of the folder outside `.value/` (a commit that
   * changes only `.value/` is bookkeeping; in a monorepo, a commit elsewhere is another
   * project's). At the top level an empty commit counts (git compares no trees there). Undefined when the
   * repository does not have the base commit, as for {@link branchLog}.
   */
  countedCommits(baseSha: string, headSha: string): Promise<Set<string> | undefined>;
  /**
   * The commits of `baseSha..headSha` that `seenSha` cannot reach (after a commit: the new ones),
   * at most `most` of them, each judged by its own diff by the rule of {@link countedCommits}: one
   * short walk that can run beside the log.
   */
  countedBeyond(baseSha: string, headSha: string, seenSha: string, most: number): Promise<JudgedCommits>;
  /** The commit a branch, tag or revision name (`HEAD`, `main`, `origin/main`, `v1.2`) names; undefined when there is none. */
  resolveCommit(ref: string): Promise<string | undefined>;
  /**
   * Files that differ between `mergeBase` and `headSha` (HEAD when absent), by `git diff --name-status -M`:
   * a rename is one file, its old path in `from`.
   */
  changedFiles(mergeBase: string, headSha?: string): Promise<ChangedFile[]>;
  /** Staged, unstaged and untracked files (`git status --porcelain=v1`, `??` for untracked ones). */
  uncommittedFiles(): Promise<ChangedFile[]>;
  /** The last `limit` commits from HEAD that touched `path` (repository-relative), newest first. */
  commitsTouching(path: string, limit: number, trailerKey: string): Promise<CommitRecord[]>;
  /**
   * The trailer ids of the last `limit` commits from `headSha` (HEAD when absent) that touched `path`
   * (repository-relative), deduplicated, newest first: {@link commitsTouching} reading nothing but the trailers.
   */
  trailerIdsTouching(path: string, limit: number, trailerKey: string, headSha?: string): Promise<string[]>;
  /**
   * {@link trailerIdsTouching} for a path relative to the folder, from HEAD, in one git process
   * and before anything about the repository is known: what `value-lens why` needs and no more.
   * Empty when HEAD has no commits yet.
   */
  trailerIdsOfFile(folderPath: string, limit: number, trailerKey: string): Promise<string[]>;
  /**
   * The history of the commit `tipSha` (HEAD by default) as {@link countedCommits} counts it: no
   * merges, only commits that change the folder outside `.value/`, newest first, in one `git log`
   * call; `since` (YYYY-MM-DD) drops commits committed before that day. Empty on an unborn branch.
   */
  commitHistory(trailerKey: string, since?: string, tipSha?: string): Promise<CommitRecord[]>;
}
