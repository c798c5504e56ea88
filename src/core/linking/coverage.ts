import type { CommitRecord } from '../git/commitLog';
import type { ChangedFile } from '../git/fileChanges';

/** A commit ahead of base with its trailer ids sorted into existing and unknown intents. */
export interface LinkedCommit extends CommitRecord {
  /** Trailer ids that name existing intents; the commit is linked iff this is non-empty. */
  readonly intents: readonly string[];
  /** Trailer ids that name no intent. */
  readonly unknownIds: readonly string[];
}

/** A changed file and why it counts as linked. */
export interface LinkedFile {
  /** Folder-relative path. */
  readonly path: string;
  /** Status from `git diff --name-status`, or porcelain `XY` for uncommitted changes. */
  readonly status: string;
  readonly uncommitted: boolean;
  /** Intents whose `paths` cover the file. */
  readonly pathIntents: readonly string[];
  /** Linked commits ahead of base that touched the file. */
  readonly linkedBy: readonly string[];
  readonly linked: boolean;
}

/** An intent id named by a trailer that does not exist. */
export interface UnknownTrailer {
  readonly sha: string;
  readonly id: string;
}

export interface Coverage {
  readonly commits: { readonly total: number; readonly linked: number };
  readonly files: { readonly total: number; readonly linked: number };
  readonly unlinkedCommits: readonly string[];
  readonly unlinkedFiles: readonly string[];
}

/** What git says changed on the branch, folder-relative, and what `paths` cover. */
export interface FileChanges {
  /** Files changed since the merge-base. */
  readonly committedFiles: readonly ChangedFile[];
  /** Uncommitted files. */
  readonly uncommittedFiles: readonly ChangedFile[];
  /** Intents whose `paths` cover a folder-relative path. */
  readonly pathIntents: (path: string) => readonly string[];
}

/** The file half of coverage. */
export interface FileLinks {
  readonly files: readonly LinkedFile[];
  readonly coverage: Pick<Coverage, 'files' | 'unlinkedFiles'>;
}

/** The commit half of coverage: which commits are linked, and the trailers naming no intent. */
export interface CommitLinks {
  readonly commits: readonly LinkedCommit[];
  /** The existing intents the commits' trailers name, in the order first met. */
  readonly namedIntents: ReadonlySet<string>;
  readonly coverage: Pick<Coverage, 'commits' | 'unlinkedCommits'>;
  readonly unknownTrailers: readonly UnknownTrailer[];
}

// Shared by the many commits with no intents or no unknown ids: one empty array, not 10,000.
const NONE: readonly string[] = Object.freeze([]);

/**
 * Sorts each commit's trailer ids into existing intents and unknown ids: a commit is linked iff
 * its trailers name at least one existing intent (unknown ids alone do not link it).
 */
export function linkCommits(commits: readonly CommitRecord[], knownIntents: ReadonlySet<string>): CommitLinks {
  const linker = new CommitLinker(knownIntents);
  for (const commit of commits) linker.add(commit);
  return linker.result();
}

/**
 * {@link linkCommits} one commit at a time, so that a log can be linked while git still writes
 * it: the result is the same as linking the whole list at once.
 */
export class CommitLinker {
  private readonly linked: LinkedCommit[] = [];
  private readonly unknownTrailers: UnknownTrailer[] = [];
  private readonly unlinkedCommits: string[] = [];
  private readonly namedIntents = new Set<string>();

  constructor(readonly knownIntents: ReadonlySet<string>) {}

  /** Links the next commit, newest first as git lists them. */
  add(commit: CommitRecord): void {
    const { knownIntents } = this;
    // Spelled out rather than spread: one object shape for every commit keeps 10,000 of them cheap.
    const { sha, subject, author, date, trailerIds, files } = commit;
    let intents = NONE;
    let unknownIds = NONE;
    if (trailerIds.length > 0) {
      intents = trailerIds.filter((id) => knownIntents.has(id));
      for (const id of intents) this.namedIntents.add(id);
      if (intents.length < trailerIds.length) {
        unknownIds = trailerIds.filter((id) => !knownIntents.has(id));
        for (const id of unknownIds) this.unknownTrailers.push({ sha, id });
      }
    }
    if (intents.length === 0) this.unlinkedCommits.push(sha);
    this.linked.push({ sha, subject, author, date, trailerIds, files, intents, unknownIds });
  }

  /** The links of the commits added so far. */
  result(): CommitLinks {
    const { linked, unlinkedCommits } = this;
    return {
      commits: linked,
      namedIntents: this.namedIntents,
      unknownTrailers: this.unknownTrailers,
      coverage: { commits: { total: linked.length, linked: linked.length - unlinkedCommits.length }, unlinkedCommits },
    };
  }
}

/**
 * The file half of value coverage (PRODUCT.md §2): a changed file (committed or not, counted once)
 * is linked iff an intent's `paths` cover it (or, renamed, its old path) or a linked commit (see
 * {@link linkCommits}) touched it. `commits` carry the folder-relative files of the linked ones.
 */
export function linkFiles(commits: readonly LinkedCommit[], changes: FileChanges): FileLinks {
  const touchedBy = new Map<string, string[]>();
  for (const commit of commits) {
    if (commit.intents.length === 0) continue;
    for (const file of commit.files) {
      const list = touchedBy.get(file);
      if (list) list.push(commit.sha);
      else touchedBy.set(file, [commit.sha]);
    }
  }

  const files = new Map<string, LinkedFile>();
  const addFile = (change: ChangedFile, uncommitted: boolean): void => {
    if (files.has(change.path)) return;
    const { from } = change;
    // A rename stays linked by what covered its old path, and by the linked commits that touched it there.
    const pathIntents = from === undefined ? changes.pathIntents(change.path) : [...new Set([...changes.pathIntents(change.path), ...changes.pathIntents(from)])];
    const linkedBy = from === undefined ? (touchedBy.get(change.path) ?? []) : [...new Set([...(touchedBy.get(change.path) ?? []), ...(touchedBy.get(from) ?? [])])];
    files.set(change.path, { path: change.path, status: change.status, uncommitted, pathIntents, linkedBy, linked: pathIntents.length > 0 || linkedBy.length > 0 });
  };
  for (const change of changes.committedFiles) addFile(change, false);
  for (const change of changes.uncommittedFiles) addFile(change, true);
  const fileList = [...files.values()];

  const linkedFiles = fileList.filter((f) => f.linked).length;
  return {
    files: fileList,
    coverage: {
      files: { total: fileList.length, linked: linkedFiles },
      unlinkedFiles: fileList.filter((f) => !f.linked).map((f) => f.path),
    },
  };
}
