import * as vscode from 'vscode';

// The slice of the built-in Git extension's API (extension `vscode.git`, API version 1) that
// Value Lens uses: to hear about repository changes and to write trailers into the commit
// message box. Git itself is run by the core.

interface GitRepositoryState {
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
