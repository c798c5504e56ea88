import vscode = require('vscode');
import type { InitResult } from '../core/init/runInit';
import { describeInit, hooksFolderOf, runInit } from '../core/init/runInit';
import { gitBinary } from '../state/settings';
import type { ValueStore } from '../state/valueStore';
import { translate } from '../ui/localize';
import { writeErrorText } from '../state/errorText';

/** Answers the command takes from its caller (tests, the walkthrough) instead of asking. */
export interface InitArgs {
  readonly folder?: vscode.Uri;
  readonly hook?: boolean;
  readonly firstIntent?: boolean;
}


/**
 * **Value: Initialize Value Lens in This Folder**: `.value/config.yaml` with the detected base
 * branch and release patterns, optionally the pre-push hook, then the first intent through the
 * New Intent flow. Never overwrites; running it twice says nothing changed.
 */
export async function initFolder(store: ValueStore, args: InitArgs = {}): Promise<InitResult | undefined> {
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showInformationMessage(vscode.l10n.t('This workspace is not trusted, so Value Lens does not write files or run git in it.'));
    return undefined;
  }
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
  const folder = args.folder
    ? vscode.workspace.getWorkspaceFolder(args.folder)
    : folders.length === 1 ? folders[0] : await vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('Initialize Value Lens in which folder?') });
  if (!folder) {
    if (folders.length === 0) void vscode.window.showInformationMessage(vscode.l10n.t('Open a folder first: Value Lens keeps its files in the folder\'s .value/.'));
    return undefined;
  }
  const install = vscode.l10n.t('Install Hook');
  // Without a git repository there is nothing to hook into: no question that cannot be answered.
  const canHook = args.hook !== undefined || (await hooksFolderOf(folder.uri.fsPath, gitBinary())) !== undefined;
  const hook = args.hook ?? (canHook && (await vscode.window.showInformationMessage(
    vscode.l10n.t('Install a git pre-push hook that refuses to push a release branch without a value statement? (An existing hook is never changed.)'),
    install, vscode.l10n.t('Not now'))) === install);
  let result: InitResult;
  try {
    result = await runInit(folder.uri.fsPath, { hook, exampleIntent: false, gitBinary: gitBinary() });
  } catch (e) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Value Lens could not be set up in {0}: {1}', folder.name, writeErrorText(e)));
    return undefined;
  }
  await store.refresh();
  const summary = describeInit(result, translate).join('; ');
  if (result.intentCount === 0 && args.firstIntent !== false) {
    const create = vscode.l10n.t('New Intent…');
    const next = await vscode.window.showInformationMessage(vscode.l10n.t('{0}. Now describe the first piece of work worth doing.', summary), create);
    if (next === create) await vscode.commands.executeCommand('valueLens.newIntent');
  } else {
    void vscode.window.showInformationMessage(summary);
  }
  return result;
}
