import vscode = require('vscode');
import { untilLoaded } from '../lazy/untilLoaded';
import type { IntentEntry } from '../core/model/valueModel';
import type { IntentStatus } from '../core/model/types';
import { INTENT_STATUSES } from '../core/model/types';
import { formatMoneyLong, formatMoneyShort } from '../core/present/formatMoney';
import type { LinkingService } from '../state/linkingService';
import type { FolderState, ValueStore } from '../state/valueStore';
import { valueFiles } from '../state/valueStore';
import { BrokenFileNode, FolderNode, InfoNode, md, openAt } from './commonNodes';
import { ViewIds } from './viewIds';

// Titles are prose (accents, any script), so they sort with ICU, made on first use.
let titles: Intl.Collator | undefined;
const compareTitles = (a: string, b: string): number => (titles ??= new Intl.Collator('en', { numeric: true, sensitivity: 'base' })).compare(a, b);

// A function, not a constant: vscode.l10n.t needs the extension's bundle, which loads with activation.
const statusLabels = (): Record<IntentStatus, string> => ({ active: vscode.l10n.t('Active'), proposed: vscode.l10n.t('Proposed'), delivered: vscode.l10n.t('Delivered'), dropped: vscode.l10n.t('Dropped') });
const STATUS_ORDER: readonly IntentStatus[] = ['active', 'proposed', 'delivered', 'dropped'];

export class StatusGroupNode extends vscode.TreeItem {
  constructor(readonly state: FolderState, readonly status: IntentStatus, readonly intents: readonly IntentEntry[]) {
    super(statusLabels()[status], status === 'active' || status === 'proposed' ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
    this.id = `status:${state.folder.uri.toString()}:${status}`;
    this.description = String(intents.length);
    this.contextValue = 'statusGroup';
  }
}

/** One intent: title, value and owner; its children say what links to it. */
export class IntentNode extends vscode.TreeItem {
  constructor(readonly state: FolderState, readonly entry: IntentEntry, locale: string) {
    const { intent } = entry;
    super(intent.title, vscode.TreeItemCollapsibleState.Collapsed);
    this.id = `intent:${state.folder.uri.toString()}:${intent.id}`;
    // A file with errors keeps its intent in place, marked, so one typo hides nothing (issue 18).
    this.description = [entry.hasErrors && vscode.l10n.t('has errors'), intent.value && formatMoneyShort(intent.value, locale), intent.owner].filter(Boolean).join(' · ');
    this.iconPath = entry.hasErrors ? new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground')) : new vscode.ThemeIcon('target');
    this.contextValue = 'intent';
    this.resourceUri = this.uri;
    const tip = new vscode.MarkdownString(undefined, true);
    tip.appendMarkdown(`**${md(intent.title)}** \`${intent.id}\` — ${md(intent.status)}\n\n${md(intent.why)}\n\n`);
    if (entry.hasErrors) tip.appendMarkdown(`$(error) ${md(vscode.l10n.t('{0} has errors: see the Problems panel.', entry.file))}\n\n`);
    if (intent.metric) {
      const unit = intent.metric.unit ?? '';
      const range = [intent.metric.baseline, intent.metric.target].map((n) => (n === undefined ? '?' : `${n}${unit}`)).join(' → ');
      tip.appendMarkdown(`$(graph-line) ${md(intent.metric.name)}: ${md(range)}\n\n`);
    }
    if (intent.value) tip.appendMarkdown(`$(credit-card) ${md(formatMoneyLong(intent.value, locale))}${intent.value.confidence ? ` ${vscode.l10n.t('({0} confidence)', intent.value.confidence)}` : ''}\n\n`);
    tip.appendMarkdown(`${intent.sponsor ? vscode.l10n.t('Owner: {0} · Sponsor: {1}', md(intent.owner), md(intent.sponsor)) : vscode.l10n.t('Owner: {0}', md(intent.owner))}\n\n`);
    for (const link of intent.links) tip.appendMarkdown(`[${md(link)}](${encodeURI(link)})  \n`);
    this.tooltip = tip;
    const line = state.model.parsed(entry.file)?.locate(['id']).start.line ?? 0;
    this.command = openAt(this.uri, line);
  }

