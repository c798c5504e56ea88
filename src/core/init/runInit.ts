import { promises as fs } from 'fs';
import * as path from 'path';
import { BranchOps } from '../git/branchOps';
import { SimpleGitPort } from '../git/simpleGitPort';
import { readValueFolder } from '../model/readValueFolder';
import type { MessageRef, Translate } from '../present/messages';
import { fillTemplate, message, renderMessage } from '../present/messages';
import { CONFIG_FILE, INTENTS_DIR, VALUE_DIR } from '../valueFolder';
import { createFileAtomic } from '../yaml/atomicWrite';
import { detectReleasePatterns, EXAMPLE_INTENT, EXAMPLE_INTENT_ID, hookAction, PRE_PUSH_HOOK, renderConfig } from './initPlan';

export interface InitOptions {
  /** Install the pre-push hook (never over an existing one). */
  readonly hook: boolean;
  /** Write a clearly marked example intent when there is none (the editor asks for a real one instead). */
  readonly exampleIntent: boolean;
  readonly gitBinary?: string;
}

export interface InitResult {
  /** Files created, relative to the folder. */
  readonly created: readonly string[];
  readonly hook: 'installed' | 'present' | 'explain' | 'skipped' | 'no-git';
  readonly hookPath?: string;
  /** False when the folder was already set up: nothing was written. */
  readonly changed: boolean;
  readonly intentCount: number;
}

/**
 * Sets up Value Lens in `root`: `.value/config.yaml` with the detected base branch and release
 * patterns, an example intent if asked and none exists, and the pre-push hook if asked. Never
 * overwrites anything, so running it twice changes nothing.
 */
export async function runInit(root: string, options: InitOptions): Promise<InitResult> {
  const { model } = await readValueFolder(root);
  const hasConfig = model.fileNames.includes(`${VALUE_DIR}/${CONFIG_FILE}`);
  const intentCount = model.fileNames.filter((f) => model.parsed(f)?.kind === 'intent').length;
  const runner = options.gitBinary ? { binary: options.gitBinary } : {};
  const git = new BranchOps(root, runner);
  let branches: string[] = [];
  let baseBranch: string | undefined;
  let hasGit = true;
  try {
    branches = (await git.branches()).map((b) => (b.remote ? b.name.slice(b.name.indexOf('/') + 1) : b.name));
    const state = await new SimpleGitPort(root, runner).locate();
    // No origin/HEAD, main or master: the branch init runs on is the one work branches from.
    baseBranch = state.base?.name.replace(/^origin\//, '') ?? (state.head.kind === 'detached' ? undefined : state.head.branch);
  } catch {
    hasGit = false;
  }

  const created: string[] = [];
  const create = async (rel: string, text: string): Promise<void> => {
    try {
      await createFileAtomic(path.join(root, ...rel.split('/')), text, { root, makeFolders: true });
    } catch (e) {
      // mkdir's EEXIST or ENOTDIR: a file where a folder of rel must be. Say which, not the errno.
      const errno = (e as NodeJS.ErrnoException).code;
      if (errno !== 'EEXIST' && errno !== 'ENOTDIR') throw e;
      const blocking = await fileInTheWay(root, rel);
      if (blocking === undefined) throw e;
      throw new InitBlockedError(renderMessage(message('initFileInTheWay', blocking, rel)), e);
    }
    created.push(rel);
  };
  if (!hasConfig) await create(`${VALUE_DIR}/${CONFIG_FILE}`, renderConfig(baseBranch, detectReleasePatterns(branches)));
  if (intentCount === 0 && options.exampleIntent) await create(`${VALUE_DIR}/${INTENTS_DIR}/${EXAMPLE_INTENT_ID}.yaml`, EXAMPLE_INTENT);

  let hook: InitResult['hook'] = options.hook ? (hasGit ? 'present' : 'no-git') : 'skipped';
  let hookPath: string | undefined;
  if (options.hook && hasGit) {
    hookPath = path.join(await git.hooksDir(), 'pre-push');
    const existing = await fs.readFile(hookPath, 'utf8').catch(() => undefined);
    const action = hookAction(existing);
    if (action === 'install') {
      await fs.mkdir(path.dirname(hookPath), { recursive: true });
      // `wx`: fail rather than replace a hook that appeared meanwhile.
      await fs.writeFile(hookPath, PRE_PUSH_HOOK, { flag: 'wx', mode: 0o755 });
      hook = 'installed';
    } else hook = action;
  }
  return { created, hook, ...(hookPath ? { hookPath } : {}), changed: created.length > 0 || hook === 'installed', intentCount: intentCount + (created.some((c) => c.includes(INTENTS_DIR)) ? 1 : 0) };
}

/**
 * The hooks folder of the git repository `root` is in, or undefined when there is none (or no
 * git): then Initialize offers no pre-push hook.
 */
export async function hooksFolderOf(root: string, gitBinary?: string): Promise<string | undefined> {
  try {
    const dir = await new BranchOps(root, gitBinary ? { binary: gitBinary } : {}).hooksDir();
    return dir || undefined;
  } catch {
    return undefined;
  }
}

/** A file stands where init must make a folder; the message says which and what to do. */
export class InitBlockedError extends Error {
  override readonly name = 'InitBlockedError';
  constructor(text: string, cause: unknown) {
    super(text, { cause });
  }
}

/** The first folder of `rel` (workspace-relative) that exists as something other than a folder. */
async function fileInTheWay(root: string, rel: string): Promise<string | undefined> {
  const parts = rel.split('/').slice(0, -1);
  for (let i = 1; i <= parts.length; i++) {
    const folder = parts.slice(0, i).join('/');
    const stat = await fs.stat(path.join(root, folder)).catch(() => undefined);
    if (stat && !stat.isDirectory()) return folder;
  }
  return undefined;
}

/** One line per thing done or left alone, for the CLI and the notification. */
export function describeInit(result: InitResult, translate: Translate = fillTemplate): string[] {
  return initMessages(result).map((ref) => renderMessage(ref, translate));
}

function initMessages(result: InitResult): MessageRef[] {
  if (!result.changed) {
    const lines = [message('initUnchanged')];
    if (result.hook === 'explain') lines.push(message('initHookExists', result.hookPath ?? message('initHooksFolder')));
    if (result.hook === 'no-git') lines.push(message('initNoGit'));
    return lines;
  }
  const lines = result.created.map((f) => message('initCreated', f));
  if (result.hook === 'installed') lines.push(result.hookPath ? message('initHookInstalledAt', result.hookPath) : message('initHookInstalled'));
  if (result.hook === 'explain') lines.push(message('initHookLeft', result.hookPath ?? ''));
  if (result.hook === 'no-git') lines.push(message('initNoGit'));
  return lines;
}
