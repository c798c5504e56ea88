import { GitMissingError, NotARepositoryError } from '../git/gitErrors';
import type { ChangedFile } from '../git/fileChanges';
import type { BranchLog, CommitRecord } from '../git/commitLog';
import type { GitPort, JudgedCommits, RepoState } from '../git/gitPort';
import type { Intent, ValueConfig } from '../model/types';
import { BranchMatcher } from './branchMatcher';
import type { BranchMatch, BranchReason } from './branchMatcher';
import { withBaseCommitMissing, withMergeBase } from '../git/repoState';
import type { BranchCommits, BranchIntent, BranchScan } from './branchScan';
import { CommitLinker, linkCommits, linkFiles } from './coverage';
import { CountedCommits } from './countedCommits';
import type { LinkedCommit } from './coverage';
import { IntentPathMatcher, normalizePath } from './pathMatcher';
import { CoalescingJob, repoKeyOf, runExclusive } from './scanQueue';
import { VALUE_DIR } from '../valueFolder';

/** The model the engine links against: plain values, never read from settings here. */
export interface LinkingModel {
  readonly intents: readonly Intent[];
  readonly config: ValueConfig;
}

export interface LinkingOptions {
  /** How many recent commits of a file count for its intents; default 50. */
  readonly recentCommits?: number;
  /** Entries kept in the per-path, per-file-and-HEAD and per-commit file-list caches; default 20,000. */
  readonly cacheSize?: number;
  /** Key that serialises scans; default the folder's work tree found on disk. */
  readonly repoKey?: string;
  /**
   * Told the first half of every scan from {@link LinkingEngine.refresh} as soon as it is known
   * (the branch, its intents and commits), before git has listed the changed files.
   */
  readonly onBranchCommits?: (commits: BranchCommits) => void;
}

export type FileReason = 'path' | 'commit';
export type { BranchCommits, BranchIntent, BranchScan } from './branchScan';
export { isFullScan } from './branchScan';

export interface FileIntent {
  readonly id: string;
  readonly reasons: readonly FileReason[];
}

const NONE_UNCOUNTED: ReadonlySet<string> = new Set();

/** The commits between a base and HEAD, keyed by both shas, the trailer key and shallowness. */
interface BranchHistory {
  readonly key: string;
  readonly log: BranchLog;
  /** Commits that do not count as the folder's work (see GitPort.countedCommits); may hold some of other ranges. */
  readonly uncounted: ReadonlySet<string>;
  /** Asked of git only when the boundary does not tell it (the base was merged in). */
  mergeBase?: string | undefined;
  /** Files changed between the merge-base and HEAD. */
  committed?: readonly ChangedFile[];
}

/** A branch log as read, with its commits linked while git was writing it. */
interface LinkedLog {
  readonly log: BranchLog;
  readonly linker: CommitLinker;
}

/** A branch log started before HEAD and the base were known, against the base they most likely are. */
class EarlyLog {
  private taken = false;

  constructor(
    private readonly baseSha: string,
    private readonly log: Promise<LinkedLog | undefined>,
    private readonly controller: AbortController,
  ) {}

  /**
   * The log, when it answers the question asked: the same base, and HEAD's commit first (HEAD
   * may have moved again between the two git calls).
   */
  async take(headSha: string, baseSha: string): Promise<LinkedLog | undefined> {
    if (baseSha !== this.baseSha) return undefined;
    const read = await this.log;
    if (!read || read.log.commits[0]?.sha !== headSha) return undefined;
    this.taken = true;
    return read;
  }

  /** Stops git unless the log was taken; harmless once git has ended. */
  drop(): void {
    if (!this.taken) this.controller.abort();
  }
}

/** The first half of a scan, with what the second half needs to go on. */
interface CommitsFound {
  readonly result: BranchCommits;
  /** Whether commits ahead of base and changed files can be read: HEAD has commits and shares history with a base. */
  readonly comparable: boolean;
}

const DEFAULT_RECENT_COMMITS = 50;
const DEFAULT_CACHE_SIZE = 20_000;

