import * as path from 'path';
import vscode = require('vscode');

// The slice of the built-in Git extension's API (extension `vscode.git`, API version 1) that
// Value Lens uses: to hear about repository changes and to write trailers into the commit
// message box. Git itself is run by the core.

interface GitChange {
  /** The new path of a rename, else the file's path. */
  readonly uri: vscode.Uri;
  readonly originalUri: vscode.Uri;
  /** The extension's `Status` enum. */
  readonly status: number;
}

interface GitRepositoryState {
  readonly HEAD: { readonly name?: string; readonly commit?: string } | undefined;
  readonly workingTreeChanges: readonly GitChange[];
  readonly indexChanges: readonly GitChange[];
  readonly untrackedChanges?: readonly GitChange[];
  readonly mergeChanges?: readonly GitChange[];
  readonly onDidChange: vscode.Event<void>;
}

export interface GitRepository {
  readonly rootUri: vscode.Uri;
  readonly state: GitRepositoryState;
  /** The Source Control commit message box. */
  readonly inputBox: { value: string };
}

export interface GitApi {
  readonly repositories: readonly GitRepository[];
  readonly onDidOpenRepository: vscode.Event<GitRepository>;
}

interface GitExtension {
  readonly enabled: boolean;
  getAPI(version: 1): GitApi;
}

/** Whether `repo` is the repository whose work tree's top level is `topLevel`. */
export function isRepositoryAt(repo: GitRepository, topLevel: string): boolean {
  return path.resolve(repo.rootUri.fsPath) === path.resolve(topLevel);
}

/** The built-in Git extension's API when it is installed and enabled; undefined otherwise. */
export async function builtInGitApi(): Promise<GitApi | undefined> {
  const extension = vscode.extensions.getExtension<GitExtension>('vscode.git');
  if (!extension) return undefined;
  try {
    const exports = extension.isActive ? extension.exports : await extension.activate();
    return exports.enabled ? exports.getAPI(1) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What of a repository's state matters to value links: HEAD and the set of changed files. The
 * Git extension fires `onDidChange` after every status refresh, changed or not; comparing
 * fingerprints keeps those refreshes from starting scans that would find nothing new.
 */
export function stateFingerprint(state: GitRepositoryState): string {
  const paths = (changes: readonly GitChange[] | undefined): string => (changes ?? []).map((c) => c.uri.fsPath).sort().join('\0');
  return [state.HEAD?.name ?? '', state.HEAD?.commit ?? '', paths(state.workingTreeChanges), paths(state.indexChanges), paths(state.untrackedChanges), paths(state.mergeChanges)].join('\n');
}
