import vscode = require('vscode');
import type { ValueConfig } from '../core/model/types';

/** The `valueLens.*` settings, typed, for one folder. The core receives them as plain values. */
export interface Settings {
  readonly config: Partial<ValueConfig>;
  readonly decorations: boolean;
}

export function readSettings(folder?: vscode.WorkspaceFolder): Settings {
  const section = vscode.workspace.getConfiguration('valueLens', folder);
  const config: { releaseBranches?: string[]; trailer?: string } = {};
  const releaseBranches = section.get<unknown>('releaseBranches');
  if (Array.isArray(releaseBranches) && releaseBranches.every((b) => typeof b === 'string')) config.releaseBranches = releaseBranches;
  const trailer = section.get<unknown>('trailer');
  // The same rule as the schema: a bad key in settings must not reach git.
  if (typeof trailer === 'string' && /^[A-Za-z0-9][A-Za-z0-9-]*$/.test(trailer)) config.trailer = trailer;
  return { config, decorations: section.get<boolean>('decorations.enabled', true) };
}

/**
 * The git program to run: the user's own `git.path` setting (the built-in Git extension's), or
 * `git` from PATH. Only the user-level value counts: a repository's workspace settings must not
 * choose a program for Value Lens to run.
 */
export function gitBinary(): string {
  const value = vscode.workspace.getConfiguration('git').inspect<unknown>('path')?.globalValue;
  const first = Array.isArray(value) ? (value as unknown[])[0] : value;
  return typeof first === 'string' && first.trim() !== '' ? first : 'git';
}