/**
 * Links files, commits and the current branch of one workspace folder to intents
 * (PRODUCT.md §2). Paths in and out are relative to the folder, `/`-separated. Call
 * {@link setModel} when `.value/` changes and {@link refresh} when HEAD or refs move.
 */
export class LinkingEngine {
  private model!: LinkingModel;
  private known = new Set<string>();
  private order = new Map<string, number>();
  private compiledPaths: IntentPathMatcher | undefined;
  private compiledBranches: BranchMatcher | undefined;
  /** The last branch name matched against every intent's `branches` globs: most scans ask for the same one. */
  private branchMatches: { readonly branch: string; readonly matches: readonly BranchMatch[] } | undefined;
  private state: RepoState | undefined;
  private scan: BranchScan | undefined;
  private readonly fileCommits = new Map<string, Promise<readonly string[]>>();
  /** Paths each commit touched, by sha: a commit never changes, so a rescan asks git only about new ones. */
  private readonly touchedFiles = new Map<string, readonly string[]>();
  private listedOnce = false;
  /** The commits between the base and HEAD as git last told them: valid while neither moves. */
  private history: BranchHistory | undefined;
  /** Which commits are the folder's work, as git judged them. */
  private readonly countedCommits: CountedCommits;
  /** {@link GitPort.refsStamp} when HEAD was last located. */
  private refsStamp: string | undefined;
  private readonly job = new CoalescingJob(() => this.runScan());
  private readonly recentCommits: number;
  private readonly cacheSize: number;
  private readonly repoKey: string;
  private readonly onBranchCommits: ((commits: BranchCommits) => void) | undefined;

  constructor(
    folder: string,
    private readonly port: GitPort,
    model: LinkingModel,
    options: LinkingOptions = {},
  ) {
    this.recentCommits = options.recentCommits ?? DEFAULT_RECENT_COMMITS;
    this.cacheSize = options.cacheSize ?? DEFAULT_CACHE_SIZE;
    this.repoKey = options.repoKey ?? repoKeyOf(folder);
    this.onBranchCommits = options.onBranchCommits;
    this.countedCommits = new CountedCommits(port);
    this.setModel(model);
  }

  /** Replaces intents and config: recompiles the matchers and drops path results. */
  setModel(model: LinkingModel): void {
    this.model = model;
    this.known = new Set(model.intents.map((i) => i.id));
    this.order = new Map(model.intents.map((intent, index) => [intent.id, index]));
    // Compiled on first use: thousands of globs cost milliseconds the branch's commits never need,
    // and a scan's log should start before they are.
    this.compiledPaths = undefined;
    this.compiledBranches = undefined;
    this.branchMatches = undefined;
    // Trailer ids per file stay valid: they are keyed by HEAD and trailer key, not by intents.
  }

  private get paths(): IntentPathMatcher {
    this.compiledPaths ??= new IntentPathMatcher(this.model.intents, this.cacheSize);
    return this.compiledPaths;
  }

  private get branches(): BranchMatcher {
    // Compiled while git writes the first log, not before it starts.
    this.compiledBranches ??= new BranchMatcher(this.model.intents);
    return this.compiledBranches;
  }

  /** The result of the last finished scan, if any. */
  get lastScan(): BranchScan | undefined {
    return this.scan;
  }

  /**
   * Re-reads the repository and the current branch. Never runs two scans of one repository
   * at once: a request during a scan waits for one shared follow-up scan.
   * Rejects with GitMissingError or NotARepositoryError when git cannot answer at all.
   */
  async refresh(): Promise<BranchScan> {
    return this.job.request();
  }

  /**
   * The first half of a scan alone: HEAD, the base, the commits ahead of it with their trailers
   * and the branch's intents, from one round of quick git calls and one `git log`. Waits for
   * any scan of the same repository that is running.
   */
  async scanCommits(): Promise<BranchCommits> {
    return runExclusive(this.repoKey, async () => (await this.readCommits()).result);
  }

  /** Intents whose `paths` cover the folder-relative `path`; no git involved. */
  pathIntents(path: string): readonly string[] {
    return this.paths.match(path);
  }

