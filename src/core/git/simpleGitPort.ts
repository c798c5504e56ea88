import * as fs from 'fs';
import * as path from 'path';
import { commitLogFormat, CommitLogReader, FILE_LIST_FORMAT, markedCommitLogFormat, MAX_FIELD_CHARS, parseFileLists, trailerKeyGrep, TrailerValuesReader, trailerValuesFormat } from './commitLog';
import type { BranchLog, CommitRecord } from './commitLog';
import { parseNameStatus, parsePorcelainStatus } from './fileChanges';
import type { ChangedFile } from './fileChanges';
import { GitCommandError, InvalidGitInputError, NotARepositoryError } from './gitErrors';
import type { BaseBranch, BaseSource, BranchLogOptions, GitPort, HeadState, JudgedCommits, RepoState } from './gitPort';
import { degradedBy, withBaseCommitMissing, withMergeBase } from './repoState';
import { createGitRunner } from './gitRunner';
import type { GitRunner, GitRunnerOptions } from './gitRunner';
import { isObjectId, isValidBranchName, isValidRefName } from './refName';
import { workTreeRootOf } from './workTree';
import { gitDirsAt, headRefOnDisk, readRefsOnDisk } from './refFiles';
import type { MessageRef } from '../present/messages';
import { message } from '../present/messages';
import { VALUE_DIR } from '../valueFolder';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/**
 * The folder's own work, relative to the folder git runs in: everything under it but `.value/`.
 * Exclude magic turns git's changed-path Bloom filters off, which matters for one file's
 * history, not for a walk of a whole range.
 */
const WORK_PATHSPEC = ['.', `:(exclude)${VALUE_DIR}`] as const;
// A record names the commit and its parents: a merge has two or more (and lists no files).
const JUDGED_FORMAT = '--format=%x00%H %P';
const isJudgedRecord = (token: string): boolean => token.split(' ').every((part, i) => isObjectId(part) || (i === 1 && part === ''));
/** A path relative to the folder that is its work: not in its `.value/`. */
const isWork = (file: string): boolean => !file.startsWith(`${VALUE_DIR}/`);
// 400 object ids of up to 65 characters: about 26,000 characters of arguments.
const COMMITS_PER_CALL = 400;

interface RefRow {
  readonly objectName: string;
  readonly symref: string;
  readonly upstream: string;
  /** The branch HEAD of this work tree points to (`%(HEAD)` is `*`). */
  readonly isHead: boolean;
}

/** Where a repository's work tree and git directories are: fixed for a folder, unlike HEAD. */
type Layout = Pick<RepoState, 'topLevel' | 'prefix' | 'gitDir' | 'commonGitDir' | 'isLinkedWorktree'>;
type Location = Layout & Pick<RepoState, 'isShallow' | 'rebaseInProgress'>;

interface KnownLayout {
  readonly layout: Layout;
  /** {@link workTreeRootOf} the folder when the layout was read. */
  readonly root: string | undefined;
}

export interface SimpleGitPortOptions extends GitRunnerOptions {
  /** The longest commit field (subject, trailer values, a path) kept; default {@link MAX_FIELD_CHARS}. */
  readonly maxFieldChars?: number;
}

/** The {@link GitPort} on simple-git, for one folder inside a work tree. */
export class SimpleGitPort implements GitPort {
  private readonly runner: GitRunner;
  private readonly maxFieldChars: number;
  private lastLayout: KnownLayout | undefined;

  constructor(folder: string, options: SimpleGitPortOptions = {}) {
    this.runner = createGitRunner(folder, options);
    this.maxFieldChars = options.maxFieldChars ?? MAX_FIELD_CHARS;
  }

  async readState(options: { readonly baseBranch?: string } = {}): Promise<RepoState> {
    const state = await this.locate(options);
    const { head, base } = state;
    if (head.kind === 'unborn' || !base) return state;
    try {
      return withMergeBase(state, await this.mergeBase(head.sha, base.sha));
    } catch (e) {
      if (!isMissingCommit(e)) throw e;
      return withBaseCommitMissing(state);
    }
  }

