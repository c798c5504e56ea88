import { close, constants as fsConstants, fstat, open, promises as fs, read } from 'fs';
import { promisify } from 'util';
import * as path from 'path';
import { CONFIG_FILE, entryNameOf, INTENTS_DIR, RELEASES_DIR, VALUE_DIR } from '../valueFolder';
import { MAX_VALUE_FILE_BYTES } from './parseValueFile';
import type { MessageId, MessageRef } from '../present/messages';
import { message } from '../present/messages';
import { problemOf, shortened, START_OF_FILE } from './problem';
import { ValueModel } from './valueModel';
import { relativeInside } from '../pathInside';

/** How many files are read at once: enough to be quick, few enough not to exhaust file handles. */
const READ_CONCURRENCY = 32;

function reasonOf(e: unknown): { code: string; reason: MessageRef } {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EACCES' || code === 'EPERM') return { code: 'unreadable', reason: message('filePermissionDenied') };
  if (code === 'ELOOP') return { code: 'unreadable', reason: message('fileSymlinkLoop') };
  if (code === 'EISDIR') return { code: 'unreadable', reason: message('fileIsFolder') };
  return { code: 'unreadable', reason: message('fileUnreadable', e instanceof Error ? e.message : String(e)) };
}

// The callback functions, promisified: a FileHandle costs about half again as much per file.
const openFile = promisify(open);
const statOpen = promisify(fstat);
const readInto = promisify(read);
const closeFile = promisify(close);

const NO_FOLLOW = fsConstants.O_NOFOLLOW ?? 0;
const OPEN_FLAGS = fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0) | NO_FOLLOW;

/** Why a symbolic link is not followed: it leads out of the workspace, out of `.value/`, or into the git folder. */
type LinkRefusal = 'outside-workspace' | 'outside-value' | 'git-folder';

/** A link that is not followed: not opened, so nothing of it reaches a message. */
class RefusedLinkError extends Error {
  constructor(readonly target: string, readonly refusal: LinkRefusal) {
    super(`symbolic link to ${target} refused (${refusal})`);
  }
}

/** A symbolic link whose target does not exist: not a deleted file, so it is reported, not skipped. */
class DanglingLinkError extends Error {
  constructor(readonly target: string) {
    super(`symbolic link to ${target}, which does not exist`);
  }
}

/** True when `relative` (to the workspace root) passes through a `.git` folder or file. */
function throughGit(relative: string): boolean {
  return relative.split(path.sep).some((segment) => segment === '.git');
}

/**
 * Where a link to `target` may not lead, or undefined when it may be followed. Only inside the
 * real `.value/` folder and never into git's folder: a pull request could point an intent at
 * .git/config (where CI keeps its token) or a CI-written .env and have `check` quote it.
 */
async function refusalOf(root: string, target: string): Promise<LinkRefusal | undefined> {
  const realRoot = await fs.realpath(root);
  const inRoot = relativeInside(realRoot, target);
  if (inRoot === undefined) return 'outside-workspace';
  if (throughGit(inRoot)) return 'git-folder';
  const realValue = await fs.realpath(path.join(root, VALUE_DIR));
  // The .value folder itself is no file to read either.
  const inValue = relativeInside(realValue, target);
  return inValue === undefined || inValue === '' ? 'outside-value' : undefined;
}

/**
 * Opens a value file; `linked` says whether a symbolic link was followed to get there.
 * O_NOFOLLOW makes links the rare, slower path; a link that loops throws ELOOP from realpath.
 */
async function openInside(root: string, full: string): Promise<{ fd: number; linked: boolean }> {
  try {
    return { fd: await openFile(full, OPEN_FLAGS), linked: false };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ELOOP' || NO_FOLLOW === 0) throw e;
    const target = await fs.realpath(full).catch(async (error: unknown) => {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      throw new DanglingLinkError(await fs.readlink(full).catch(() => '?'));
    });
    const refusal = await refusalOf(root, target);
    if (refusal) throw new RefusedLinkError(target, refusal);
    return { fd: await openFile(full, OPEN_FLAGS & ~NO_FOLLOW), linked: true };
  }
}

const FILE_REFUSALS: Record<LinkRefusal, MessageId> = {
  'outside-workspace': 'fileOutsideRepository',
  'outside-value': 'fileLinkOutsideValue',
  'git-folder': 'fileLinkIntoGit',
};
const FOLDER_REFUSALS: Record<LinkRefusal, MessageId> = {
  'outside-workspace': 'folderOutsideWorkspace',
  'outside-value': 'folderLinkOutsideValue',
  'git-folder': 'folderLinkIntoGit',
};
/** The problem code: `outside-workspace` as before, `link-refused` for the links that stay in the workspace. */
const codeOf = (refusal: LinkRefusal): string => (refusal === 'outside-workspace' ? 'outside-workspace' : 'link-refused');