  /**
   * A file's intents: `paths` matches ∪ existing intents named by the trailers of the last N
   * commits that touched it (one `git log` per file and HEAD, cached). Without git (missing,
   * not a repository, no commits yet) only the `paths` matches count, unless `needsGit` asks for
   * git's errors to be thrown (the CLI says "not a git repository" rather than answer half).
   */
  async fileIntents(path: string, needsGit = false): Promise<FileIntent[]> {
    const file = normalizePath(path);
    const reasons = new Map<string, FileReason[]>();
    for (const id of this.paths.match(file)) reasons.set(id, ['path']);
    for (const id of await this.commitIntentsOf(file, needsGit)) {
      if (!this.known.has(id)) continue;
      const list = reasons.get(id);
      if (list) {
        if (!list.includes('commit')) list.push('commit');
      } else reasons.set(id, ['commit']);
    }
    return [...reasons].sort(([a], [b]) => this.rank(a) - this.rank(b)).map(([id, r]) => ({ id, reasons: r }));
  }

  private async commitIntentsOf(file: string, needsGit: boolean): Promise<readonly string[]> {
    const state = this.state;
    if (!state) {
      // Nothing scanned yet (`value-lens why`): one git log of the file answers; a scan would cost
      // the whole branch's log and a git status first.
      try {
        return await this.port.trailerIdsOfFile(file, this.recentCommits, this.model.config.trailer);
      } catch (e) {
        if (!needsGit && (e instanceof GitMissingError || e instanceof NotARepositoryError)) return [];
        throw e;
      }
    }
    if (state.head.kind === 'unborn') return [];
    const key = `${state.head.sha}\0${this.model.config.trailer}\0${file}`;
    let pending = this.fileCommits.get(key);
    if (!pending) {
      const repoPath = `${state.prefix}${file}`;
      pending = this.port.trailerIdsTouching(repoPath, this.recentCommits, this.model.config.trailer, state.head.sha);
      if (this.fileCommits.size >= this.cacheSize) {
        const oldest = this.fileCommits.keys().next();
        if (!oldest.done) this.fileCommits.delete(oldest.value);
      }
      this.fileCommits.set(key, pending);
      // A failed lookup is not remembered: the next request asks git again.
      pending.catch(() => this.fileCommits.delete(key));
    }
    return pending;
  }

  private async runScan(): Promise<BranchScan> {
    return runExclusive(this.repoKey, async () => {
      const found = await this.readCommits();
      this.onBranchCommits?.(found.result);
      return this.readFiles(found);
    });
  }