  async locate(options: { readonly baseBranch?: string } = {}): Promise<RepoState> {
    const configured = options.baseBranch;
    if (configured !== undefined && !isValidBranchName(configured)) {
      throw new InvalidGitInputError(`Invalid base branch name in config: ${JSON.stringify(configured)}`);
    }
    const candidates = baseCandidates(configured);
    // Every local branch too: the row of HEAD's branch carries its upstream (and, with %(HEAD), says it is HEAD's).
    const refNames = [...candidates.map((c) => c.ref), 'refs/heads/'];
    const known = this.knownLayout();
    if (known) {
      // The repository's layout is known from an earlier call: on a branch, one git process answers the rest.
      const refs = await this.readRefs(refNames);
      const current = [...refs].find(([, row]) => row.isHead);
      if (current) {
        const [headRef, row] = current;
        const { layout } = known;
        const location = { ...layout, isShallow: isShallowAt(layout.commonGitDir), rebaseInProgress: rebaseInProgress(layout.gitDir) };
        return resolveState(location, row.objectName, headRef, refs, candidates, configured);
      }
      // Detached or unborn: rev-parse tells which.
    }
    // Two questions asked at once: starting a git process costs milliseconds of this process's time.
    const [{ headSha, headRef: located, ...location }, refs] = await Promise.all([this.location(), this.readRefs(refNames)]);
    this.lastLayout = { layout: pickLayout(location), root: workTreeRootOf(this.runner.cwd) };
    // A branch without commits yet is not a ref, so only symbolic-ref can name it. for-each-ref's
    // %(HEAD) first: rev-parse names no ref at all when a branch is called `HEAD` (refs/heads/HEAD).
    const headRef = headSha === undefined ? await this.unbornBranchRef() : ([...refs].find(([, row]) => row.isHead)?.[0] ?? located);
    return resolveState(location, headSha, headRef, refs, candidates, configured);
  }

  guessBase(options: { readonly baseBranch?: string } = {}): string | undefined {
    try {
      return this.baseOnDisk(options.baseBranch);
    } catch {
      // Only a hint: an unreadable git directory is git's to report.
      return undefined;
    }
  }

  private baseOnDisk(configured: string | undefined): string | undefined {
    if (configured !== undefined && !isValidBranchName(configured)) return undefined;
    if (redirectedByEnv()) return undefined;
    const root = workTreeRootOf(this.runner.cwd);
    const dirs = root === undefined ? undefined : gitDirsAt(root);
    if (!dirs) return undefined;
    const candidates = baseCandidates(configured);
    const headRef = headRefOnDisk(dirs);
    const rows = new Map<string, RefRow>();
    for (const [ref, { objectName, symref }] of readRefsOnDisk(dirs, [...candidates.map((c) => c.ref), ...(headRef ? [headRef] : [])])) {
      rows.set(ref, { objectName, symref, upstream: '', isHead: ref === headRef });
    }
    const base = findBase(candidates, rows, branchOf(headRef));
    // HEAD at the base itself (main after a pull) has nothing ahead: there is no log to start.
    return base && !(headRef !== undefined && rows.get(headRef)?.objectName === base.sha) ? base.sha : undefined;
  }

  /**
   * Where the work tree and git directories are, as the last full locate() found them, while
   * git would still find the same work tree: no `.git` appeared or went, and the environment
   * does not point git elsewhere ({@link redirectedByEnv}).
   */
  private knownLayout(): KnownLayout | undefined {
    const known = this.lastLayout;
    if (!known || redirectedByEnv()) return undefined;
    return workTreeRootOf(this.runner.cwd) === known.root ? known : undefined;
  }

