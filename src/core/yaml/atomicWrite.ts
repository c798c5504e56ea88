import { createHash, randomBytes } from 'node:crypto';
import { constants as fsConstants, promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { relativeInside } from '../pathInside';

/** Why a write was refused to protect what is on disk. */
export type WriteConflictReason = 'changed' | 'deleted' | 'exists';

/** The file on disk is not the one the edit was based on; nothing was written. */
export class WriteConflictError extends Error {
  override readonly name = 'WriteConflictError';
  constructor(
    readonly file: string,
    readonly reason: WriteConflictReason,
  ) {
    super(
      reason === 'exists'
        ? `${file} already exists, so it was not overwritten. Choose another name or edit the existing file.`
        : `${file} was ${reason === 'deleted' ? 'deleted' : 'changed'} on disk since it was read, so it was not overwritten. Reload it and try again.`,
    );
  }
}

/** The target resolves (through a symlink or `..`) to a place outside the folder writes are allowed in. */
export class UnsafeWritePathError extends Error {
  override readonly name = 'UnsafeWritePathError';
  constructor(
    readonly file: string,
    readonly root: string,
  ) {
    super(`${file} leads outside ${root} (through a symbolic link or ..), so Value Lens does not write it.`);
  }
}

/** The file is not UTF-8 text, so it cannot be edited without corrupting it. */
export class NotTextFileError extends Error {
  override readonly name = 'NotTextFileError';
  constructor(readonly file: string) {
    super(`${file} is not UTF-8 text, so Value Lens does not edit it.`);
  }
}

/** Why the file system refused a write; the message says what the user can do about it. */
export type WriteFailureReason = 'disk-full' | 'permission' | 'read-only';

const FAILURE_OF_CODE: Readonly<Record<string, WriteFailureReason>> = { ENOSPC: 'disk-full', EDQUOT: 'disk-full', EACCES: 'permission', EPERM: 'permission', EROFS: 'read-only' };
const FAILURE_ADVICE: Readonly<Record<WriteFailureReason, string>> = {
  'disk-full': 'the disk is full (or over quota). Free some space and try again',
  permission: 'permission denied. Check that you may write to the file and its folder',
  'read-only': 'the file system is read-only',
};

/** The file system refused the write (disk full, permission denied, read-only); the file on disk is as it was. */
export class WriteFailedError extends Error {
  override readonly name = 'WriteFailedError';
  constructor(
    readonly file: string,
    readonly reason: WriteFailureReason,
    cause: unknown,
    /** True when the write was to create the file, so there is no earlier version to keep. */
    readonly creating = false,
  ) {
    super(`${file} was not saved: ${FAILURE_ADVICE[reason]}. ${creating ? 'Nothing was written.' : 'The file on disk was not changed.'}`, { cause });
  }
}

/** The file operations the writer needs; tests swap one for a failing one to check the clean-up. */
export interface AtomicWriteFs {
  rename(from: string, to: string): Promise<void>;
  link(existing: string, newPath: string): Promise<void>;
  /** Creates `file` (never an existing one) with `content` and flushes it to disk. */
  writeNewFile(file: string, content: string, mode: number): Promise<void>;
}

const nodeFs: AtomicWriteFs = { rename: fsp.rename, link: fsp.link, writeNewFile };

export interface FileSnapshot {
  /** The decoded text, BOM included. */
  readonly text: string;
  /** `contentHash` of the bytes read; pass it to `writeFileAtomic` as `expectedHash`. */
  readonly hash: string;
}

/** SHA-256 of the bytes (a string is hashed as UTF-8). */
export function contentHash(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

/**
 * Reads a UTF-8 text file for editing and remembers its hash, so a later write can tell whether the
 * file changed in between.
 * @throws NotTextFileError when the bytes are not valid UTF-8.
 */
export async function readFileForEdit(file: string): Promise<FileSnapshot> {
  const bytes = await fsp.readFile(file);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new NotTextFileError(file);
  }
  return { text, hash: contentHash(bytes) };
}

export interface WriteOptions {
  /** Writes must land inside this folder, also after following symlinks. */
  readonly root: string;
  readonly fs?: Partial<AtomicWriteFs>;
}

/**
 * Replaces `file` with `content` atomically: a temp file in the same folder, fsync, then rename, so a
 * crash leaves either the old or the new file, never half of one. Writes only when the file still
 * has `expectedHash`; keeps its mode; writes through a symlink only when its target is inside `root`.
 * @throws WriteConflictError when the file changed or vanished since it was read.
 * @throws UnsafeWritePathError when the file resolves outside `root`.
 * @throws WriteFailedError when the disk is full, permission is denied or the file system is read-only.
 */
export async function writeFileAtomic(file: string, content: string, options: WriteOptions & { readonly expectedHash: string }): Promise<void> {
  await explainFailure(file, false, () => replaceFile(file, content, options));
}

async function replaceFile(file: string, content: string, options: WriteOptions & { readonly expectedHash: string }): Promise<void> {
  const ops: AtomicWriteFs = { ...nodeFs, ...options.fs };
  const realRoot = await fsp.realpath(options.root);
  let target: string;
  try {
    target = await fsp.realpath(file);
  } catch (error) {
    if (isCode(error, 'ENOENT')) throw new WriteConflictError(file, 'deleted');
    throw error;
  }
  assertInside(target, realRoot, file, options.root);
  await assertUnchanged(target, file, options.expectedHash);
  // A file the user made read-only stays as it is, as an editor would leave it (rename alone would replace it).
  await fsp.access(target, fsConstants.W_OK);
  const { mode } = await fsp.stat(target);
  const temp = await writeTemp(ops, target, content, mode & 0o7777);
  try {
    // Checked again right before the rename, to keep the window for a lost update small; one check
    // and rename at a time per file, or two quick edits both pass the check and the first is lost.
    await oneAtATime(target, async () => {
      await assertUnchanged(target, file, options.expectedHash);
      await ops.rename(temp, target);
    });
  } catch (error) {
    await fsp.rm(temp, { force: true });
    throw error;
  }
  await syncFolder(path.dirname(target));
  await removeStaleTemps(target);
}

/**
 * Creates `file` with `content`, failing if anything (even a dangling symlink) already has that name:
 * the temp file is hard-linked into place, which, unlike rename, never replaces an existing file.
 * With `makeFolders`, missing parent folders are created once the existing part is known to be inside `root`.
 * @throws WriteConflictError (`exists`) when the file exists.
 * @throws UnsafeWritePathError when the file or its folder resolves outside `root`.
 * @throws WriteFailedError when the disk is full, permission is denied or the file system is read-only.
 */
export async function createFileAtomic(file: string, content: string, options: WriteOptions & { readonly makeFolders?: boolean }): Promise<void> {
  await explainFailure(file, true, () => createFile(file, content, options));
}

async function createFile(file: string, content: string, options: WriteOptions & { readonly makeFolders?: boolean }): Promise<void> {
  const ops: AtomicWriteFs = { ...nodeFs, ...options.fs };
  const realRoot = await fsp.realpath(options.root);
  const absolute = path.resolve(file);
  assertInside(absolute, path.resolve(options.root), file, options.root);
  const folder = path.dirname(absolute);
  if (options.makeFolders) {
    assertInside(await realpathOfExistingPart(folder), realRoot, file, options.root);
    await fsp.mkdir(folder, { recursive: true });
  }
  const realFolder = await fsp.realpath(folder);
  const target = path.join(realFolder, path.basename(absolute));
  assertInside(target, realRoot, file, options.root);
  if (await exists(target)) throw new WriteConflictError(file, 'exists');
  const temp = await writeTemp(ops, target, content, 0o666);
  try {
    try {
      await ops.link(temp, target);
    } catch (error) {
      if (isCode(error, 'EEXIST')) throw new WriteConflictError(file, 'exists');
      if (!isCode(error, 'EPERM', 'ENOTSUP', 'ENOSYS', 'EOPNOTSUPP', 'EXDEV')) throw error;
      // File systems without hard links: an exclusive copy still never overwrites.
      try {
        await fsp.copyFile(temp, target, fsConstants.COPYFILE_EXCL);
      } catch (copyError) {
        if (isCode(copyError, 'EEXIST')) throw new WriteConflictError(file, 'exists');
        throw copyError;
      }
    }
  } finally {
    await fsp.rm(temp, { force: true });
  }
  await syncFolder(realFolder);
}

/**
 * Writes `file` atomically whether it exists or not (an output such as a report): replaced as
 * `writeFileAtomic` does, created as `createFileAtomic` does. Never through a symbolic link that
 * leads outside `root`, so a committed link cannot have it overwrite, say, ~/.bashrc.
 * @throws UnsafeWritePathError when the file resolves outside `root`.
 * @throws WriteFailedError when the disk is full, permission is denied or the file system is read-only.
 */
export async function saveFileAtomic(file: string, content: string, options: WriteOptions): Promise<void> {
  let before: Buffer | undefined;
  try {
    // Where it leads is checked before anything of it is read.
    assertInside(await fsp.realpath(file), await fsp.realpath(options.root), file, options.root);
    before = await fsp.readFile(file);
  } catch (error) {
    if (!isCode(error, 'ENOENT')) throw error;
  }
  if (before === undefined) await createFileAtomic(file, content, options);
  else await writeFileAtomic(file, content, { ...options, expectedHash: contentHash(before) });
}

/** A hidden `.name.yaml.<random>.tmp` beside the target: never read as a value file, even if a crash leaves it behind. */
async function writeTemp(ops: AtomicWriteFs, target: string, content: string, mode: number): Promise<string> {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await ops.writeNewFile(temp, content, mode);
  } catch (error) {
    // A half-written temp file (disk full) must not stay behind.
    await fsp.rm(temp, { force: true });
    throw error;
  }
  return temp;
}

