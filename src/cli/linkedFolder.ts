import { promises as fs } from 'fs';
import * as path from 'path';
import { GitCommandError, GitMissingError, InvalidGitInputError, NotARepositoryError } from '../core/git/gitErrors';
import { SimpleGitPort } from '../core/git/simpleGitPort';
import type { BranchScan } from '../core/linking/linkingEngine';
import { LinkingEngine } from '../core/linking/linkingEngine';
import { readValueFolder } from '../core/model/readValueFolder';
import type { ValueModel } from '../core/model/valueModel';
import { VALUE_DIR } from '../core/valueFolder';

/** A folder with `.value/`, its model, and the linking engine after one branch scan. */
export interface LinkedFolder {
  readonly root: string;
  readonly model: ValueModel;
  readonly engine: LinkingEngine;
  readonly scan: BranchScan;
}

/**
 * Either the folder, or one line that says why there is none (for stderr, exit 2); `outside`
 * when no folder at or above the start has `.value/` or `.git`.
 */
export type LinkedFolderResult =
  | { readonly ok: true; readonly folder: LinkedFolder }
  | { readonly ok: false; readonly reason: string; readonly outside?: true };

type RootSearch =
  | { readonly kind: 'found'; readonly root: string }
  | { readonly kind: 'no-value-folder'; readonly topLevel: string }
  | { readonly kind: 'none' };

/** Whether `p` is an existing folder (following symbolic links). */
export async function isFolder(p: string): Promise<boolean> {
  try {
    return (await fs.stat(p)).isDirectory();
  } catch {
    return false;
  }
}

async function exists(p: string): Promise<boolean> {
  try {
    await fs.lstat(p);
    return true;
  } catch {
    return false;
  }
}

/**
 * The nearest folder at or above `start` that holds `.value/`. The walk ends at the work
 * tree's top level (the first folder with a `.git` entry, a folder or a worktree's file):
 * a `.value/` further up belongs to another repository, whose git cannot see these files.
 */
async function findValueRoot(start: string): Promise<RootSearch> {
  let dir = path.resolve(start);
  for (;;) {
    if (await isFolder(path.join(dir, VALUE_DIR))) return { kind: 'found', root: dir };
    if (await exists(path.join(dir, '.git'))) return { kind: 'no-value-folder', topLevel: dir };
    const parent = path.dirname(dir);
    if (parent === dir) return { kind: 'none' };
    dir = parent;
  }
}

/** One line for a git failure a user can act on; undefined for anything else (a bug). */
function repositoryProblem(e: unknown): string | undefined {
  const known = e instanceof GitMissingError || e instanceof NotARepositoryError || e instanceof GitCommandError || e instanceof InvalidGitInputError;
  return known ? (e.message.split('\n', 1)[0] ?? e.message) : undefined;
}

/** A folder with `.value/`, its model and a linking engine that has run no git yet. */
export type ValueFolderResult =
  | { readonly ok: true; readonly folder: Omit<LinkedFolder, 'scan'> }
  | { readonly ok: false; readonly reason: string; readonly outside?: true };

/**
 * Finds the folder whose `.value/` applies to `start` (an existing folder) and reads the model,
 * without running git: `why` needs one file's history, not a scan of the branch.
 */
export async function openValueFolder(start: string, baseBranch?: string): Promise<ValueFolderResult> {
  const search = await findValueRoot(start);
  if (search.kind === 'none') return { ok: false, reason: `no .value/ folder and no git repository in ${start} or any folder above it`, outside: true };
  if (search.kind === 'no-value-folder') {
    const where = search.topLevel === path.resolve(start) ? search.topLevel : `${start} or above it up to the repository top level ${search.topLevel}`;
    return { ok: false, reason: `no .value/ folder in ${where}` };
  }
  const { root } = search;
  const { model } = await readValueFolder(root);
  const intents = [...model.intents.values()].map((entry) => entry.intent);
  const config = baseBranch === undefined ? model.config : { ...model.config, baseBranch };
  const engine = new LinkingEngine(root, new SimpleGitPort(root), { intents, config });
  return { ok: true, folder: { root, model, engine } };
}

/**
 * {@link openValueFolder}, then a scan of the current branch with the same engine the extension
 * uses, against `baseBranch` when given instead of the configured one. Git and folder problems
 * come back as a one-line reason; anything unexpected is thrown.
 */
export async function openLinkedFolder(start: string, baseBranch?: string): Promise<LinkedFolderResult> {
  const opened = await openValueFolder(start, baseBranch);
  if (!opened.ok) return opened;
  const { folder } = opened;
  const scan = await withGitReason(() => folder.engine.refresh());
  return scan.ok ? { ok: true, folder: { ...folder, scan: scan.value } } : scan;
}

/** Runs one more engine call, mapping git failures to a one-line reason like {@link openLinkedFolder}. */
export async function withGitReason<T>(run: () => Promise<T>): Promise<{ readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string }> {
  try {
    return { ok: true, value: await run() };
  } catch (e) {
    const reason = repositoryProblem(e);
    if (reason === undefined) throw e;
    return { ok: false, reason };
  }
}
