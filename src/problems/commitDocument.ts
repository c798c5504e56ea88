import vscode = require('vscode');
import { isCommitId } from '../core/trailers/unknownTrailer';
import { gitBundle } from '../lazy/bundles';
import { gitBinary } from '../state/settings';

/** Read-only documents showing one commit, so a problem about a commit opens something. */
export const COMMIT_SCHEME = 'value-lens-commit';

/** The document of commit `sha` in `folder`: the path names the commit, the query the folder. */
export function commitUri(folder: vscode.WorkspaceFolder, sha: string): vscode.Uri {
  return vscode.Uri.from({ scheme: COMMIT_SCHEME, path: `/${sha.slice(0, 7)}.commit`, query: new URLSearchParams({ sha, folder: folder.uri.toString() }).toString() });
}

/**
 * Shows `git show --stat --format=fuller <sha>`. Only for a full commit id and an open workspace
 * folder, so a crafted link can name no other place; no git at all in an untrusted workspace.
 */
class CommitDocuments implements vscode.TextDocumentContentProvider {
  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const query = new URLSearchParams(uri.query);
    const sha = query.get('sha') ?? '';
    const folder = vscode.workspace.workspaceFolders?.find((f) => f.uri.toString() === query.get('folder'));
    if (!isCommitId(sha) || !folder || folder.uri.scheme !== 'file') return vscode.l10n.t('Not a commit of this workspace.');
    if (!vscode.workspace.isTrusted) return vscode.l10n.t('This workspace is not trusted, so Value Lens runs no git command: commit {0} is not shown.', sha);
    try {
      return await gitBundle().commitShowText(folder.uri.fsPath, { binary: gitBinary() }, sha);
    } catch (e) {
      return vscode.l10n.t('Git could not show commit {0}: {1}', sha, e instanceof Error ? e.message : String(e));
    }
  }
}

export function registerCommitDocuments(context: vscode.ExtensionContext): void {
  context.subscriptions.push(vscode.workspace.registerTextDocumentContentProvider(COMMIT_SCHEME, new CommitDocuments()));
}
