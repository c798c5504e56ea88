import { commitLogFormat, CommitLogReader } from './commitLog';
import type { CommitRecord } from './commitLog';
import { GitCommandError, InvalidGitInputError } from './gitErrors';
import { createGitRunner } from './gitRunner';
import type { GitRunner, GitRunnerOptions } from './gitRunner';
import { isValidBranchName, isValidRefName } from './refName';

export interface TagInfo {
  /** Short name, `v2.4.0`. */
  readonly name: string;
  /** The commit it points at (peeled through annotated tags). */
  readonly sha: string;
}

export interface BranchInfo {
  /** Short name: `main`, `origin/main`. */
  readonly name: string;
  readonly remote: boolean;
  /** ISO 8601 date of the tip commit. */
  readonly date: string;
}

/** A file in a tree at some ref, with its text when it was asked for. */
export interface TreeFile {
  /** Path relative to the folder the ops were opened on. */
  readonly path: string;
  readonly text?: string;
}

/**
 * The branch, tag and commit operations the release flows need, for one folder. Every call runs
 * git with argument arrays; names from users are validated before git sees them, so none can be
 * read as an option.
 */
export class BranchOps {
  private readonly runner: GitRunner;

  constructor(folder: string, options: GitRunnerOptions = {}) {
    this.runner = createGitRunner(folder, options);
  }

  /** The folder git runs hooks from (`core.hooksPath` or `.git/hooks`, worktrees included), absolute. */
  async hooksDir(): Promise<string> {
    return (await this.runner.run(['rev-parse', '--path-format=absolute', '--git-path', 'hooks'])).stdout.trim();
  }

