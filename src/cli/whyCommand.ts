import { promises as fs } from 'fs';
import * as path from 'path';
import type { FileIntent } from '../core/linking/linkingEngine';
import type { ValueModel } from '../core/model/valueModel';
import type { CliIo } from './cliIo';
import { printablePath } from './cliIo';
import { openValueFolder, withGitReason } from './linkedFolder';

export interface WhyOptions {
  /** Relative to the working folder, or absolute. */
  readonly path: string;
  readonly json: boolean;
}

/** `value-lens why --json`: the file's path relative to its folder and its intents with reasons. */
export interface WhyJson {
  readonly path: string;
  readonly intents: readonly FileIntent[];
}

const REASON_TEXT = { path: 'paths glob', commit: 'commit trailer' } as const;

/** Short text for a terminal: the file, then one line per intent with its title and reasons. */
export function formatWhy(shownPath: string, intents: readonly FileIntent[], model: ValueModel): string[] {
  if (intents.length === 0) return [`${shownPath}: no intents (no intent's paths cover it and no recent commit that touched it names one)`];
  const width = Math.max(...intents.map((i) => i.id.length));
  return [
    `${shownPath}:`,
    ...intents.map(({ id, reasons }) => `  ${id.padEnd(width)}  ${model.intents.get(id)?.intent.title ?? ''}  (${reasons.map((r) => REASON_TEXT[r]).join(', ')})`),
  ];
}

async function kindOf(file: string): Promise<'file' | 'folder' | 'missing'> {
  try {
    // lstat: git tracks a symbolic link as a file (mode 120000), also one that leads to a folder.
    return (await fs.lstat(file)).isDirectory() ? 'folder' : 'file';
  } catch {
    return 'missing';
  }
}

/** `value-lens why <path>`: the intents of one file and why; 0, or 2 for a bad path or when git or `.value/` cannot answer. */
export async function whyCommand(options: WhyOptions, io: CliIo): Promise<number> {
  const fail = (reason: string): number => {
    io.stderr(`value-lens: ${reason}`);
    return 2;
  };
  const file = path.resolve(io.cwd, options.path);
  // A typo would otherwise read as "no intents"; a file deleted on the branch is rarely asked about.
  const kind = await kindOf(file);
  if (kind === 'missing') return fail(`no such file: ${options.path}`);
  if (kind === 'folder') return fail(`${options.path} is a folder; why takes a file`);

  // No branch scan: one `git log` of the file is all the answer needs.
  const opened = await openValueFolder(path.dirname(file));
  if (!opened.ok) return fail(opened.outside ? `${options.path} is outside any git repository or folder with .value/` : opened.reason);
  const { root, model, engine } = opened.folder;
  const relative = path.relative(root, file);
  // The folder is found above the file, so this only trips on paths that leave it (`..` after symlinks).
  if (relative === '' || relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) return fail(`${options.path} is outside ${root}`);
  const rel = relative.split(path.sep).join('/');

  const intents = await withGitReason(() => engine.fileIntents(rel, true));
  if (!intents.ok) return fail(intents.reason);
  if (options.json) {
    const json: WhyJson = { path: rel, intents: intents.value };
    io.stdout(JSON.stringify(json, null, 2));
  } else {
    for (const line of formatWhy(printablePath(path.relative(io.cwd, file).split(path.sep).join('/') || rel), intents.value, model)) io.stdout(line);
  }
  return 0;
}
