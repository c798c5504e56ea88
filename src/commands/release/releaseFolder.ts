import vscode = require('vscode');
import { BranchOps } from '../../core/git/branchOps';
import type { BranchCommits } from '../../core/linking/branchScan';
import { effectiveConfig } from '../../core/model/effectiveConfig';
import type { ValueConfig } from '../../core/model/types';
import type { ValueModel } from '../../core/model/valueModel';
import { ReleasePatterns } from '../../core/release/releaseBranchName';
import type { LinkingService } from '../../state/linkingService';
import { gitBinary, readSettings } from '../../state/settings';
import type { ValueStore } from '../../state/valueStore';

/** A workspace folder the release commands can work in, with what they need to know about it. */
export interface ReleaseFolder {
  readonly folder: vscode.WorkspaceFolder;
  readonly model: ValueModel;
  readonly config: ValueConfig;
  readonly patterns: ReleasePatterns;
  /** The latest branch scan (its first half may be all there is yet), when git could be read. */
  readonly scan?: BranchCommits;
}

/** Folders on disk that have a `.value/` folder, with their effective config. */
export function releaseFolders(store: ValueStore, linking: LinkingService): ReleaseFolder[] {
  return store.folders
    .filter((s) => s.hasValueFolder && s.folder.uri.scheme === 'file')
    .map((s) => {
      const config = effectiveConfig(s.model.declaredConfig, readSettings(s.folder).config);
      const scan = linking.linksOf(s.folder)?.scan;
      return { folder: s.folder, model: s.model, config, patterns: new ReleasePatterns(config.releaseBranches), ...(scan ? { scan } : {}) };
    });
}

export function branchOpsFor(folder: vscode.WorkspaceFolder): BranchOps {
  return new BranchOps(folder.uri.fsPath, { binary: gitBinary() });
}

/** The folder to work in: the only one, the active editor's, or one the user picks. Undefined when cancelled. */
export async function chooseReleaseFolder(folders: readonly ReleaseFolder[], prefer?: (f: ReleaseFolder) => boolean): Promise<ReleaseFolder | undefined> {
  if (folders.length <= 1) return folders[0];
  const preferred = folders.filter((f) => prefer?.(f));
  if (preferred.length === 1) return preferred[0];
  const picked = await vscode.window.showQuickPick(
    folders.map((f) => ({ label: f.folder.name, description: f.scan?.branch ?? '', f })),
    { placeHolder: vscode.l10n.t('Workspace folder') },
  );
  return picked?.f;
}

/** Refuses (with a message) when the workspace is not trusted: these commands run git and write files. */
export function requireTrust(what: string): boolean {
  if (vscode.workspace.isTrusted) return true;
  void vscode.window.showInformationMessage(vscode.l10n.t('Value Lens runs no git command and writes no files in an untrusted workspace. Trust the workspace to {0}.', what));
  return false;
}
