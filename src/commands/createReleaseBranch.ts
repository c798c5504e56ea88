import vscode = require('vscode');
import type { BranchInfo } from '../core/git/branchOps';
import { gitFailureReason } from '../core/git/branchOps';
import type { ReleaseReport } from '../core/release/createRelease';
import { statementPath } from '../core/release/createRelease';
import { releaseBranchProblem, statementNameFor } from '../core/release/releaseBranchName';
import { buildReleaseStatement } from '../core/release/releaseStatement';
import { suggestReleaseNames } from '../core/release/releaseVersion';
import { localIsoDate } from '../core/today';
import type { LinkingService } from '../state/linkingService';
import type { ReleaseWatcher } from '../state/releaseWatcher';
import type { ValueStore } from '../state/valueStore';
import { localize } from '../ui/localize';
import type { DraftMemento } from '../ui/flowDrafts';
import { FlowDrafts } from '../ui/flowDrafts';
import type { InputStep } from '../ui/multiStepInput';
import type { ExpectedState } from './release/expectedValueSteps';
import { expectedOf, expectedValueSteps, restoreExpected, snapshotExpected } from './release/expectedValueSteps';
import { finishRelease } from './release/finishRelease';
import { branchOpsFor, chooseReleaseFolder, releaseFolders, requireTrust } from './release/releaseFolder';
import { intentsSinceLastRelease, lastRelease } from './release/releaseHistory';
import { readCommitStatement, readReviewAfterDays } from './release/releaseSettings';

export interface ReleaseCommandDeps {
  readonly store: ValueStore;
  readonly linking: LinkingService;
  readonly releaseWatcher: ReleaseWatcher;
  readonly drafts: DraftMemento;
}

// A function, not a constant: vscode.l10n.t needs the extension's bundle, which loads with activation.
const title = (): string => vscode.l10n.t('Create Release Branch');

/**
 * **Value: Create Release Branch…** — name (suggested from tags and statements), base, then the
 * expected value (intents, summary, measures, value), confirm; then creates the branch from the
 * base, switches to it, writes `.value/releases/<name>.yaml` and commits it if wanted. Escape at
 * any step changes nothing and keeps the answers as a draft. Returns the report, or undefined when nothing was attempted.
 */
