import { close, constants as fsConstants, fstat, open, promises as fs, read } from 'fs';
import { promisify } from 'util';
import * as path from 'path';
import { CONFIG_FILE, entryNameOf, INTENTS_DIR, RELEASES_DIR, VALUE_DIR } from '../valueFolder';
import { MAX_VALUE_FILE_BYTES } from './parseValueFile';
import type { MessageRef } from '../present/messages';
import { message } from '../present/messages';
import { problemOf, START_OF_FILE } from './problem';
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

/** A link to a file outside the workspace folder: not opened, so nothing of it reaches a message. */
class OutsideWorkspaceError extends Error {
  constructor(readonly target: string) {
    super(`symbolic link to ${target}, outside the workspace folder`);
  }
}

/**
 * Opens a value file. A symbolic link is followed only when its target stays inside `root`: a
 * hostile pull request could point an intent at ~/.ssh/… and have CI quote it in a problem.
 * O_NOFOLLOW makes links the rare, slower path; a link that loops throws ELOOP from realpath.
 */
async function openInside(root: string, full: string): Promise<number> {
  try {
    return await openFile(full, OPEN_FLAGS);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ELOOP' || NO_FOLLOW === 0) throw e;
    const [realRoot, target] = await Promise.all([fs.realpath(root), fs.realpath(full)]);
    // The folder itself is no file to read either.
    if (!relativeInside(realRoot, target)) throw new OutsideWorkspaceError(target);
    return openFile(full, OPEN_FLAGS & ~NO_FOLLOW);
  }
}

/** Reads one value file (workspace-relative `file`) into the model, or records why it could not. */
export async function readValueFile(root: string, file: string, model: ValueModel): Promise<void> {
  const full = path.join(root, ...file.split('/'));
  let fd: number | undefined;
  try {
    // One open, fstat, read and close, as fs.readFile does: no stat of its own before. Non-blocking,
    // so a named pipe left in .value/ is opened (and refused below) instead of waiting for a writer.
    fd = await openInside(root, full);
    const stat = await statOpen(fd);
    if (!stat.isFile()) return model.setUnreadable(file, 'unreadable', message('fileNotRegular'));
    if (stat.size > MAX_VALUE_FILE_BYTES) {
      const mb = (stat.size / (1024 * 1024)).toFixed(1);
      return model.setUnreadable(file, 'too-large', message('fileTooLargeMb', mb, MAX_VALUE_FILE_BYTES / (1024 * 1024)));
    }
    model.setFile(file, await readAll(fd, stat.size));
  } catch (e) {
    if (e instanceof OutsideWorkspaceError) return model.setUnreadable(file, 'outside-workspace', message('fileOutsideRepository', e.target));
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
    const outside = await linkOutside(root, path.join(root, VALUE_DIR, sub));
    if (outside !== undefined) {
      addOutsideProblem(model, folder, outside);
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
 * Where `dir` really is when it is a symbolic link that leads outside `root` (a linked folder is
 * followed by every open below it, which O_NOFOLLOW does not stop); undefined otherwise. One lstat
 * when it is no link.
 */
async function linkOutside(root: string, dir: string): Promise<string | undefined> {
  if (!(await fs.lstat(dir)).isSymbolicLink()) return undefined;
  const [realRoot, target] = await Promise.all([fs.realpath(root), fs.realpath(dir)]);
  return relativeInside(realRoot, target) === undefined ? target : undefined;
}

/** The `outside-workspace` problem of a folder that is a link leading to `target`: nothing in it is read. */
function addOutsideProblem(model: ValueModel, folder: string, target: string): void {
  model.addFolderProblem(problemOf(folder, START_OF_FILE, 'error', 'outside-workspace', message('folderOutsideWorkspace', folder, target)));
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
  const outside = await linkOutside(root, valueDir).catch(() => undefined);
  if (outside !== undefined) {
    addOutsideProblem(model, VALUE_DIR, outside);
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
