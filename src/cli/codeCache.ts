// Starts the CLI bundle from V8's code cache: compiling the 400 KB bundle and its functions on
// every run costs ~20 ms of a 90 ms `why`. The cache is bytecode, so it only ever lives in a
// folder that is the user's own; a cache that is missing, foreign or rejected is just not used.
import * as fs from 'fs';
import { createRequire } from 'module';
import * as os from 'os';
import * as path from 'path';
import * as vm from 'vm';

/** How a run used the cache: `hit` ran from it; otherwise it compiled and may save one at exit. */
export type CodeCacheUse = 'hit' | 'miss' | 'rejected' | 'unsafe';

/** Most entries kept in the folder: one per build of the CLI that ran recently. */
const KEEP = 8;
const SUFFIX = '.v8cache';

/**
 * The user's cache folder for Value Lens, or undefined when `VALUE_LENS_CODE_CACHE=0` turns the
 * cache off or there is no home. Never a shared temporary folder: another user could plant bytecode there.
 */
export function codeCacheFolder(env: NodeJS.ProcessEnv): string | undefined {
  if (env.VALUE_LENS_CODE_CACHE === '0') return undefined;
  const base = process.platform === 'win32' ? env.LOCALAPPDATA : env.XDG_CACHE_HOME || (os.homedir() && path.join(os.homedir(), '.cache'));
  return base && path.isAbsolute(base) ? path.join(base, 'value-lens') : undefined;
}

/** Only the user may have written it: theirs, a real folder or file (no link), not writable by group or others. */
function isOwnAndPrivate(stat: fs.Stats): boolean {
  if (process.platform === 'win32') return true;
  return stat.uid === process.getuid?.() && (stat.mode & 0o022) === 0;
}

/** The entry's name changes with any write to the bundle (ctime), and with node's version (V8's bytecode). */
function entryName(stat: fs.BigIntStats): string {
  return ['cli', process.version, process.arch, stat.dev, stat.ino, stat.size, stat.mtimeNs, stat.ctimeNs].join('-') + SUFFIX;
}

function readPrivate(file: string): Buffer | undefined {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0));
    const stat = fs.fstatSync(fd);
    return stat.isFile() && isOwnAndPrivate(stat) ? fs.readFileSync(fd) : undefined;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** Makes the folder private if it is new; undefined when it exists but is not the user's alone. */
function privateFolder(folder: string): string | undefined {
  try {
    fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
    const stat = fs.lstatSync(folder);
    return stat.isDirectory() && isOwnAndPrivate(stat) ? folder : undefined;
  } catch {
    return undefined;
  }
}

/** Writes the entry by rename (a reader never sees half of it) and drops the oldest beyond {@link KEEP}. */
function save(folder: string, name: string, data: Buffer): void {
  const temporary = path.join(folder, `.${name}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(temporary, data, { mode: 0o600, flag: 'wx' });
    fs.renameSync(temporary, path.join(folder, name));
    const entries = fs.readdirSync(folder).filter((f) => f.endsWith(SUFFIX) && !f.startsWith('.'))
      .map((f) => ({ f, at: fs.statSync(path.join(folder, f)).mtimeMs }))
      .sort((a, b) => b.at - a.at);
    for (const { f } of entries.slice(KEEP)) fs.rmSync(path.join(folder, f), { force: true });
  } catch {
    fs.rmSync(temporary, { force: true });
  }
}

export interface CachedScript {
  readonly use: CodeCacheUse;
  /** Evaluates the bundle as a CommonJS module. */
  run(): void;
  /** Saves the bytecode compiled so far (call at exit, when `use` is not `hit`), so the next run starts from it. */
  saveIfNeeded(): void;
}

/** Compiles `file` (a CommonJS bundle) from the cache in `folder` when a valid entry is there. */
export function compileWithCodeCache(file: string, folder: string): CachedScript {
  const stat = fs.statSync(file, { bigint: true });
  const source = fs.readFileSync(file, 'utf8').replace(/^#!.*/, '');
  // The same wrapper node itself puts around a CommonJS file.
  const wrapped = `(function (exports, require, module, __filename, __dirname) { ${source}\n})`;
  const own = privateFolder(folder);
  const name = entryName(stat);
  const cachedData = own ? readPrivate(path.join(own, name)) : undefined;
  const script = new vm.Script(wrapped, { filename: file, cachedData });
  const use: CodeCacheUse = !own ? 'unsafe' : !cachedData ? 'miss' : script.cachedDataRejected ? 'rejected' : 'hit';
  return {
    use,
    run() {
      const module = { exports: {}, filename: file, id: file, loaded: false };
      (script.runInThisContext() as (...args: unknown[]) => void).call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file));
    },
    saveIfNeeded() {
      if (own && use !== 'hit') save(own, name, script.createCachedData());
    },
  };
}