  private async readCommits(): Promise<CommitsFound> {
    const { config } = this.model;
    // The early log goes first: starting a git process blocks this one for milliseconds.
    const early = this.startEarlyLog();
    let state: RepoState;
    try {
      state = await this.port.locate(this.locateOptions());
    } catch (e) {
      early?.drop();
      throw e;
    }
    this.refsStamp = this.port.refsStamp(state);
    const { head, base } = state;
    // While git still writes the log: the branch name against every intent's `branches` globs.
    if (head.kind !== 'detached' && head.branch) this.matchBranch(head.branch);
    let ahead: readonly CommitRecord[] = [];
    let comparable = false;
    let linker: CommitLinker | undefined;
    if (head.kind !== 'unborn' && base) {
      // Most scans follow a save, not a commit: with HEAD and the base where they were, the log
      // (and below the committed changes) would say the same again, so only uncommitted files are read.
      const key = [head.sha, base.sha, config.trailer, String(state.isShallow)].join('\0');
      // HEAD at the base itself (main right after a pull) has nothing ahead: no git log needed.
      const known = this.history?.key === key ? this.history : undefined;
      // Beside the log: which of its commits are not the folder's work (merges, only .value/).
      // After the first scan on this base, git judges only the commits the last judged head cannot reach.
      const memo = state.isShallow ? undefined : this.countedCommits;
      const asked = !known && head.sha !== base.sha;
      const judging = asked ? memo?.ahead(base.sha, head.sha) : undefined;
      const counting = asked && !judging ? settled(this.port.countedCommits(base.sha, head.sha)) : undefined;
      const read = known
        ? { log: known.log, linker: undefined }
        : head.sha === base.sha
          ? { log: { commits: [], boundary: [] }, linker: undefined }
          : ((await early?.take(head.sha, base.sha)) ?? (await this.readLog(base.sha, undefined, head.sha)));
      const log = read?.log;
      linker = read?.linker;
      // Undefined when git found the base commit missing, as for the log.
      const uncounted = known ? known.uncounted : !log ? undefined : !asked ? NONE_UNCOUNTED : await this.uncountedOf(log, base.sha, head.sha, memo, judging, counting);
      if (!log || !uncounted) {
        // Not kept: a fetch can bring the missing commit without moving either ref.
        this.history = undefined;
        state = withBaseCommitMissing(state);
      } else {
        if (!known) this.history = { key, log, uncounted };
        const mergeBase = mergeBaseOf(log.commits.length, log.boundary, head.sha);
        comparable = mergeBase !== 'none';
        if (comparable) {
          ahead = uncounted.size === 0 ? log.commits : log.commits.filter((c) => !uncounted.has(c.sha));
          // The links made while git wrote the log hold commits that do not count.
          if (ahead.length !== log.commits.length) linker = undefined;
        }
        // With several boundary commits (the base was merged in) git is asked in the second half.
        if (mergeBase !== 'several') state = withMergeBase(state, mergeBase === 'none' ? undefined : mergeBase.sha);
      }
    }
    early?.drop();
    this.state = state;
    // Linked as git wrote the log, unless the intents changed meanwhile.
    const links = comparable && linker?.knownIntents === this.known ? linker.result() : linkCommits(ahead, this.known);
    const branch = state.head.kind === 'detached' ? undefined : state.head.branch;
    const result: BranchCommits = { state, branch, intents: this.branchIntents(branch, links.namedIntents), commits: links.commits, coverage: links.coverage, unknownTrailers: links.unknownTrailers };
    return { result, comparable };
  }

  /** The commits of `log` that do not count, from the judgement of the new commits or of the whole range. */
  private async uncountedOf(
    log: BranchLog,
    baseSha: string,
    headSha: string,
    memo: CountedCommits | undefined,
    judging: Promise<JudgedCommits | undefined> | undefined,
    counting: Promise<Settled<Set<string> | undefined>> | undefined,
  ): Promise<ReadonlySet<string> | undefined> {
    if (memo && judging) return memo.uncountedOf(log.commits, baseSha, headSha, await judging);
    const counted = await unwrap(counting);
    if (!counted) return undefined;
    if (memo) return memo.learn(log.commits, counted, baseSha, headSha);
    return new Set(log.commits.filter((c) => !counted.has(c.sha)).map((c) => c.sha));
  }

  /**
   * Starts the branch log beside locate() instead of after it, against the base it will most
   * likely find. After a commit or a checkout the base is most often where it was: the log starts
   * when the refs on disk say HEAD moved. On a first scan, against the base the ref files name.
   */
  private startEarlyLog(): EarlyLog | undefined {
    const last = this.state;
    const baseSha = last ? last.base?.sha : this.port.guessBase(this.locateOptions());
    if (!baseSha || last?.head.kind === 'unborn') return undefined;
    if (last) {
      const stamp = this.port.refsStamp(last);
      if (stamp === undefined || stamp === this.refsStamp) return undefined;
    }
    const controller = new AbortController();
    // A failure here says nothing: the log that counts runs again after locate().
    const log = this.readLog(baseSha, controller.signal).catch(() => undefined);
    return new EarlyLog(baseSha, log, controller);
  }

  /** The branch log against `baseSha` (from `headSha` once located), each commit linked as soon as git has written it. */
  private async readLog(baseSha: string, signal?: AbortSignal, headSha?: string): Promise<LinkedLog | undefined> {
    const linker = new CommitLinker(this.known);
    const log = await this.port.branchLog(baseSha, this.model.config.trailer, { onCommit: (commit) => linker.add(commit), ...(signal ? { signal } : {}), ...(headSha ? { headSha } : {}) });
    return log && { log, linker };
  }