  refsStamp(state: RepoState): string | undefined {
    // A commit rewrites the branch's ref file, a checkout HEAD; a packed branch moves into packed-refs.
    const files = [path.join(state.gitDir, 'HEAD'), path.join(state.commonGitDir, 'packed-refs')];
    if (state.head.kind === 'branch') files.push(path.join(state.commonGitDir, 'refs', 'heads', ...state.head.branch.split('/')));
    try {
      return files.map((file) => fileStamp(file)).join('|');
    } catch {
      return undefined;
    }
  }

  async mergeBase(headSha: string, baseSha: string): Promise<string | undefined> {
    const out = await this.runner.run(['merge-base', objectId(headSha), objectId(baseSha)], [1]);
    return out.exitCode === 0 ? out.stdout.trim() : undefined;
  }

  async branchLog(baseSha: string, trailerKey: string, options: BranchLogOptions = {}): Promise<BranchLog | undefined> {
    // From the sha locate() read, so that HEAD moving meanwhile cannot mix two states in one scan.
    const args = ['log', '-z', '--boundary', markedCommitLogFormat(trailerKey), rangeAhead(baseSha, options.headSha), '--'];
    // Parsed as git writes it: 10,000 commits parse while git is still walking history.
    const reader = new CommitLogReader(true, options.onCommit, this.maxFieldChars);
    try {
      await this.runner.stream(args, (piece) => reader.push(piece), options.signal);
      return reader.end();
    } catch (e) {
      if (isMissingCommit(e)) return undefined;
      throw e;
    }
  }

  async filesOfTrailerCommits(baseSha: string | undefined, trailerKey: string, headSha?: string): Promise<Map<string, string[]>> {
    // Listing files makes git diff each commit it shows, by far the dearest part of a log:
    // --grep drops the commits without a line that can be the trailer before any diff runs.
    const args = ['log', '-z', FILE_LIST_FORMAT, ...trailerKeyGrep(trailerKey), '--name-only', '--no-renames', rangeAhead(baseSha, headSha), '--'];
    return parseFileLists((await this.runner.run(args)).stdout);
  }

  async filesOfCommits(shas: readonly string[]): Promise<Map<string, string[]>> {
    const ids = [...new Set(shas.map(objectId))];
    const batches: string[][] = [];
    // Batches keep each command line far below Windows' 32,767-character limit.
    for (let i = 0; i < ids.length; i += COMMITS_PER_CALL) batches.push(ids.slice(i, i + COMMITS_PER_CALL));
    const outputs = await Promise.all(
      batches.map((batch) => this.runner.run(['log', '-z', '--no-walk=unsorted', FILE_LIST_FORMAT, '--name-only', '--no-renames', ...batch, '--'])),
    );
    return new Map(outputs.flatMap((out) => [...parseFileLists(out.stdout)]));
  }

  async countedCommits(baseSha: string, headSha: string): Promise<Set<string> | undefined> {
    const range = `${objectId(baseSha)}..${objectId(headSha)}`;
    // At the top level every commit is the folder's: no pathspec, so git compares no trees. In a
    // sub-folder git must; any pathspec there walks the range several times slower.
    // --full-history: every commit that changes the paths, not only those history simplification keeps.
    const inFolder = this.knownLayout()?.layout.prefix === ''
      ? ['log', '-z', '--format=%H', '--no-merges', range, '--']
      : ['log', '-z', '--format=%H', '--no-merges', '--full-history', range, '--', '.'];
    // The commits that touch .value/, with all their files in the folder (--full-diff, --relative):
    // those with none outside .value/ are bookkeeping. One path that rarely changes keeps this walk
    // cheap, unlike an exclude pathspec, which makes git compare whole trees.
    const touchingValue = ['log', '-z', FILE_LIST_FORMAT, '--name-only', '--relative', '--full-diff', '--no-renames', '--no-merges', '--full-history', range, '--', VALUE_DIR];
    try {
      const [folder, value] = await Promise.all([this.runner.run(inFolder), this.runner.run(touchingValue)]);
      const counted = new Set(folder.stdout.split('\0').map((s) => s.trim()).filter((s) => isObjectId(s)));
      for (const [sha, files] of parseFileLists(value.stdout)) if (!files.some(isWork)) counted.delete(sha);
      return counted;
    } catch (e) {
      if (isMissingCommit(e)) return undefined;
      throw e;
    }
  }

