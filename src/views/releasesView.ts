import vscode = require('vscode');
import { untilLoaded } from '../lazy/untilLoaded';
import type { ReleaseEntry } from '../core/model/valueModel';
import type { Verdict } from '../core/model/types';
import { formatMoneyLong, formatMoneyShort } from '../core/present/formatMoney';
import { reviewMessage, reviewState } from '../core/present/reviewDue';
import { localIsoDate } from '../core/today';
import type { ReleaseWatcher, UnstatedRelease } from '../state/releaseWatcher';
import type { FolderState, ValueStore } from '../state/valueStore';
import { valueFiles } from '../state/valueStore';
import { localize } from '../ui/localize';
import { BrokenFileNode, FolderNode, md, openAt } from './commonNodes';
import { ViewIds } from './viewIds';

/** The overall verdict of a reviewed release: the worst of its measures. */
function overallVerdict(entry: ReleaseEntry): Verdict | undefined {
  const verdicts = entry.statement.outcome?.measures.map((m) => m.verdict).filter((v): v is Verdict => v !== undefined) ?? [];
  if (verdicts.includes('missed')) return 'missed';
  if (verdicts.includes('partial')) return 'partial';
  return verdicts.length ? 'met' : undefined;
}

// A function, not a constant: vscode.l10n.t needs the extension's bundle, which loads with activation.
const verdictLabels = (): Record<Verdict, string> => ({ met: vscode.l10n.t('met'), partial: vscode.l10n.t('partial'), missed: vscode.l10n.t('missed') });

const VERDICT_ICONS: Record<Verdict, [string, string]> = {
  met: ['pass', 'testing.iconPassed'],
  partial: ['circle-large-outline', 'list.warningForeground'],
  missed: ['error', 'list.errorForeground'],
};

/** One release statement: expected value, outcome verdict, review due or overdue. */
export class ReleaseNode extends vscode.TreeItem {
  constructor(readonly state: FolderState, readonly entry: ReleaseEntry, locale: string, today: string) {
    super(entry.name, vscode.TreeItemCollapsibleState.None);
    const { statement } = entry;
    this.id = `release:${state.folder.uri.toString()}:${entry.name}`;
    this.contextValue = 'release';
    const review = reviewState(statement, today);
    const verdict = overallVerdict(entry);
    const expected = statement.expected.value && formatMoneyShort(statement.expected.value, locale);
    const realised = statement.outcome?.value && formatMoneyShort(statement.outcome.value, locale);
    this.description = [
      expected && (realised ? `${expected} → ${realised}` : vscode.l10n.t('expected {0}', expected)),
      verdict && verdictLabels()[verdict],
      localize(reviewMessage(review)),
    ].filter(Boolean).join(' · ');
    if (review.kind === 'overdue') this.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
    else if (review.kind === 'due' || review.kind === 'upcoming') this.iconPath = new vscode.ThemeIcon('calendar');
    else if (verdict) this.iconPath = new vscode.ThemeIcon(VERDICT_ICONS[verdict][0], new vscode.ThemeColor(VERDICT_ICONS[verdict][1]));
    else this.iconPath = new vscode.ThemeIcon('rocket');

    const tip = new vscode.MarkdownString(undefined, true);
    tip.appendMarkdown(`${vscode.l10n.t('**{0}** on {1} from {2}, {3}', md(statement.release), md(statement.branch), md(statement.base), md(statement.created))}\n\n`);
    tip.appendMarkdown(`${vscode.l10n.t('Expected: {0}', md(statement.expected.summary))}\n\n`);
    if (statement.expected.value) tip.appendMarkdown(`${vscode.l10n.t('Expected value: {0}', md(formatMoneyLong(statement.expected.value, locale)))}\n\n`);
    for (const m of statement.expected.measures) {
      const actual = statement.outcome?.measures.find((o) => o.metric === m.metric);
      tip.appendMarkdown(`- ${md(m.metric)}: ${m.baseline ?? '?'} → ${m.target ?? '?'}${actual?.actual !== undefined ? `, ${vscode.l10n.t('actual {0}', actual.actual)}` : ''}${actual?.verdict ? ` (${verdictLabels()[actual.verdict]})` : m.review ? `, ${vscode.l10n.t('review {0}', md(m.review))}` : ''}\n`);
    }
    if (statement.outcome) {
      tip.appendMarkdown(`\n${statement.outcome.value ? vscode.l10n.t('Realised: {0} (recorded {1})', md(formatMoneyLong(statement.outcome.value, locale)), md(statement.outcome.recorded)) : vscode.l10n.t('Realised (recorded {0})', md(statement.outcome.recorded))}\n\n`);
      if (statement.outcome.notes) tip.appendMarkdown(`${md(statement.outcome.notes)}\n`);
    }
    this.tooltip = tip;
    this.command = openAt(vscode.Uri.joinPath(state.folder.uri, ...entry.file.split('/')), 0);
  }
}

/** A release branch without a value statement (found among local and fetched branches). */
export class UnstatedReleaseNode extends vscode.TreeItem {
  constructor(readonly release: UnstatedRelease) {
    super(release.branch, vscode.TreeItemCollapsibleState.None);
    this.id = `unstated:${release.folder.uri.toString()}:${release.branch}`;
    this.description = release.ref === release.branch ? vscode.l10n.t('no value stated') : vscode.l10n.t('no value stated · {0}', release.ref);
    this.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
    this.tooltip = vscode.l10n.t('{0} is a release branch without a value statement. Check it out to state its expected value (Value: State Expected Value for This Branch…).', release.branch);
    this.contextValue = 'unstatedRelease';
  }
}

type Child = ReleaseNode | BrokenFileNode | UnstatedReleaseNode;
type Node = FolderNode<Child> | Child;

/** The Releases view: every release statement, newest first. Reads only the store. */
export class ReleasesViewProvider implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(private readonly store: ValueStore, private readonly releases: ReleaseWatcher) {
    store.onDidChange(() => this.changed.fire(undefined), this, this.disposables);
    releases.onDidChange(() => this.changed.fire(undefined), this, this.disposables);
  }

  getTreeItem(node: Node): vscode.TreeItem {
    return node;
  }

  getChildren(node?: Node): Node[] {
    if (node instanceof FolderNode) return [...node.children];
    if (node) return [];
    const today = localIsoDate();
    const folders = this.store.folders.map((state) => {
      const releases = [...state.model.releases].reverse().map((entry) => new ReleaseNode(state, entry, vscode.env.language, today));
      const broken = valueFiles(state, 'release').filter((f) => f.broken).map((f) => new BrokenFileNode(f.uri, f.name));
      const unstated = this.releases.unstated.filter((u) => u.folder.uri.toString() === state.folder.uri.toString()).map((u) => new UnstatedReleaseNode(u));
      return new FolderNode<Child>(state, [...unstated, ...releases, ...broken], vscode.l10n.t('no releases yet'));
    });
    if (folders.length > 1) return folders.some((f) => f.children.length > 0) ? folders : [];
    return [...(folders[0]?.children ?? [])];
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

export function registerReleasesView(context: vscode.ExtensionContext, store: ValueStore, releases: ReleaseWatcher): ReleasesViewProvider {
  const provider = new ReleasesViewProvider(store, releases);
  context.subscriptions.push(provider, vscode.window.createTreeView(ViewIds.releases, { treeDataProvider: untilLoaded(store, provider), showCollapseAll: true }));
  return provider;
}
