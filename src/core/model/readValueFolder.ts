import { promises as fs } from 'fs';
import * as path from 'path';
import { CONFIG_FILE, entryNameOf, INTENTS_DIR, RELEASES_DIR, VALUE_DIR } from '../valueFolder';
import { MAX_VALUE_FILE_BYTES } from './parseValueFile';
import { message } from '../present/messages';
import { problemOf, START_OF_FILE } from './problem';
import { ValueModel } from './valueModel';

/** How many files are read at once: enough to be quick, few enough not to exhaust file handles. */
const READ_CONCURRENCY = 32;

function reasonOf(e: unknown): { code: string; message: string } {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EACCES' || code === 'EPERM') return { code: 'unreadable', message: 'Cannot read this file: permission denied. Fix its permissions (chmod u+r).' };
  if (code === 'ELOOP') return { code: 'unreadable', message: 'Cannot read this file: it is a symbolic link that loops.' };
  if (code === 'EISDIR') return { code: 'unreadable', message: 'This is a folder, not a YAML file.' };
  return { code: 'unreadable', message: `Cannot read this file: ${e instanceof Error ? e.message : String(e)}` };
}

/** Reads one value file (workspace-relative `file`) into the model, or records why it could not. */
export async function readValueFile(root: string, file: string, model: ValueModel): Promise<void> {
  const full = path.join(root, ...file.split('/'));
  try {
    const stat = await fs.stat(full);
    if (!stat.isFile()) return model.setUnreadable(file, 'unreadable', 'This is not a regular file.');
    if (stat.size > MAX_VALUE_FILE_BYTES) {
      const mb = (stat.size / (1024 * 1024)).toFixed(1);
      return model.setUnreadable(file, 'too-large', `File is ${mb} MB; Value Lens reads .value/ files up to ${MAX_VALUE_FILE_BYTES / (1024 * 1024)} MB. Keep one intent or release per file.`);
    }
    model.setFile(file, await fs.readFile(full));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return model.deleteFile(file);
    const { code, message } = reasonOf(e);
    model.setUnreadable(file, code, message);
  }
}

async function listYaml(dir: string): Promise<string[]> {
  try {
    return (await fs.readdir(dir)).filter((name) => entryNameOf(name) !== undefined);
  } catch {
    return [];
  }
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
  const files = [
    `${VALUE_DIR}/${CONFIG_FILE}`,
    ...(await listYaml(path.join(valueDir, INTENTS_DIR))).map((n) => `${VALUE_DIR}/${INTENTS_DIR}/${n}`),
    ...(await listYaml(path.join(valueDir, RELEASES_DIR))).map((n) => `${VALUE_DIR}/${RELEASES_DIR}/${n}`),
  ];
  for (let i = 0; i < files.length; i += READ_CONCURRENCY) {
    await Promise.all(files.slice(i, i + READ_CONCURRENCY).map((f) => readValueFile(root, f, model)));
  }
  return { model, hasValueFolder: true };
}