  async countedBeyond(baseSha: string, headSha: string, seenSha: string, most: number): Promise<JudgedCommits> {
    return this.judge([`--max-count=${Math.max(1, Math.floor(most))}`, objectId(headSha), `^${objectId(seenSha)}`, `^${objectId(baseSha)}`]);
  }

  /** Each commit `revisions` list against its first parent, its files in the folder only (--relative). */
  private async judge(revisions: readonly string[]): Promise<JudgedCommits> {
    const out = await this.runner.run(['log', '-z', JUDGED_FORMAT, '--name-only', '--relative', '--no-renames', ...revisions, '--']);
    // As countedCommits decides: at the top level, every commit but merges and bookkeeping (an empty one too).
    const atTop = this.knownLayout()?.layout.prefix === '';
    const listed: string[] = [];
    const counted = new Set<string>();
    for (const [record, files] of parseFileLists(out.stdout, isJudgedRecord)) {
      const [sha = '', ...parents] = record.split(' ');
      listed.push(sha);
      if (parents.length <= 1 && (files.some(isWork) || (atTop && files.length === 0))) counted.add(sha);
    }
    return { listed, counted };
  }

  async resolveCommit(ref: string): Promise<string | undefined> {
    if (!isRevisionName(ref)) throw new InvalidGitInputError(`Not a branch, tag or commit: ${JSON.stringify(ref)}`);
    const out = await this.runner.run(['rev-parse', '-q', '--verify', `${ref}^{commit}`], [1]);
    const sha = out.stdout.trim();
    return out.exitCode === 0 && isObjectId(sha) ? sha : undefined;
  }

  async changedFiles(mergeBase: string, headSha?: string): Promise<ChangedFile[]> {
    // -M, whatever diff.renames says: a rename is one changed file (its old path kept in `from`),
    // as `git diff --name-only` and code review count it.
    const out = await this.runner.run(['diff', '--name-status', '-z', '-M', '--no-ext-diff', objectId(mergeBase), headSha === undefined ? 'HEAD' : objectId(headSha), '--']);
    return parseNameStatus(out.stdout);
  }

  async uncommittedFiles(): Promise<ChangedFile[]> {
    // No optional locks: a background refresh must not take index.lock from under the user's own git.
    // --branch makes the answer never empty: simple-git waits 50 ms more for a process that printed
    // nothing (a clean work tree after a save); --no-ahead-behind keeps that header free.
    const out = await this.runner.run(['--no-optional-locks', 'status', '--porcelain=v1', '-z', '--branch', '--no-ahead-behind', '--untracked-files=all', '--no-renames']);
    return parsePorcelainStatus(out.stdout);
  }

  async commitsTouching(file: string, limit: number, trailerKey: string): Promise<CommitRecord[]> {
    const count = Math.max(1, Math.floor(limit));
    const args = ['log', '-z', `--max-count=${count}`, commitLogFormat(trailerKey), 'HEAD', '--', file];
    return this.readCommits(await this.atTopLevel(args));
  }

  async trailerIdsTouching(file: string, limit: number, trailerKey: string, headSha?: string): Promise<string[]> {
    const count = Math.max(1, Math.floor(limit));
    const args = ['log', '-z', `--max-count=${count}`, trailerValuesFormat(trailerKey), headSha === undefined ? 'HEAD' : objectId(headSha), '--', file];
    const reader = new TrailerValuesReader(this.maxFieldChars);
    await this.runner.stream(await this.atTopLevel(args), (piece) => reader.push(piece));
    return reader.end();
  }