  private locateOptions(): { readonly baseBranch?: string } {
    const { baseBranch } = this.model.config;
    return baseBranch !== undefined ? { baseBranch } : {};
  }

  private async readFiles({ result, comparable }: CommitsFound): Promise<BranchScan> {
    const { config } = this.model;
    const { head, base } = result.state;
    const baseSha = base?.sha;
    const history = comparable ? this.history : undefined;
    // The state with the merge-base: as the first half found it, or completed by git when the
    // boundary could not tell (several boundary commits).
    const withBase = async (): Promise<{ readonly state: RepoState; readonly sha: string | undefined }> => {
      if (base?.mergeBase !== undefined || !history || head.kind === 'unborn' || !baseSha) return { state: result.state, sha: base?.mergeBase };
      history.mergeBase ??= await this.port.mergeBase(head.sha, baseSha);
      return { state: withMergeBase(result.state, history.mergeBase), sha: history.mergeBase };
    };
    const committedSince = async (sha: string): Promise<readonly ChangedFile[]> => {
      // Merge-base = HEAD: nothing was committed since (and git would print nothing).
      if (head.kind !== 'unborn' && sha === head.sha) return [];
      const headSha = head.kind === 'unborn' ? undefined : head.sha;
      if (!history) return this.port.changedFiles(sha, headSha);
      history.committed ??= await this.port.changedFiles(sha, headSha);
      return history.committed;
    };
    // The first scan lists the files of every commit that can carry a trailer; later scans know
    // those commits and ask only for linked commits they have not seen.
    const listAll = comparable && !this.listedOnce;
    const [trailerCommitFiles, [state, committed], uncommitted] = await Promise.all([
      listAll && baseSha && head.kind !== 'unborn' ? this.port.filesOfTrailerCommits(baseSha, config.trailer, head.sha) : Promise.resolve(new Map<string, string[]>()),
      withBase().then(async ({ state: found, sha }) => [found, sha ? await committedSince(sha) : []] as const),
      // Always git's own answer: the editor's Git extension refreshes its lists lazily (seconds
      // late, or never in an unfocused window), so they can show restored files as changed.
      this.port.uncommittedFiles(),
    ]);
    if (listAll) this.listedOnce = true;
    // The first half's links, unless the merge-base git was asked for turned out to be missing.
    const links = comparable && state.base?.mergeBase ? result : linkCommits([], this.known);
    const { prefix } = state;
    const withFiles = await this.withLinkedFiles(links.commits, trailerCommitFiles);
    const commits = prefix === '' ? withFiles : withFiles.map((c) => (c.files.length === 0 ? c : { ...c, files: c.files.filter((p) => p.startsWith(prefix)).map((p) => p.slice(prefix.length)) }));
    const inFolder = folderPaths(prefix);
    const fileLinks = linkFiles(commits, { committedFiles: inFolder(committed), uncommittedFiles: inFolder(uncommitted), pathIntents: (path) => this.paths.match(path) });
    this.state = state;
    this.scan = {
      ...result,
      state,
      commits,
      files: fileLinks.files,
      coverage: { ...links.coverage, ...fileLinks.coverage },
      unknownTrailers: links.unknownTrailers,
    };
    return this.scan;
  }

  private matchBranch(branch: string): readonly BranchMatch[] {
    if (this.branchMatches?.branch !== branch) this.branchMatches = { branch, matches: this.branches.match(branch) };
    return this.branchMatches.matches;
  }

  /** Branch-name and `branches` glob matches, then the intents named by the commits' trailers. */
  private branchIntents(branch: string | undefined, named: ReadonlySet<string>): BranchIntent[] {
    const reasons = new Map<string, (BranchReason | 'commit')[]>();
    if (branch) for (const m of this.matchBranch(branch)) reasons.set(m.id, [...m.reasons]);
    for (const id of named) {
      const list = reasons.get(id);
      if (list) list.push('commit');
      else reasons.set(id, ['commit']);
    }
    // Ranked once per intent, not once per comparison.
    return [...reasons]
      .map(([id, r]) => ({ rank: this.rank(id), intent: { id, reasons: r } }))
      .sort((a, b) => a.rank - b.rank)
      .map((ranked) => ranked.intent);
  }

