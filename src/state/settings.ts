import * as vscode from 'vscode';
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