  async trailerIdsOfFile(folderPath: string, limit: number, trailerKey: string): Promise<string[]> {
    const count = Math.max(1, Math.floor(limit));
    // From the folder itself, so no rev-parse is needed to find the top level; literal, for the Bloom filters.
    const args = ['--literal-pathspecs', 'log', '-z', `--max-count=${count}`, trailerValuesFormat(trailerKey), 'HEAD', '--', folderPath];
    const reader = new TrailerValuesReader(this.maxFieldChars);
    try {
      await this.runner.stream(args, (piece) => reader.push(piece));
    } catch (e) {
      // An unborn branch has no history yet; a HEAD naming a missing commit is git's error to tell.
      if (e instanceof GitCommandError && e.exitCode === 128 && /does not have any commits yet|bad (?:default )?revision 'HEAD'/.test(e.stderr)) return [];
      throw e;
    }
    return reader.end();
  }

  /** The commits of a `git log -z <commitLogFormat>`, read as git writes them: no field is kept whole past the cap. */
  private async readCommits(args: readonly string[]): Promise<CommitRecord[]> {
    const reader = new CommitLogReader(false, undefined, this.maxFieldChars);
    await this.runner.stream(args, (piece) => reader.push(piece));
    return reader.end().commits;
  }

  /**
   * `args`, whose pathspecs are repository-relative paths, run from the top level with every
   * pathspec literal: a path with `*`, `[` or a leading `:` is no pattern or magic. Not `:(top,literal)`:
   * any magic but `literal` keeps git from using the commit-graph's changed-path Bloom filters
   * (a file's history on git/git takes 371 ms instead of 47).
   */
  private async atTopLevel(args: readonly string[]): Promise<string[]> {
    const top = this.knownLayout()?.layout.topLevel ?? (await this.runner.run(['rev-parse', '--show-toplevel'])).stdout.replace(/\n$/, '');
    return ['-C', top, '--literal-pathspecs', ...args];
  }

  async commitHistory(trailerKey: string, since?: string, tipSha?: string): Promise<CommitRecord[]> {
    if (since !== undefined && !ISO_DATE.test(since)) throw new InvalidGitInputError(`Not a date written YYYY-MM-DD: ${JSON.stringify(since)}`);
    // The rule of countedCommits: merges carry no work of their own, `.value/` is bookkeeping.
    const tip = tipSha === undefined ? 'HEAD' : objectId(tipSha);
    const args = ['log', '-z', '--no-merges', '--full-history', commitLogFormat(trailerKey), ...(since === undefined ? [] : [`--since=${since}T00:00:00`]), tip, '--', ...WORK_PATHSPEC];
    try {
      return await this.readCommits(args);
    } catch (e) {
      // Exit 128 is also "HEAD has no commits yet"; anything else with 128 still throws.
      if (!(e instanceof GitCommandError && e.exitCode === 128)) throw e;
      const head = await this.runner.run(['rev-parse', '-q', '--verify', 'HEAD^{commit}'], [1]);
      if (head.exitCode === 1) return [];
      throw e;
    }
  }

