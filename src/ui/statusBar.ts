import vscode = require('vscode');
import { isFullScan } from '../core/linking/branchScan';
import { formatMoneyShort } from '../core/present/formatMoney';
import { reviewMessage, reviewState } from '../core/present/reviewDue';
import type { StatusView } from '../core/present/statusText';
import { formatStatus } from '../core/present/statusText';
import { localIsoDate } from '../core/today';
import type { LinkingService } from '../state/linkingService';
import type { FolderState, ValueStore } from '../state/valueStore';
import { md } from '../views/commonNodes';
import { localize, translate } from './localize';

/** Tells the status bar that the current branch is a release branch without a statement. */
export interface MissingStatementSource {
  readonly onDidChange: vscode.Event<void>;
  /** The branch of `folder` that needs a value statement, if any. */
  missingStatement(folder: vscode.WorkspaceFolder): string | undefined;
}

/**
 * The status-bar indicator: the current branch's main intent and its value, a warning on a
 * release branch without a value statement, coverage and reviews in the tooltip.
 */
export class StatusBarController implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('valueLens.status', vscode.StatusBarAlignment.Left, 50);
  private readonly disposables: vscode.Disposable[] = [this.item];
  private missing: MissingStatementSource | undefined;
  private shown: StatusView = { visible: false, text: '', warning: false, label: '' };

  constructor(private readonly store: ValueStore, private readonly linking: LinkingService) {
    this.item.name = vscode.l10n.t('Value Lens');
    store.onDidChange(() => this.update(), this, this.disposables);
    linking.onDidChange(() => this.update(), this, this.disposables);
    vscode.window.onDidChangeActiveTextEditor(() => this.update(), this, this.disposables);
    this.update();
  }

  /** What the status bar shows now (for tests and other surfaces). */
  get view(): StatusView {
    return this.shown;
  }

  /** Lets the release-branch watcher report a missing statement. */
  setMissingStatementSource(source: MissingStatementSource): void {
    this.missing = source;
    source.onDidChange(() => this.update(), this, this.disposables);
    this.update();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  /** The folder the user is working in: the active editor's, else the first with `.value/`. */
  private currentFolder(): FolderState | undefined {
    const uri = vscode.window.activeTextEditor?.document.uri;
    return (uri && this.store.folderOf(uri)) ?? this.store.folders.find((f) => f.hasValueFolder) ?? this.store.folders[0];
  }

  private update(): void {
    const state = this.currentFolder();
    const links = state && this.linking.linksOf(state.folder);
    const scan = links?.scan;
    const missingBranch = state && this.missing?.missingStatement(state.folder);
    const intents = (scan?.intents ?? []).map((i) => {
      const value = state?.model.intents.get(i.id)?.intent.value;
      return value ? { id: i.id, value } : { id: i.id };
    });
    const view = formatStatus({ intents, missingStatement: missingBranch !== undefined, hasValueFolder: state?.hasValueFolder ?? false, gitOff: links?.unavailable !== undefined }, vscode.env.language, translate);
    this.shown = view;
    if (!view.visible || !state) {
      this.item.hide();
      return;
    }
    this.item.text = view.text;
    this.item.accessibilityInformation = { label: view.label, role: 'button' };
    this.item.backgroundColor = view.warning ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.command = missingBranch
      ? { command: 'valueLens.stateExpectedValue', title: vscode.l10n.t('State Expected Value'), arguments: [state.folder] }
      : { command: 'valueLens.current.focus', title: vscode.l10n.t('Show Value Lens') };
    this.item.tooltip = this.tooltip(state, missingBranch);
    this.item.show();
  }

  private tooltip(state: FolderState, missingBranch: string | undefined): vscode.MarkdownString {
    const tip = new vscode.MarkdownString(undefined, true);
    const links = this.linking.linksOf(state.folder);
    const scan = links?.scan;
    if (missingBranch) tip.appendMarkdown(`$(warning) ${vscode.l10n.t('{0} is a release branch without a value statement. Click to state its expected value.', `**${md(missingBranch)}**`)}\n\n`);
    if (scan) {
      tip.appendMarkdown(`**${md(scan.branch ?? vscode.l10n.t('Detached HEAD'))}**\n\n`);
      for (const i of scan.intents) {
        const intent = state.model.intents.get(i.id)?.intent;
        if (!intent) continue;
        const value = intent.value ? ` · ${md(formatMoneyShort(intent.value, vscode.env.language))}` : '';
        tip.appendMarkdown(`$(target) **${md(intent.title)}**${value}  \n${md(intent.why)}\n\n`);
      }
      const { commits } = scan.coverage;
      if (isFullScan(scan)) {
        const { files } = scan.coverage;
        tip.appendMarkdown(`${vscode.l10n.t('Value coverage: {0}/{1} commits, {2}/{3} changed files linked', commits.linked, commits.total, files.linked, files.total)}\n\n`);
      } else {
        tip.appendMarkdown(`${vscode.l10n.t('Value coverage: {0}/{1} commits linked; counting changed files…', commits.linked, commits.total)}\n\n`);
      }
    } else if (links?.unavailable) {
      tip.appendMarkdown(`${md(links.unavailable)}\n\n`);
    }
    const today = localIsoDate();
    for (const release of state.model.releases) {
      const review = localize(reviewMessage(reviewState(release.statement, today)));
      if (review) tip.appendMarkdown(`$(calendar) ${md(release.name)}: ${md(review)}  \n`);
    }
    return tip;
  }
}

export function registerStatusBar(context: vscode.ExtensionContext, store: ValueStore, linking: LinkingService): StatusBarController {
  const controller = new StatusBarController(store, linking);
  context.subscriptions.push(controller);
  return controller;
}
