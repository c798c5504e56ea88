import vscode = require('vscode');
import type { BranchOps } from '../../core/git/branchOps';
import { gitFailureReason } from '../../core/git/branchOps';
import type { ReleasePlan, ReleaseReport } from '../../core/release/createRelease';
import { createRelease, describeReport } from '../../core/release/createRelease';
import type { LinkingService } from '../../state/linkingService';
import type { ReleaseWatcher } from '../../state/releaseWatcher';
import type { ValueStore } from '../../state/valueStore';
import { translate } from '../../ui/localize';
import { rememberCommitStatement } from './releaseSettings';

export interface FinishDeps {
  readonly store: ValueStore;
  readonly linking: LinkingService;
  readonly git: BranchOps;
  readonly folder: vscode.WorkspaceFolder;
  readonly releaseWatcher: ReleaseWatcher;
}

/**
 * Carries out a confirmed plan under a progress notification, then refreshes the model and the
 * branch scan, and tells the user exactly what was done. Push is offered, never done unasked.
 */
export async function finishRelease(deps: FinishDeps, plan: ReleasePlan, remember?: 'always' | 'never'): Promise<ReleaseReport> {
  if (remember) await rememberCommitStatement(remember);
  // The branch is about to be checked out without its statement for a moment: no nagging about it.
  deps.releaseWatcher.suppressPrompt(deps.folder, plan.statement.branch);
  const title = plan.createBranch ? vscode.l10n.t('Creating {0}', plan.statement.branch) : vscode.l10n.t('Stating the value of {0}', plan.statement.branch);
  const report = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: false }, async (progress) => {
    progress.report({ message: plan.createBranch ? `git switch -c ${plan.statement.branch} ${plan.statement.base}` : vscode.l10n.t('writing {0}', `${plan.statementName}.yaml`) });
    const result = await createRelease(plan, deps.git);
    progress.report({ message: vscode.l10n.t('reading the new state') });
    await deps.store.refresh();
    await deps.linking.refresh(deps.folder);
    return result;
  });
  const text = describeReport(plan, report, translate);
  const uri = vscode.Uri.joinPath(deps.folder.uri, ...report.file.split('/'));
  if (report.failed) {
    void showFailure(text, report.statementWritten ? uri : undefined);
  } else {
    void offerNext(deps, plan, report, text, uri);
  }
  await deps.releaseWatcher.refresh();
  return report;
}

async function showFailure(text: string, uri: vscode.Uri | undefined): Promise<void> {
  const choice = await vscode.window.showErrorMessage(text, ...(uri ? [vscode.l10n.t('Open Statement')] : []));
  if (choice && uri) await vscode.window.showTextDocument(uri, { preview: false });
}

async function offerNext(deps: FinishDeps, plan: ReleasePlan, report: ReleaseReport, text: string, uri: vscode.Uri): Promise<void> {
  let remote: string | undefined;
  try {
    const remotes = await deps.git.remotes();
    remote = remotes.includes('origin') ? 'origin' : remotes[0];
  } catch {
    remote = undefined;
  }
  const push = remote && (report.branchCreated || report.commit) ? vscode.l10n.t('Push to {0}', remote) : undefined;
  const open = vscode.l10n.t('Open Statement');
  const choice = await vscode.window.showInformationMessage(text, open, ...(push ? [push] : []));
  if (choice === open) await vscode.window.showTextDocument(uri, { preview: false });
  if (choice === push && remote) {
    const branch = plan.statement.branch;
    try {
      await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Pushing {0} to {1}', branch, remote) }, () => deps.git.push(remote, branch));
      void vscode.window.showInformationMessage(vscode.l10n.t('Pushed {0} to {1} (upstream set).', branch, remote));
    } catch (e) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Could not push {0} to {1}: {2} The branch and statement are unchanged locally.', branch, remote, gitFailureReason(e)));
    }
  }
}