  /** Where the work tree and git directories are, and HEAD's commit (undefined when it has none yet), in one rev-parse. */
  private async location(): Promise<Location & { headSha: string | undefined; headRef: string | undefined }> {
    // rev-parse prints each answer as it goes: the --show-* lines, HEAD's commit, then HEAD's ref
    // (`HEAD` itself when detached). Without a commit it stops at HEAD^{commit} with exit 128,
    // after the --show-* lines; outside a repository it prints none of them. `--` ends the revisions,
    // so a file named HEAD cannot make them ambiguous.
    const out = await this.runner.run(
      ['rev-parse', '--show-toplevel', '--absolute-git-dir', '--git-common-dir', '--is-shallow-repository', '--show-prefix', 'HEAD^{commit}', '--symbolic-full-name', 'HEAD', '--'],
      [128],
    );
    const [topLevel, gitDir, common, shallow, prefix, verified, symbolic] = out.stdout.split('\n');
    if (!topLevel || !gitDir || !common || shallow === undefined) throw new NotARepositoryError(this.runner.cwd);
    const headSha = out.exitCode === 0 && verified !== undefined && isObjectId(verified) ? verified : undefined;
    if (out.exitCode === 0 && headSha === undefined) throw new GitCommandError(['rev-parse', 'HEAD^{commit}'], 0, 'no commit id in the answer', out.stdout);
    const commonGitDir = path.resolve(this.runner.cwd, common);
    return {
      topLevel,
      prefix: prefix ?? '',
      gitDir,
      commonGitDir,
      isLinkedWorktree: path.resolve(gitDir) !== commonGitDir,
      isShallow: shallow === 'true',
      rebaseInProgress: rebaseInProgress(gitDir),
      headSha,
      headRef: headSha !== undefined && symbolic?.startsWith('refs/') ? symbolic : undefined,
    };
  }

  /** The ref an unborn HEAD names (`refs/heads/main` right after `git init`). */
  private async unbornBranchRef(): Promise<string | undefined> {
    const out = await this.runner.run(['symbolic-ref', '-q', 'HEAD'], [1]);
    return out.exitCode === 0 ? out.stdout.trim() : undefined;
  }

  /** Reads the given refs in one `for-each-ref` call; keys are exact ref names. */
  private async readRefs(refs: readonly string[]): Promise<Map<string, RefRow>> {
    const format = '--format=%(refname)%00%(objectname)%00%(symref)%00%(upstream:short)%00%(HEAD)';
    const out = await this.runner.run(['for-each-ref', format, '--', ...new Set(refs)]);
    const rows = new Map<string, RefRow>();
    for (const line of out.stdout.split('\n')) {
      const [name, objectName, symref, upstream, head] = line.split('\0');
      if (name && objectName) rows.set(name, { objectName, symref: symref ?? '', upstream: upstream ?? '', isHead: head === '*' });
    }
    return rows;
  }
}

/** The state locate() answers, from where the repository is, HEAD, and the refs read. */
function resolveState(location: Location, sha: string | undefined, headRef: string | undefined, refs: ReadonlyMap<string, RefRow>, candidates: readonly BaseCandidate[], configured: string | undefined): RepoState {
  const branch = branchOf(headRef);
  const head: HeadState =
    sha === undefined
      ? { kind: 'unborn', branch: branch ?? '' }
      : branch !== undefined
        ? { kind: 'branch', branch, sha, shortSha: sha.slice(0, 7) }
        : { kind: 'detached', sha, shortSha: sha.slice(0, 7) };
  const upstream = headRef ? refs.get(headRef)?.upstream : undefined;
  const found = findBase(candidates, refs, branch);
  const state = { ...location, head, ...(upstream ? { upstream } : {}) };
  if (sha === undefined) return { ...state, ...(found ? { base: found } : {}), ...degradedBy(message('gitNoCommitsYet', branch ?? 'HEAD')) };
  if (!found) return { ...state, ...degradedBy(missingBaseReason(configured, location.isShallow)) };
  return { ...state, base: found };
}

/** Whether the environment tells git where the repository is, instead of the folder. */
function redirectedByEnv(): boolean {
  return ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_COMMON_DIR', 'GIT_SHALLOW_FILE'].some((name) => process.env[name] !== undefined);
}

function pickLayout({ topLevel, prefix, gitDir, commonGitDir, isLinkedWorktree }: Layout): Layout {
  return { topLevel, prefix, gitDir, commonGitDir, isLinkedWorktree };
}

/** Git keeps the shallow boundary in the common git directory, which linked worktrees share. */
function isShallowAt(commonGitDir: string): boolean {
  return fs.existsSync(path.join(commonGitDir, 'shallow'));
}