/** Reads one value file (workspace-relative `file`) into the model, or records why it could not. */
export async function readValueFile(root: string, file: string, model: ValueModel): Promise<void> {
  const full = path.join(root, ...file.split('/'));
  let fd: number | undefined;
  try {
    // One open, fstat, read and close, as fs.readFile does: no stat of its own before. Non-blocking,
    // so a named pipe left in .value/ is opened (and refused below) instead of waiting for a writer.
    const opened = await openInside(root, full);
    fd = opened.fd;
    const stat = await statOpen(fd);
    if (!stat.isFile()) return model.setUnreadable(file, 'unreadable', message('fileNotRegular'));
    if (stat.size > MAX_VALUE_FILE_BYTES) {
      const mb = (stat.size / (1024 * 1024)).toFixed(1);
      return model.setUnreadable(file, 'too-large', message('fileTooLargeMb', mb, MAX_VALUE_FILE_BYTES / (1024 * 1024)));
    }
    model.setFile(file, await readAll(fd, stat.size), { linked: opened.linked });
  } catch (e) {
    if (e instanceof DanglingLinkError) return model.setUnreadable(file, 'dangling-link', message('fileDanglingLink', shortened(e.target, 120)), 'warning');
    if (e instanceof RefusedLinkError) return model.setUnreadable(file, codeOf(e.refusal), message(FILE_REFUSALS[e.refusal], shortened(e.target, 120)));
    const errno = (e as NodeJS.ErrnoException).code;
    if (errno === 'ENOENT') return model.deleteFile(file);
    // A folder (where open refuses one) or a socket: what the stat check says for the others.
    if (errno === 'EISDIR' || errno === 'ENXIO') return model.setUnreadable(file, 'unreadable', message('fileNotRegular'));
    const { code, reason } = reasonOf(e);
    model.setUnreadable(file, code, reason);
  } finally {
    if (fd !== undefined) await closeFile(fd).catch(() => undefined);
  }
}

/** The `size` bytes of an open file (fewer if it shrank meanwhile; a later watcher event re-reads it). */
async function readAll(fd: number, size: number): Promise<Buffer> {
  const buffer = Buffer.alloc(size);
  let filled = 0;
  while (filled < size) {
    const { bytesRead } = await readInto(fd, buffer, filled, size - filled, filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return buffer.subarray(0, filled);
}

/**
 * The YAML files of `.value/<sub>`, prefixed with their workspace-relative folder. A missing folder
 * is simply empty; one that exists but cannot be listed is a problem, so that `check` cannot
 * pass on a folder it never read.
 */
async function listYaml(root: string, sub: string, model: ValueModel): Promise<string[]> {
  const folder = `${VALUE_DIR}/${sub}`;
  try {
    const refused = await linkRefused(root, path.join(root, VALUE_DIR, sub), false);
    if (refused !== undefined) {
      addRefusedProblem(model, folder, refused);
      return [];
    }
    return (await fs.readdir(path.join(root, VALUE_DIR, sub))).filter((name) => entryNameOf(name) !== undefined).map((n) => `${folder}/${n}`);
  } catch (e) {
    const errno = (e as NodeJS.ErrnoException).code;
    if (errno === 'ENOENT') return [];
    const problem = errno === 'ENOTDIR'
      ? problemOf(folder, START_OF_FILE, 'error', 'value-not-folder', message('problemSubfolderNotFolder', folder))
      : problemOf(folder, START_OF_FILE, 'error', 'unreadable', message('problemSubfolderUnreadable', folder,
        errno === 'EACCES' || errno === 'EPERM' ? message('folderPermissionDenied') : e instanceof Error ? e.message : String(e)));
    model.addFolderProblem(problem);
    return [];
  }
}

/**
 * Where `dir` really is and why it is not followed when it is a symbolic link that may not be
 * (a linked folder is followed by every open below it, which O_NOFOLLOW does not stop); undefined
 * otherwise. `.value` itself may lead anywhere in the workspace but git's folder; its subfolders
 * only inside it. One lstat when it is no link.
 */
async function linkRefused(root: string, dir: string, isValueFolder: boolean): Promise<{ target: string; refusal: LinkRefusal } | undefined> {
  if (!(await fs.lstat(dir)).isSymbolicLink()) return undefined;
  const target = await fs.realpath(dir);
  if (isValueFolder) {
    const inRoot = relativeInside(await fs.realpath(root), target);
    if (inRoot === undefined) return { target, refusal: 'outside-workspace' };
    return throughGit(inRoot) ? { target, refusal: 'git-folder' } : undefined;
  }
  const refusal = await refusalOf(root, target);
  return refusal ? { target, refusal } : undefined;
}

/** The problem of a folder that is a link that is not followed: nothing in it is read. */
function addRefusedProblem(model: ValueModel, folder: string, { target, refusal }: { target: string; refusal: LinkRefusal }): void {
  model.addFolderProblem(problemOf(folder, START_OF_FILE, 'error', codeOf(refusal), message(FOLDER_REFUSALS[refusal], folder, shortened(target, 120))));
}

export interface FolderRead {
  readonly model: ValueModel;
  /** False when the folder has no `.value/` at all. */
  readonly hasValueFolder: boolean;
}

/** Reads every file of `<root>/.value/` into a new model. Never throws for bad content. */
export async function readValueFolder(root: string): Promise<FolderRead> {
  const model = new ValueModel();
  const valueDir = path.join(root, VALUE_DIR);
  let stat;
  try {
    stat = await fs.stat(valueDir);
  } catch {
    return { model, hasValueFolder: false };
  }
  if (!stat.isDirectory()) {
    model.addFolderProblem(problemOf(VALUE_DIR, START_OF_FILE, 'error', 'value-not-folder', message('problemValueNotFolder')));
    return { model, hasValueFolder: true };
  }
  const refused = await linkRefused(root, valueDir, true).catch(() => undefined);
  if (refused !== undefined) {
    addRefusedProblem(model, VALUE_DIR, refused);
    return { model, hasValueFolder: true };
  }
  const files = [
    `${VALUE_DIR}/${CONFIG_FILE}`,
    ...(await listYaml(root, INTENTS_DIR, model)),
    ...(await listYaml(root, RELEASES_DIR, model)),
  ];
  // A fixed number of readers, each taking the next file as soon as it is done: no batch waits for its slowest file.
  let next = 0;
  const reader = async (): Promise<void> => {
    while (next < files.length) await readValueFile(root, files[next++]!, model);
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, files.length) }, reader));
  return { model, hasValueFolder: true };
}