/** Older than any write in progress: what a crash or a killed process left behind. */
const STALE_TEMP_MS = 10 * 60 * 1000;

/**
 * Removes the temp files of earlier writes of `target` that were cut off (crash, kill), so they do
 * not pile up as untracked files in `git status`. Best effort: it never fails the write.
 */
async function removeStaleTemps(target: string): Promise<void> {
  const folder = path.dirname(target);
  const prefix = `.${path.basename(target)}.`;
  const cutoff = Date.now() - STALE_TEMP_MS;
  try {
    const leftovers = (await fsp.readdir(folder)).filter((name) => name.startsWith(prefix) && /^[0-9a-f]{12}\.tmp$/.test(name.slice(prefix.length)));
    for (const name of leftovers) {
      const temp = path.join(folder, name);
      if ((await fsp.lstat(temp)).mtimeMs < cutoff) await fsp.rm(temp, { force: true });
    }
  } catch {
    // Another process removed it first, or the folder cannot be listed: the write itself is done.
  }
}

async function writeNewFile(file: string, content: string, mode: number): Promise<void> {
  const handle = await fsp.open(file, 'wx', mode);
  try {
    await handle.writeFile(content, 'utf8');
    if (mode !== 0o666) await handle.chmod(mode);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

const pendingRenames = new Map<string, Promise<void>>();

/** Runs `work` after every earlier `work` for the same file in this process has finished. */
async function oneAtATime(file: string, work: () => Promise<void>): Promise<void> {
  const run = (pendingRenames.get(file) ?? Promise.resolve()).then(work);
  const settled = run.catch(() => undefined);
  pendingRenames.set(file, settled);
  try {
    await run;
  } finally {
    if (pendingRenames.get(file) === settled) pendingRenames.delete(file);
  }
}

/** Turns the file system's refusals into a message that says what happened and what to do. */
async function explainFailure(file: string, creating: boolean, write: () => Promise<void>): Promise<void> {
  try {
    await write();
  } catch (error) {
    const reason = FAILURE_OF_CODE[String((error as { code?: unknown } | null)?.code)];
    throw reason ? new WriteFailedError(file, reason, error, creating) : error;
  }
}

async function assertUnchanged(target: string, file: string, expectedHash: string): Promise<void> {
  let current: Buffer;
  try {
    current = await fsp.readFile(target);
  } catch (error) {
    if (isCode(error, 'ENOENT')) throw new WriteConflictError(file, 'deleted');
    throw error;
  }
  if (contentHash(current) !== expectedHash) throw new WriteConflictError(file, 'changed');
}

function assertInside(target: string, root: string, file: string, shownRoot: string): void {
  if (!relativeInside(root, target)) {
    throw new UnsafeWritePathError(file, shownRoot);
  }
}

/** The real path of the deepest ancestor of `folder` that exists (with the rest appended). */
async function realpathOfExistingPart(folder: string): Promise<string> {
  const missing: string[] = [];
  let current = folder;
  for (;;) {
    try {
      return path.join(await fsp.realpath(current), ...missing.reverse());
    } catch (error) {
      const parent = path.dirname(current);
      if (!isCode(error, 'ENOENT') || parent === current) throw error;
      missing.push(path.basename(current));
      current = parent;
    }
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await fsp.lstat(file);
    return true;
  } catch (error) {
    if (isCode(error, 'ENOENT')) return false;
    throw error;
  }
}

/** Makes the rename itself durable; not every platform can open a folder, which is fine. */
async function syncFolder(folder: string): Promise<void> {
  try {
    const handle = await fsp.open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Windows and some network file systems refuse; the data itself is already synced.
  }
}

function isCode(error: unknown, ...codes: string[]): boolean {
  return typeof error === 'object' && error !== null && codes.includes(String((error as { code?: unknown }).code));
}