function rebaseInProgress(gitDir: string): boolean {
  return ['rebase-merge', 'rebase-apply'].some((d) => fs.existsSync(path.join(gitDir, d)));
}

interface BaseCandidate {
  readonly ref: string;
  readonly source: BaseSource;
}

function baseCandidates(configured: string | undefined): BaseCandidate[] {
  // A CI checkout (actions/checkout, GitLab) has origin/main but no local main: both count.
  if (configured !== undefined) {
    return [
      { ref: `refs/heads/${configured}`, source: 'config' },
      { ref: `refs/remotes/${configured}`, source: 'config' },
      { ref: `refs/remotes/origin/${configured}`, source: 'config' },
    ];
  }
  return [
    { ref: 'refs/remotes/origin/HEAD', source: 'origin/HEAD' },
    { ref: 'refs/heads/main', source: 'main' },
    { ref: 'refs/heads/master', source: 'master' },
    { ref: 'refs/remotes/origin/main', source: 'main' },
    { ref: 'refs/remotes/origin/master', source: 'master' },
  ];
}

function findBase(candidates: readonly BaseCandidate[], refs: ReadonlyMap<string, RefRow>, branch: string | undefined): BaseBranch | undefined {
  for (const { ref, source } of candidates) {
    const row = refs.get(ref);
    if (!row || !isObjectId(row.objectName)) continue;
    // origin/HEAD is a symbolic ref: name the branch it points to.
    const target = row.symref || ref;
    // `git clone --branch feature/x` (typical in CI) points origin/HEAD at origin/feature/x:
    // a branch is not its own base, so look further (main and master stay valid bases of themselves).
    if (source === 'origin/HEAD' && branch !== undefined && !['main', 'master'].includes(branch) && target === `refs/remotes/origin/${branch}`) continue;
    return { name: shortRefName(target), ref: target, source, sha: row.objectName };
  }
  return undefined;
}

/** Git's answer when a ref names a commit this repository does not have (a broken or half-fetched ref). */
function isMissingCommit(e: unknown): boolean {
  return e instanceof GitCommandError && e.exitCode === 128 && /invalid revision range|bad object|bad revision|not a valid commit name/i.test(e.stderr);
}

function fileStamp(file: string): string {
  const stat = fs.statSync(file, { bigint: true, throwIfNoEntry: false });
  return stat ? `${stat.ino}:${stat.size}:${stat.mtimeNs}` : '-';
}

/** The branch a ref HEAD points to names (`refs/heads/feature/x` → `feature/x`). */
function branchOf(headRef: string | undefined): string | undefined {
  return headRef?.replace(/^refs\/heads\//, '');
}

function shortRefName(ref: string): string {
  return ref.replace(/^refs\/(?:heads|remotes)\//, '');
}

function missingBaseReason(configured: string | undefined, shallow: boolean): MessageRef {
  if (configured !== undefined) return message('gitConfiguredBaseMissing', configured);
  if (shallow) return message('gitShallowNoBase');
  return message('gitNoBase');
}

/** The `git log` range of the commits ahead of `baseSha` up to `headSha` (HEAD when absent): all of its history without a base. */
function rangeAhead(baseSha: string | undefined, headSha?: string): string {
  const head = headSha === undefined ? 'HEAD' : objectId(headSha);
  return baseSha === undefined ? head : `${objectId(baseSha)}..${head}`;
}

/** `HEAD`, an abbreviated or full object id, or a ref name (`main`, `origin/main`, `v1.2`, `refs/tags/x`): never an option. */
function isRevisionName(ref: string): boolean {
  if (ref === 'HEAD' || /^[0-9a-f]{4,64}$/.test(ref)) return true;
  return !ref.startsWith('-') && isValidRefName(ref.startsWith('refs/') ? ref : `refs/heads/${ref}`);
}

function objectId(sha: string): string {
  if (!isObjectId(sha)) throw new InvalidGitInputError(`Not an object id: ${JSON.stringify(sha)}`);
  return sha;
}