  /**
   * Gives the linked commits (trailers naming an existing intent) the paths they touched, which
   * is all coverage needs; the others keep none. The `--grep` listing has nearly all of them; the
   * odd one it missed (a trailer key spelled through a git config alias) is asked for by sha.
   */
  private async withLinkedFiles(commits: readonly LinkedCommit[], listed: ReadonlyMap<string, readonly string[]>): Promise<LinkedCommit[]> {
    // Also the unlinked ones listed: a new intent may make their trailers link them.
    for (const [sha, files] of listed) this.rememberFiles(sha, files);
    const linked = commits.filter((c) => c.intents.length > 0);
    const missing = linked.filter((c) => !this.touchedFiles.has(c.sha)).map((c) => c.sha);
    const asked = missing.length > 0 ? await this.port.filesOfCommits(missing) : new Map<string, string[]>();
    for (const [sha, files] of asked) this.rememberFiles(sha, files);
    const linkedShas = new Set(linked.map((c) => c.sha));
    return commits.map((c) => (linkedShas.has(c.sha) ? { ...c, files: asked.get(c.sha) ?? this.touchedFiles.get(c.sha) ?? [] } : c));
  }

  private rememberFiles(sha: string, files: readonly string[]): void {
    if (this.touchedFiles.size >= this.cacheSize && !this.touchedFiles.has(sha)) {
      const oldest = this.touchedFiles.keys().next();
      if (!oldest.done) this.touchedFiles.delete(oldest.value);
    }
    this.touchedFiles.set(sha, files);
  }

  private rank(id: string): number {
    return this.order.get(id) ?? Number.MAX_SAFE_INTEGER;
  }
}

/**
 * The merge-base as the boundary of `base..HEAD` shows it. No commits ahead: HEAD itself. One
 * boundary commit: every common ancestor lies under it, so it is the merge-base. None under
 * commits ahead: no shared history (or a shallow clone cut it off). Several: git must say.
 */
function mergeBaseOf(ahead: number, boundary: readonly string[], headSha: string): { readonly sha: string } | 'none' | 'several' {
  if (ahead === 0) return { sha: headSha };
  if (boundary.length === 0) return 'none';
  return boundary.length === 1 ? { sha: boundary[0]! } : 'several';
}

type Settled<T> = { readonly value: T } | { readonly error: unknown };

/** A promise that never rejects, so a call started beside another is not an unhandled rejection when that one fails first. */
function settled<T>(promise: Promise<T>): Promise<Settled<T>> {
  return promise.then((value) => ({ value }), (error: unknown) => ({ error }));
}

async function unwrap<T>(pending: Promise<Settled<T>> | undefined): Promise<T | undefined> {
  if (!pending) return undefined;
  const outcome = await pending;
  if ('error' in outcome) throw outcome.error;
  return outcome.value;
}

/**
 * Keeps the changes inside the folder (repository prefix `prefix`) with folder-relative paths,
 * without Value Lens's own files: `.value/` is bookkeeping, not work to link.
 */
function folderPaths(prefix: string): (files: readonly ChangedFile[]) => readonly ChangedFile[] {
  const own = `${prefix}${VALUE_DIR}`;
  const isOwn = (p: string): boolean => p === own || p.startsWith(`${own}/`);
  if (prefix === '') return (files) => (files.some((f) => isOwn(f.path)) ? files.filter((f) => !isOwn(f.path)) : files);
  return (files) =>
    files.flatMap((f) => {
      if (!f.path.startsWith(prefix) || isOwn(f.path)) return [];
      const path = f.path.slice(prefix.length);
      if (f.from === undefined) return [{ path, status: f.status }];
      return [{ path, status: f.status, from: f.from.startsWith(prefix) ? f.from.slice(prefix.length) : f.from }];
    });
}
