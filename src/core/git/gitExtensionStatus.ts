import * as path from 'path';
import type { ChangedFile } from './fileChanges';
import { relativeInside } from '../pathInside';

/**
 * Values of the built-in Git extension's `Status` (API 1) that every VS Code version gives the
 * same number. Later values moved when new ones were inserted, so they are not read one by one.
 */
const Status = {
  INDEX_MODIFIED: 0,
  INDEX_ADDED: 1,
  INDEX_DELETED: 2,
  INDEX_RENAMED: 3,
  INDEX_COPIED: 4,
  MODIFIED: 5,
  DELETED: 6,
  UNTRACKED: 7,
  IGNORED: 8,
  INTENT_TO_ADD: 9,
} as const;

/** One change as the Git extension lists it: absolute paths (the same for all but a rename) and its status. */
export interface GitExtensionChange {
  readonly path: string;
  readonly originalPath: string;
  readonly status: number;
}

/** The lists of a repository's state in the Git extension, as its Source Control view shows them. */
export interface GitExtensionChanges {
  readonly index: readonly GitExtensionChange[];
  readonly workingTree: readonly GitExtensionChange[];
  /** Empty unless `git.untrackedChanges` is `separate`; with `mixed` they are in `workingTree`. */
  readonly untracked: readonly GitExtensionChange[];
  readonly merge: readonly GitExtensionChange[];
}

/**
 * The uncommitted files of the Git extension's lists, as {@link parsePorcelainStatus} reads them
 * from `git status --porcelain -z --no-renames`: repository-relative `/` paths, tracked files
 * sorted and then untracked ones, porcelain `XY` codes, a staged rename as its old path deleted
 * and its new path added. Undefined when a
 * path lies outside `topLevel`: then the lists are not this repository's.
 */
export function changesFromGitExtension(topLevel: string, changes: GitExtensionChanges): ChangedFile[] | undefined {
  const codes = new Map<string, [string, string]>();
  let outside = false;
  const mark = (file: string, index: string | undefined, workTree: string | undefined): void => {
    const relative = relativeInside(topLevel, file);
    if (relative === undefined || relative === '') {
      outside = true;
      return;
    }
    const key = relative.split(path.sep).join('/');
    const code = codes.get(key) ?? [' ', ' '];
    if (index) code[0] = index;
    if (workTree) code[1] = workTree;
    codes.set(key, code);
  };
  for (const change of changes.index) {
    if (change.status === Status.INDEX_RENAMED) {
      mark(change.originalPath, 'D', undefined);
      mark(change.path, 'A', undefined);
    } else mark(change.path, indexCode(change.status), undefined);
  }
  for (const change of [...changes.workingTree, ...changes.untracked]) {
    if (change.status === Status.IGNORED) continue;
    if (change.status === Status.UNTRACKED) mark(change.path, '?', '?');
    else mark(change.path, undefined, workTreeCode(change.status));
  }
  // Both sides changed the file (a conflict): `UU` and its kin.
  for (const change of changes.merge) mark(change.path, 'U', 'U');
  if (outside) return undefined;
  const files = [...codes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([file, [x, y]]) => ({ path: file, status: `${x}${y}` }));
  // git status lists the tracked files first, then the untracked ones.
  return [...files.filter((f) => f.status !== '??'), ...files.filter((f) => f.status === '??')];
}

function indexCode(status: number): string {
  switch (status) {
    case Status.INDEX_ADDED:
    case Status.INDEX_COPIED:
      return 'A';
    case Status.INDEX_DELETED:
      return 'D';
    default:
      return 'M';
  }
}

function workTreeCode(status: number): string {
  switch (status) {
    case Status.DELETED:
      return 'D';
    case Status.INTENT_TO_ADD:
      return 'A';
    default:
      // MODIFIED, and the later values (a type change, an intent to rename): the file differs.
      return 'M';
  }
}