  get uri(): vscode.Uri {
    return vscode.Uri.joinPath(this.state.folder.uri, ...this.entry.file.split('/'));
  }
}

type Node = FolderNode<StatusGroupNode | BrokenFileNode> | StatusGroupNode | IntentNode | BrokenFileNode | InfoNode;

/**
 * The Intents view: intents grouped by status, each with value and owner; children list the
 * paths, branches, releases and commits on the current branch that link to it. Reads only the
 * store and the linking service; no I/O.
 */
export class IntentsViewProvider implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(private readonly store: ValueStore, private readonly linking: LinkingService) {
    store.onDidChange(() => this.changed.fire(undefined), this, this.disposables);
    // Commit children depend on the branch scan.
    linking.onDidChange(() => this.changed.fire(undefined), this, this.disposables);
  }

  getTreeItem(node: Node): vscode.TreeItem {
    return node;
  }

  getChildren(node?: Node): Node[] {
    if (!node) {
      const folders = this.store.folders.map((state) => new FolderNode(state, this.folderChildren(state), vscode.l10n.t('no intents yet')));
      if (folders.length > 1) return folders.some((f) => f.children.length > 0) ? folders : [];
      return [...(folders[0]?.children ?? [])];
    }
    if (node instanceof FolderNode) return [...node.children];
    if (node instanceof StatusGroupNode) return node.intents.map((entry) => new IntentNode(node.state, entry, vscode.env.language));
    if (node instanceof IntentNode) return this.intentChildren(node);
    return [];
  }

  getParent(): undefined {
    return undefined;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  private folderChildren(state: FolderState): (StatusGroupNode | BrokenFileNode)[] {
    const byStatus = new Map<IntentStatus, IntentEntry[]>(INTENT_STATUSES.map((s) => [s, []]));
    for (const entry of state.model.intents.values()) byStatus.get(entry.intent.status)?.push(entry);
    const groups = STATUS_ORDER.filter((s) => (byStatus.get(s)?.length ?? 0) > 0).map((s) =>
      new StatusGroupNode(state, s, [...(byStatus.get(s) ?? [])].sort((a, b) => compareTitles(a.intent.title, b.intent.title))));
    const shown = new Set([...state.model.intents.values()].filter((e) => e.hasErrors).map((e) => vscode.Uri.joinPath(state.folder.uri, ...e.file.split('/')).toString()));
    const broken = valueFiles(state, 'intent').filter((f) => f.broken && !shown.has(f.uri.toString())).map((f) => new BrokenFileNode(f.uri, f.name));
    return [...groups, ...broken];
  }

  private intentChildren(node: IntentNode): InfoNode[] {
    const { intent } = node.entry;
    const key = node.id ?? intent.id;
    const children: InfoNode[] = [];
    for (const glob of intent.paths) children.push(new InfoNode(`${key}:path:${glob}`, glob, glob.startsWith('!') ? 'exclude' : 'file-submodule', vscode.l10n.t('path')));
    for (const glob of intent.branches) children.push(new InfoNode(`${key}:branch:${glob}`, glob, 'git-branch', vscode.l10n.t('branch')));
    for (const release of node.state.model.releases) {
      if (release.statement.expected.intents.includes(intent.id)) {
        const item = new InfoNode(`${key}:release:${release.name}`, release.name, 'rocket', vscode.l10n.t('release'), release.statement.expected.summary);
        item.command = openAt(vscode.Uri.joinPath(node.state.folder.uri, ...release.file.split('/')), 0);
        children.push(item);
      }
    }
    const scan = this.linking.linksOf(node.state.folder)?.scan;
    for (const commit of scan?.commits ?? []) {
      if (commit.intents.includes(intent.id)) children.push(new InfoNode(`${key}:commit:${commit.sha}`, commit.subject, 'git-commit', commit.sha.slice(0, 7), `${commit.author} · ${commit.date}`));
    }
    if (children.length === 0) children.push(new InfoNode(`${key}:none`, vscode.l10n.t('Nothing links here yet'), 'info', vscode.l10n.t('add paths, branches or Intent: trailers')));
    return children;
  }
}

export function registerIntentsView(context: vscode.ExtensionContext, store: ValueStore, linking: LinkingService): IntentsViewProvider {
  const provider = new IntentsViewProvider(store, linking);
  const view = vscode.window.createTreeView(ViewIds.intents, { treeDataProvider: untilLoaded(store, provider), showCollapseAll: true });
  context.subscriptions.push(provider, view);
  return provider;
}
