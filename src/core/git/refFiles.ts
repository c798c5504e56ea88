import * as fs from 'fs';
import * as path from 'path';
import { isObjectId, isValidRefName } from './refName';

/** Where git keeps a work tree's HEAD (`gitDir`) and the repository's shared refs (`commonGitDir`). */
export interface GitDirs {
  readonly gitDir: string;
  readonly commonGitDir: string;
}

/** A ref as its files tell it: the commit it names and, for a symbolic ref, the ref it points to. */
export interface RefOnDisk {
  readonly objectName: string;
  /** `''` unless the ref is symbolic (`origin/HEAD`). */
  readonly symref: string;
}

// Git follows at most five symbolic refs in a row; so do we.
const MAX_SYMREF_DEPTH = 5;
// Beyond this, reading packed-refs on the extension host's thread would cost more than it saves.
const MAX_PACKED_REFS_BYTES = 2 * 1024 * 1024;
// `.git`, `commondir`, HEAD and a loose ref hold one short line: a bigger one is no pointer git
// would follow (git refuses a `.git` file over 1 MB), and reading 300 MB would stall the thread.
const MAX_LINE_FILE_BYTES = 8 * 1024;

/**
 * The git directories of the work tree whose top level is `root`, read from its `.git` without
 * starting git: `.git` itself, or the directory the `gitdir:` line of a linked worktree's or a
 * submodule's `.git` file names, with its `commondir`. Undefined when the files do not say.
 */
export function gitDirsAt(root: string): GitDirs | undefined {
  const dotGit = path.join(root, '.git');
  const stat = fs.statSync(dotGit, { throwIfNoEntry: false });
  if (!stat) return undefined;
  if (stat.isDirectory()) return { gitDir: dotGit, commonGitDir: dotGit };
  const text = readText(dotGit);
  // As git reads it: `gitdir: ` first, the rest up to the final line break is the path.
  const pointer = text?.startsWith('gitdir: ') ? text.slice('gitdir: '.length).replace(/[\r\n]+$/, '') : undefined;
  if (!pointer || /[\r\n]/.test(pointer)) return undefined;
  const gitDir = path.resolve(root, pointer);
  const common = readText(path.join(gitDir, 'commondir'))?.trim();
  return { gitDir, commonGitDir: common ? path.resolve(gitDir, common) : gitDir };
}

/** The ref HEAD names (`refs/heads/main`), or undefined when HEAD is detached or unreadable. */
export function headRefOnDisk(dirs: GitDirs): string | undefined {
  return symbolicTarget(readText(path.join(dirs.gitDir, 'HEAD')));
}

/**
 * Reads the given `refs/…` refs as git's files backend stores them, loose files first, then
 * `packed-refs`, without starting git. Only a hint for work that git checks afterwards: a ref
 * written at this very moment, a repository on the reftable backend or a huge `packed-refs`
 * reads as absent.
 */
export function readRefsOnDisk(dirs: GitDirs, refs: readonly string[]): Map<string, RefOnDisk> {
  let packed: Map<string, string> | undefined;
  const packedRefs = (): Map<string, string> => (packed ??= readPackedRefs(dirs.commonGitDir));
  const resolve = (ref: string, depth: number, loose = readLooseRef(dirs.commonGitDir, ref)): string | undefined => {
    if (loose === undefined) return packedRefs().get(ref);
    const target = symbolicTarget(loose);
    if (target === undefined) return isObjectId(loose) ? loose : undefined;
    return depth < MAX_SYMREF_DEPTH ? resolve(target, depth + 1) : undefined;
  };
  const found = new Map<string, RefOnDisk>();
  for (const ref of new Set(refs)) {
    const loose = readLooseRef(dirs.commonGitDir, ref);
    const objectName = resolve(ref, 0, loose);
    if (objectName !== undefined) found.set(ref, { objectName, symref: symbolicTarget(loose) ?? '' });
  }
  return found;
}

/** The trimmed text of a loose ref file, or undefined when there is none (or the name is no valid `refs/…` name). */
function readLooseRef(commonGitDir: string, ref: string): string | undefined {
  if (!ref.startsWith('refs/') || !isValidRefName(ref)) return undefined;
  return readText(path.join(commonGitDir, ...ref.split('/')))?.trim();
}

function symbolicTarget(text: string | undefined): string | undefined {
  const target = text?.startsWith('ref: ') ? text.slice('ref: '.length).trim() : undefined;
  return target?.startsWith('refs/') ? target : undefined;
}

/** `packed-refs` as ref → object id; peeled lines (`^…`) and the header are skipped. */
function readPackedRefs(commonGitDir: string): Map<string, string> {
  const rows = new Map<string, string>();
  for (const line of (readText(path.join(commonGitDir, 'packed-refs'), MAX_PACKED_REFS_BYTES) ?? '').split('\n')) {
    const space = line.indexOf(' ');
    const objectName = line.slice(0, space);
    if (space > 0 && isObjectId(objectName)) rows.set(line.slice(space + 1).trimEnd(), objectName);
  }
  return rows;
}

/**
 * A regular file's text, when it is at most `maxBytes` long: a FIFO or device in the git
 * directory would block the thread on read. Never reads more than `maxBytes` + 1 bytes, even
 * of a file that grows after the size check.
 */
function readText(file: string, maxBytes = MAX_LINE_FILE_BYTES): string | undefined {
  let fd: number | undefined;
  try {
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (!stat?.isFile() || stat.size > maxBytes) return undefined;
    fd = fs.openSync(file, 'r');
    // One byte more than the size: reading it says the file grew meanwhile.
    const buffer = Buffer.allocUnsafe(stat.size + 1);
    let length = 0;
    for (;;) {
      const n = fs.readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) return buffer.toString('utf8', 0, length);
      length += n;
      if (length === buffer.length) return undefined;
    }
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