  /** Local and remote-tracking branches, most recently committed first (no `origin/HEAD`). */
  async branches(): Promise<BranchInfo[]> {
    const out = await this.runner.run(['for-each-ref', '--sort=-committerdate', '--format=%(refname)%00%(committerdate:iso-strict)', 'refs/heads', 'refs/remotes']);
    return out.stdout.split('\n').flatMap((line) => {
      const [ref, date] = line.split('\0');
      if (!ref || ref.endsWith('/HEAD')) return [];
      const remote = ref.startsWith('refs/remotes/');
      return [{ name: ref.replace(/^refs\/(?:heads|remotes)\//, ''), remote, date: date ?? '' }];
    });
  }

  /** Tags, newest first by the date of what they point at. */
  async tags(): Promise<TagInfo[]> {
    const out = await this.runner.run(['for-each-ref', '--sort=-creatordate', '--format=%(refname:short)%00%(objectname)%00%(*objectname)', 'refs/tags']);
    return out.stdout.split('\n').flatMap((line) => {
      const [name, object, peeled] = line.split('\0');
      return name && object ? [{ name, sha: peeled || object }] : [];
    });
  }

  /** The commit `rev` names, or undefined when it names none. */
  async resolveCommit(rev: string): Promise<string | undefined> {
    const out = await this.runner.run(['rev-parse', '-q', '--verify', '--end-of-options', `${checkedRev(rev)}^{commit}`], [1, 128]);
    return out.exitCode === 0 ? out.stdout.trim() : undefined;
  }

  /** True when `refs/heads/<name>` exists. */
  async hasLocalBranch(name: string): Promise<boolean> {
    const out = await this.runner.run(['show-ref', '--verify', '--quiet', `refs/heads/${checkedBranch(name)}`], [1]);
    return out.exitCode === 0;
  }

  /** True when there are staged or unstaged changes to tracked files (untracked files do not count). */
  async hasUncommittedChanges(): Promise<boolean> {
    const out = await this.runner.run(['--no-optional-locks', 'status', '--porcelain=v1', '--untracked-files=no']);
    return out.stdout.trim().length > 0;
  }

  /**
   * Creates `name` at `base` and checks it out in one `git switch -c`: when git refuses (local
   * changes in the way), the branch is not created either. No upstream is set.
   */
  async createAndSwitch(name: string, base: string): Promise<void> {
    await this.runner.run(['switch', '--no-track', '-c', checkedBranch(name), checkedRev(base)]);
  }

  /** Commits exactly `file` (folder-relative) with `message` paragraphs; other staged changes stay staged. */
  async commitFile(file: string, paragraphs: readonly string[]): Promise<string> {
    if (paragraphs.length === 0 || paragraphs.some((p) => p.trim() === '')) throw new InvalidGitInputError('A commit needs a message.');
    const pathspec = `:(literal)${file}`;
    await this.runner.run(['add', '--', pathspec]);
    await this.runner.run(['commit', '--quiet', '--only', ...paragraphs.flatMap((p) => ['-m', p]), '--', pathspec]);
    return (await this.runner.run(['rev-parse', 'HEAD'])).stdout.trim();
  }

  /** Removes `file` from the index again (after a failed commit), keeping it on disk. */
  async unstage(file: string): Promise<void> {
    await this.runner.run(['rm', '--cached', '--quiet', '--ignore-unmatch', '--', `:(literal)${file}`]);
  }

  /** Remote names (`origin`, …). */
  async remotes(): Promise<string[]> {
    return (await this.runner.run(['remote'])).stdout.split('\n').map((r) => r.trim()).filter((r) => r.length > 0);
  }

  /** `git push -u <remote> <branch>`; only ever called when the user asked for it. */
  async push(remote: string, branch: string): Promise<void> {
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(remote)) throw new InvalidGitInputError(`Not a remote name: ${JSON.stringify(remote)}`);
    await this.runner.run(['push', '--set-upstream', remote, `refs/heads/${checkedBranch(branch)}:refs/heads/${branch}`]);
  }

  /** `Name <email>` from git config, or undefined when neither is set. */
  async author(): Promise<string | undefined> {
    const [name, email] = await Promise.all([
      this.runner.run(['config', '--get', 'user.name'], [1]),
      this.runner.run(['config', '--get', 'user.email'], [1]),
    ]);
    const n = name.stdout.trim();
    const e = email.stdout.trim();
    if (!n && !e) return undefined;
    return e ? `${n || e} <${e}>` : n;
  }

  /** Commits reachable from `to` but not from `from` (all of `to`'s history without `from`), with touched files. */
  async commitsBetween(from: string | undefined, to: string, trailerKey: string, limit = 2000): Promise<CommitRecord[]> {
    const range = from === undefined ? [checkedRev(to)] : [`${checkedRev(from)}..${checkedRev(to)}`];
    // Read as git writes it: a huge subject is cut, never held whole.
    const reader = new CommitLogReader(false);
    await this.runner.stream(['log', '-z', `--max-count=${limit}`, commitLogFormat(trailerKey), '--name-only', '--no-renames', ...range, '--'], (piece) => reader.push(piece));
    return reader.end().commits;
  }

  /**
   * The files under `dir` (folder-relative, e.g. `.value/releases`) in the tree of `rev`, with their
   * text when `withText`; empty when `rev` or the folder does not exist there.
   */
  async filesAt(rev: string, dir: string, withText: boolean): Promise<TreeFile[]> {
    const commit = await this.resolveCommit(rev);
    if (!commit) return [];
    // ls-tree prints paths relative to the current folder, so `.value/` in a sub-folder works too.
    const listed = await this.runner.run(['ls-tree', '-r', '-z', '--name-only', commit, '--', `${dir}/`]);
    const paths = listed.stdout.split('\0').filter((p) => p.length > 0);
    if (!withText) return paths.map((path) => ({ path }));
    return Promise.all(paths.map(async (path) => {
      const shown = await this.runner.run(['cat-file', '-p', `${commit}:./${path}`], [128]);
      return shown.exitCode === 0 ? { path, text: shown.stdout } : { path };
    }));
  }
}

function checkedBranch(name: string): string {
  if (!isValidBranchName(name)) throw new InvalidGitInputError(`Not a valid branch name: ${JSON.stringify(name)}`);
  return name;
}

/** A branch, remote branch, tag or object id; never something git could take for an option or a range. */
function checkedRev(rev: string): string {
  if (/^[0-9a-f]{7,64}$/.test(rev)) return rev;
  if (rev.startsWith('-') || !isValidRefName(`refs/x/${rev}`)) throw new InvalidGitInputError(`Not a valid branch or tag name: ${JSON.stringify(rev)}`);
  return rev;
}

/** The first line git printed on stderr for a failed command, for messages that say what happened. */
export function gitFailureReason(e: unknown): string {
  if (e instanceof GitCommandError) return e.stderr.trim().split('\n').find((l) => l.trim().length > 0)?.replace(/^(fatal|error): /, '') ?? e.message;
  return e instanceof Error ? e.message : String(e);
}