export async function createReleaseBranch(deps: ReleaseCommandDeps): Promise<ReleaseReport | undefined> {
  if (!requireTrust(vscode.l10n.t('create a release branch'))) return undefined;
  const folders = releaseFolders(deps.store, deps.linking);
  if (folders.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No .value/ folder in this workspace yet: add an intent first (Value: New Intent…), then create the release branch.'));
    return undefined;
  }
  const folder = await chooseReleaseFolder(folders);
  if (!folder) return undefined;
  const git = branchOpsFor(folder.folder);

  let branches: BranchInfo[];
  let history: Awaited<ReturnType<typeof lastRelease>>;
  let author: string | undefined;
  let dirty: boolean;
  try {
    [branches, history, author, dirty] = await Promise.all([git.branches(), lastRelease(folder, git), git.author(), git.hasUncommittedChanges()]);
  } catch (e) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Value Lens cannot create a release branch in {0}: {1}', folder.folder.name, gitFailureReason(e)));
    return undefined;
  }
  const local = branches.filter((b) => !b.remote).map((b) => b.name);
  // A remote's release branch counts as taken too: someone already cut that release.
  const taken = new Set([...local, ...branches.filter((b) => b.remote).map((b) => b.name.slice(b.name.indexOf('/') + 1))]);
  const suggestions = suggestReleaseNames(history.latest, folder.patterns.globs, (b) => taken.has(b));
  const defaultBase = folder.scan?.state.base?.name ?? folder.config.baseBranch ?? (local.includes('main') ? 'main' : local.includes('master') ? 'master' : folder.scan?.branch ?? 'HEAD');
  const today = localIsoDate();
  const state: ExpectedState & { name?: string; base?: string } = { measures: new Map() };

  const statementClash = async (name: string): Promise<string | undefined> => {
    const entry = statementNameFor(name, folder.patterns);
    const file = statementPath(entry);
    try {
      await vscode.workspace.fs.stat(vscode.Uri.joinPath(folder.folder.uri, ...file.split('/')));
      return vscode.l10n.t('{0} already exists: that release has a statement. Choose another name, or edit that file.', file);
    } catch {
      return undefined;
    }
  };
  const checkName = async (name: string): Promise<string | undefined> => localize(releaseBranchProblem(name, taken, folder.patterns)) ?? (await statementClash(name));

  const other = `$(edit) ${vscode.l10n.t('Another name…')}`;
  const askName: InputStep = async (input) => {
    const items = [
      ...suggestions.map((s) => ({
        label: s.branch,
        description: s.bump === 'first' ? vscode.l10n.t('first release') : vscode.l10n.t('next {0} after {1}', s.bump, history.latest?.from ?? ''),
        branch: s.branch,
      })),
      { label: other, description: vscode.l10n.t('type any name that matches the release patterns'), alwaysShow: true, branch: undefined as string | undefined },
    ];
    // A name typed before (Back, or a kept draft) stays on "Another name…"; else the first suggestion.
    // ("Another name…" has no branch, so an unanswered step must not look it up by name.)
    const named = state.name;
    const active = named === undefined ? items[0] : (items.find((i) => i.branch === named) ?? items[items.length - 1]);
    const { item, value } = await input.showQuickPickWithValue({
      title: title(), step: 1, totalSteps: 8, items, activeItem: active,
      placeholder: vscode.l10n.t('Release branch name ({0}): pick a suggestion or type a name', folder.patterns.describe()),
    });
    const typed = value.trim();
    if (item.branch && (typed === '' || typed === item.branch) && (await checkName(item.branch)) === undefined) {
      state.name = item.branch;
      return askBase;
    }
    state.name = typed || item.branch || state.name || (folder.patterns.globs[0] ?? 'release/*').replace('*', '');
    return askTypedName;
  };

  const askTypedName: InputStep = async (input) => {
    state.name = await input.showInputBox({
      title: title(), step: 1, totalSteps: 8, value: state.name ?? '',
      prompt: vscode.l10n.t('Release branch name, checked like git check-ref-format --branch (patterns: {0})', folder.patterns.describe()),
      validate: checkName,
    });
    return askBase;
  };

  const askBase: InputStep = async (input) => {
    const tags = await git.tags().catch(() => []);
    const seen = new Set<string>();
    const items: (vscode.QuickPickItem & { base?: string })[] = [];
    const add = (base: string, description: string): void => {
      if (seen.has(base)) return;
      seen.add(base);
      items.push({ label: base, description, base });
    };
    add(defaultBase, vscode.l10n.t('default base'));
    const separator = (label: string): void => void items.push({ label, kind: vscode.QuickPickItemKind.Separator });
    separator(vscode.l10n.t('recent branches'));
    for (const b of branches.filter((b) => !b.remote && !folder.patterns.matches(b.name)).slice(0, 8)) add(b.name, vscode.l10n.t('branch'));
    for (const b of branches.filter((b) => b.remote).slice(0, 5)) add(b.name, vscode.l10n.t('remote branch'));
    separator(vscode.l10n.t('tags'));
    for (const t of tags.slice(0, 8)) add(t.name, vscode.l10n.t('tag'));
    const picked = await input.showQuickPick({
      title: title(), step: 2, totalSteps: 8, items, activeItem: items.find((i) => i.base === (state.base ?? defaultBase)),
      placeholder: vscode.l10n.t('Base: the branch or tag {0} is cut from', state.name ?? vscode.l10n.t('the release')),
    });
    state.base = picked.base ?? defaultBase;
    return expectedSteps;
  };

  const expectedSteps = expectedValueSteps({
    title: title(),
    stepsBefore: 2,
    folder,
    branch: () => state.name,
    today,
    reviewAfterDays: readReviewAfterDays(folder.folder),
    commitSetting: readCommitStatement(folder.folder),
    preselect: () => intentsSinceLastRelease(folder, git, state.base ?? defaultBase, history.ref),
    action: () => {
      const name = state.name ?? '';
      const file = statementPath(statementNameFor(name, folder.patterns));
      const notes = dirty ? [vscode.l10n.t('uncommitted changes move to {0}; only the statement is committed', name)] : [];
      return { label: vscode.l10n.t('Create {0}', name), detail: vscode.l10n.t('from {0} · {1} · intents: {2}', state.base ?? defaultBase, file, (state.intents ?? []).join(', ') || vscode.l10n.t('none')), notes };
    },
  }, state);

  const finished = await new FlowDrafts(deps.drafts).run({
    key: `createRelease:${folder.folder.uri.toString()}`,
    title: title(),
    start: askName,
    snapshot: () => snapshotExpected(state),
    restore: (saved) => {
      restoreExpected(state, saved);
      return true;
    },
  });
  if (!finished) return undefined;
  const branch = state.name ?? '';
  const statementName = statementNameFor(branch, folder.patterns);
  const statement = buildReleaseStatement({
    release: statementName,
    branch,
    base: state.base ?? defaultBase,
    created: today,
    ...(author ? { author } : {}),
    ...expectedOf({ folder }, state),
  });
  const report = await finishRelease(
    { store: deps.store, linking: deps.linking, releaseWatcher: deps.releaseWatcher, git, folder: folder.folder },
    { folder: folder.folder.uri.fsPath, statementName, statement, createBranch: true, commit: state.commit ?? false, trailer: folder.config.trailer },
    state.remember,
  );
  // The answers are in the statement now; if it could not be written they stay for another try.
  if (report.statementWritten) await finished.discard();
  return report;
}
