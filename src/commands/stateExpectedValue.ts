import vscode = require('vscode');
import { gitFailureReason } from '../core/git/branchOps';
import type { ReleaseReport } from '../core/release/createRelease';
import { statementPath } from '../core/release/createRelease';
import { statementNameFor } from '../core/release/releaseBranchName';
import { buildReleaseStatement } from '../core/release/releaseStatement';
import { hasStatementFor, statementFilesOf } from '../core/release/statementLookup';
import { localIsoDate } from '../core/today';
import { FlowDrafts } from '../ui/flowDrafts';
import type { ReleaseCommandDeps } from './createReleaseBranch';
import type { ExpectedState } from './release/expectedValueSteps';
import { expectedOf, expectedValueSteps, restoreExpected, snapshotExpected } from './release/expectedValueSteps';
import { editStatement } from './release/editStatement';
import { finishRelease } from './release/finishRelease';
import { branchOpsFor, chooseReleaseFolder, releaseFolders, requireTrust } from './release/releaseFolder';
import { intentsSinceLastRelease, lastRelease } from './release/releaseHistory';
import { readCommitStatement, readReviewAfterDays } from './release/releaseSettings';

/**
 * **Value: State Expected Value for This Branch…** — for a release branch made any other way
 * (terminal, Git view, another tool): asks steps 3–7 of the release prompt and writes its
 * statement, committing it on the branch if wanted. `target` (a folder URI from the notification,
 * a workspace folder from the status bar) picks the folder. Returns the report, or undefined when
 * nothing was attempted.
 */
export async function stateExpectedValue(deps: ReleaseCommandDeps, target?: unknown): Promise<ReleaseReport | undefined> {
  if (!requireTrust(vscode.l10n.t('state the expected value'))) return undefined;
  const all = releaseFolders(deps.store, deps.linking);
  const folderUri = folderUriOf(target);
  const requested = folderUri ? all.filter((f) => f.folder.uri.toString() === folderUri.toString()) : [];
  const missing = new Set(deps.releaseWatcher.missing.map((m) => m.folder.uri.toString()));
  const folder = requested[0] ?? (await chooseReleaseFolder(all, (f) => missing.has(f.folder.uri.toString())));
  if (!folder) {
    if (all.length === 0) void vscode.window.showInformationMessage(vscode.l10n.t('No .value/ folder in this workspace: there is nothing to state a value in.'));
    return undefined;
  }
  const branch = folder.scan?.branch;
  if (!branch || folder.scan?.state.head.kind !== 'branch') {
    void vscode.window.showInformationMessage(vscode.l10n.t('{0} is not on a branch (or git could not be read), so there is no release branch to state a value for.', folder.folder.name));
    return undefined;
  }
  if (!folder.patterns.matches(branch)) {
    const create = vscode.l10n.t('Create Release Branch…');
    const choice = await vscode.window.showInformationMessage(vscode.l10n.t('{0} is not a release branch (patterns: {1}).', branch, folder.patterns.describe()), create);
    if (choice === create) await vscode.commands.executeCommand('valueLens.createReleaseBranch');
    return undefined;
  }
  const statementName = statementNameFor(branch, folder.patterns);
  const file = statementPath(statementName);
  const uri = vscode.Uri.joinPath(folder.folder.uri, ...file.split('/'));
  const stated = folder.model.releases.find((r) => r.statement.branch === branch) ?? folder.model.releases.find((r) => r.name === statementName);
  if (stated) {
    await editStatement(deps, folder, stated, branch);
    return undefined;
  }
  if (hasStatementFor(statementFilesOf(folder.model.releases), branch, statementName) || (await exists(uri))) {
    // A file is there that does not read as a statement (YAML errors, a missing field): fix it first.
    const open = vscode.l10n.t('Open Statement');
    if ((await vscode.window.showWarningMessage(vscode.l10n.t('{0} is there but cannot be read as a value statement, so it was left as it is. Open it to fix it.', file), open)) === open) {
      await vscode.window.showTextDocument(uri, { preview: false });
    }
    return undefined;
  }

  const git = branchOpsFor(folder.folder);
  let history: Awaited<ReturnType<typeof lastRelease>>;
  let author: string | undefined;
  try {
    [history, author] = await Promise.all([lastRelease(folder, git), git.author()]);
  } catch (e) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Value Lens cannot read git in {0}: {1}', folder.folder.name, gitFailureReason(e)));
    return undefined;
  }
  const base = folder.scan.state.base?.name ?? folder.config.baseBranch ?? 'main';
  const today = localIsoDate();
  const state: ExpectedState = { measures: new Map() };
  const branchIntents = folder.scan.intents.map((i) => i.id);
  const first = expectedValueSteps({
    title: vscode.l10n.t('State Expected Value: {0}', branch),
    stepsBefore: 0,
    folder,
    branch: () => branch,
    today,
    reviewAfterDays: readReviewAfterDays(folder.folder),
    commitSetting: readCommitStatement(folder.folder),
    preselect: async () => {
      const since = await intentsSinceLastRelease(folder, git, branch, history.ref);
      return [...new Set([...branchIntents, ...since])];
    },
    action: () => ({ label: vscode.l10n.t('Write {0}', file), detail: vscode.l10n.t('on {0} (base {1}) · intents: {2}', branch, base, (state.intents ?? []).join(', ') || vscode.l10n.t('none')), notes: [] }),
  }, state);
  const finished = await new FlowDrafts(deps.drafts).run({
    key: `stateExpected:${folder.folder.uri.toString()}:${branch}`,
    title: vscode.l10n.t('State Expected Value: {0}', branch),
    start: first,
    snapshot: () => snapshotExpected(state),
    restore: (saved) => {
      restoreExpected(state, saved);
      return true;
    },
  });
  if (!finished) return undefined;

  const statement = buildReleaseStatement({ release: statementName, branch, base, created: today, ...(author ? { author } : {}), ...expectedOf({ folder }, state) });
  const report = await finishRelease(
    { store: deps.store, linking: deps.linking, releaseWatcher: deps.releaseWatcher, git, folder: folder.folder },
    { folder: folder.folder.uri.fsPath, statementName, statement, createBranch: false, commit: state.commit ?? false, trailer: folder.config.trailer },
    state.remember,
  );
  if (report.statementWritten) await finished.discard();
  return report;
}

function folderUriOf(target: unknown): vscode.Uri | undefined {
  if (target instanceof vscode.Uri) return target;
  const uri = (target as { uri?: unknown } | undefined)?.uri;
  return uri instanceof vscode.Uri ? uri : undefined;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
