import * as path from 'path';
import vscode = require('vscode');
import { untilLoaded } from '../lazy/untilLoaded';
import type { LinkedCommit } from '../core/linking/coverage';
import { isFullScan } from '../core/linking/branchScan';
import type { FileIntent } from '../core/linking/linkingEngine';
import { formatMoneyShort } from '../core/present/formatMoney';
import { message } from '../core/present/messages';
import { localIsoDate } from '../core/today';
import type { FolderLinks, LinkingService } from '../state/linkingService';
import type { FolderState, ValueStore } from '../state/valueStore';
import { localize } from '../ui/localize';
import { InfoNode, md, mdCode, openAt } from './commonNodes';
import { ViewIds } from './viewIds';

// Functions, not constants: vscode.l10n.t needs the extension's bundle, which loads with activation.
const fileReasons = (): Record<string, string> => ({ path: vscode.l10n.t('paths glob'), commit: vscode.l10n.t('commit trailer') });
const branchReasons = (): Record<string, string> => ({ pattern: vscode.l10n.t('branch pattern'), name: vscode.l10n.t('branch name'), commit: vscode.l10n.t('commit trailer') });

/** An intent linked to the active file or the branch, with why it is linked. */
export class LinkedIntentNode extends vscode.TreeItem {
  constructor(parentId: string, readonly state: FolderState, readonly intentId: string, reasons: readonly string[], names: Record<string, string>) {
    const entry = state.model.intents.get(intentId);
    super(entry?.intent.title ?? intentId, vscode.TreeItemCollapsibleState.None);
    this.id = `${parentId}:intent:${intentId}`;
    this.iconPath = new vscode.ThemeIcon('target');
    const value = entry?.intent.value ? formatMoneyShort(entry.intent.value, vscode.env.language) : undefined;
    this.description = [value, vscode.l10n.t('via {0}', reasons.map((r) => names[r] ?? r).join(', '))].filter(Boolean).join(' · ');
    this.tooltip = entry ? new vscode.MarkdownString(`**${md(entry.intent.title)}** \`${intentId}\`\n\n${md(entry.intent.why)}`) : intentId;
    this.contextValue = 'intent';
    if (entry) this.command = openAt(vscode.Uri.joinPath(state.folder.uri, ...entry.file.split('/')), state.model.parsed(entry.file)?.locate(['id']).start.line ?? 0);
  }
}

/** The active editor's file. */
export class FileNode extends vscode.TreeItem {
  constructor(readonly state: FolderState, readonly uri: vscode.Uri, readonly intents: readonly FileIntent[]) {
    super(path.basename(uri.fsPath), vscode.TreeItemCollapsibleState.Expanded);
    this.id = `file:${state.folder.uri.toString()}`;
    this.resourceUri = uri;
    this.iconPath = vscode.ThemeIcon.File;
    this.description = intents.length === 0 ? vscode.l10n.t('no intent') : intents.length === 1 ? vscode.l10n.t('serves 1 intent') : vscode.l10n.t('serves {0} intents', intents.length);
    this.contextValue = 'activeFile';
  }
}

/** The current branch with its value coverage. */
export class BranchNode extends vscode.TreeItem {
  constructor(readonly state: FolderState, readonly links: FolderLinks) {
    const scan = links.scan;
    const head = scan?.state.head;
    const label = !scan ? vscode.l10n.t('Branch') : head?.kind === 'detached' ? vscode.l10n.t('detached at {0}', head.sha.slice(0, 7)) : scan.branch ?? vscode.l10n.t('Branch');
    super(label, vscode.TreeItemCollapsibleState.Expanded);
    this.id = `branch:${state.folder.uri.toString()}`;
    this.iconPath = new vscode.ThemeIcon(head?.kind === 'detached' ? 'git-commit' : 'git-branch');
    this.contextValue = 'branch';
    if (scan) {
      const { commits } = scan.coverage;
      this.description = commits.total ? vscode.l10n.t('{0} of {1} commits linked', commits.linked, commits.total) : scan.state.base ? vscode.l10n.t('no commits ahead of {0}', scan.state.base.name) : '';
      const files = isFullScan(scan) ? vscode.l10n.t('{0} of {1} linked', scan.coverage.files.linked, scan.coverage.files.total) : vscode.l10n.t('counting…');
      this.tooltip = new vscode.MarkdownString(scan.state.base
        ? vscode.l10n.t('Value coverage on {0} against {1}:\n\n- commits: {2} of {3} linked\n- changed files: {4}', mdCode(label), mdCode(scan.state.base.name), commits.linked, commits.total, files)
        : vscode.l10n.t('Value coverage on {0}:\n\n- commits: {1} of {2} linked\n- changed files: {3}', mdCode(label), commits.linked, commits.total, files));
    }
  }
}

export class GroupNode extends vscode.TreeItem {
  constructor(id: string, label: string, readonly children: readonly vscode.TreeItem[], icon: string, expanded = false) {
    super(label, expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
    this.id = id;
    this.description = String(children.length);
    this.iconPath = new vscode.ThemeIcon(icon);
    this.contextValue = 'group';
  }
}

export class CommitNode extends vscode.TreeItem {
  /** `stray`: a trailer-like line of the commit that git does not read as a trailer. */
  constructor(parentId: string, commit: LinkedCommit, stray?: string) {
    super(commit.subject, vscode.TreeItemCollapsibleState.None);
    this.id = `${parentId}:${commit.sha}`;
    this.iconPath = new vscode.ThemeIcon((commit.intents.length > 0) ? 'git-commit' : 'circle-slash');
    const ids = commit.trailerIds.length ? commit.trailerIds.join(', ') : vscode.l10n.t('no Intent trailer');
    this.description = `${commit.sha.slice(0, 7)} · ${ids}`;
    this.tooltip = `${commit.subject}\n${commit.author}, ${commit.date}\n${(commit.intents.length > 0) ? vscode.l10n.t('Serves {0}', commit.intents.join(', ')) : vscode.l10n.t('Not linked to an existing intent')}`;
    this.contextValue = (commit.intents.length > 0) ? 'commit' : 'unlinkedCommit';
    if (stray !== undefined) {
      const why = localize(message('strayTrailer', stray));
      this.iconPath = new vscode.ThemeIcon('warning');
      this.description = `${commit.sha.slice(0, 7)} · ${why}`;
      this.tooltip = `${this.tooltip}\n${why}`;
    }
  }
}

class FolderGroupNode extends vscode.TreeItem {
  constructor(readonly state: FolderState, readonly children: readonly vscode.TreeItem[]) {
    super(state.folder.name, vscode.TreeItemCollapsibleState.Expanded);
    this.id = `currentFolder:${state.folder.uri.toString()}`;
    this.iconPath = vscode.ThemeIcon.Folder;
    this.contextValue = 'folder';
  }
}

/**
 * The Current view: the active file's intents, the current branch's intents and value coverage,
 * the commits ahead of base and what is not linked. Follows the active editor; the file's
 * history lookup runs in the background and the view fills in when it answers.
 */
export class CurrentViewProvider implements vscode.TreeDataProvider<vscode.TreeItem>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private active: { uri: vscode.Uri; intents: readonly FileIntent[] } | undefined;
  private lookup = 0;

  constructor(private readonly store: ValueStore, private readonly linking: LinkingService) {
    store.onDidChange(() => this.followEditor(), this, this.disposables);
    linking.onDidChange(() => this.followEditor(), this, this.disposables);
    vscode.window.onDidChangeActiveTextEditor(() => this.followEditor(), this, this.disposables);
    this.followEditor();
  }

  /** The active file and its intents as last computed (for the status bar and tests). */
  get activeFile(): { readonly uri: vscode.Uri; readonly intents: readonly FileIntent[] } | undefined {
    return this.active;
  }

  getTreeItem(node: vscode.TreeItem): vscode.TreeItem {
    return node;
  }

  getChildren(node?: vscode.TreeItem): vscode.TreeItem[] {
    if (node instanceof FolderGroupNode || node instanceof GroupNode) return [...node.children];
    if (node instanceof FileNode) {
      return node.intents.length
        ? node.intents.map((i) => new LinkedIntentNode(node.id ?? 'file', node.state, i.id, i.reasons, fileReasons()))
        : [new InfoNode(`${node.id}:none`, vscode.l10n.t('No intent covers this file'), 'info', vscode.l10n.t('Link File/Folder to Intent…'))];
    }
    if (node instanceof BranchNode) return this.branchChildren(node);
    if (node) return [];
    const folders = this.store.folders.filter((s) => s.hasValueFolder);
    const groups = folders.map((state) => new FolderGroupNode(state, this.folderChildren(state)));
    if (groups.length > 1) return groups;
    return [...(groups[0]?.children ?? [])];
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  private folderChildren(state: FolderState): vscode.TreeItem[] {
    const children: vscode.TreeItem[] = [];
    const active = this.active;
    if (active && vscode.workspace.getWorkspaceFolder(active.uri)?.uri.toString() === state.folder.uri.toString()) {
      children.push(new FileNode(state, active.uri, active.intents));
    }
    const links = this.linking.linksOf(state.folder);
    if (links) children.push(new BranchNode(state, links));
    return children;
  }

  private branchChildren(node: BranchNode): vscode.TreeItem[] {
    const { links, state } = node;
    const id = node.id ?? 'branch';
    if (links.unavailable) return [new InfoNode(`${id}:unavailable`, links.unavailable, 'info')];
    const scan = links.scan;
    if (!scan) return [new InfoNode(`${id}:scanning`, vscode.l10n.t('Reading git…'), 'loading~spin')];
    const children: vscode.TreeItem[] = scan.intents.map((i) => new LinkedIntentNode(id, state, i.id, i.reasons, branchReasons()));
    if (scan.intents.length === 0) children.push(new InfoNode(`${id}:noIntent`, vscode.l10n.t('No intent linked to this branch'), 'info', vscode.l10n.t('Link Branch to Intent…')));
    if (scan.state.degraded) children.push(new InfoNode(`${id}:degraded`, scan.state.degradedRef ? localize(scan.state.degradedRef) : scan.state.degraded, 'warning'));
    const base = scan.state.base?.name ?? vscode.l10n.t('base');
    if (scan.commits.length) children.push(new GroupNode(`${id}:commits`, vscode.l10n.t('Commits ahead of {0}', base), scan.commits.map((c) => new CommitNode(`${id}:commits`, c)), 'git-commit'));
    const unlinkedCommits = scan.commits.filter((c) => c.intents.length === 0);
    if (unlinkedCommits.length) children.push(new GroupNode(`${id}:unlinkedCommits`, vscode.l10n.t('Unlinked commits'), unlinkedCommits.map((c) => new CommitNode(`${id}:unlinkedCommits`, c, links.strayTrailers?.get(c.sha))), 'circle-slash'));
    if (!isFullScan(scan)) children.push(new InfoNode(`${id}:countingFiles`, vscode.l10n.t('Counting changed files…'), 'loading~spin'));
    const unlinkedFiles = isFullScan(scan) ? scan.files.filter((f) => !f.linked) : [];
    if (unlinkedFiles.length) {
      children.push(new GroupNode(`${id}:unlinkedFiles`, vscode.l10n.t('Unlinked files'), unlinkedFiles.map((f) => {
        const item = new InfoNode(`${id}:unlinkedFiles:${f.path}`, f.path, 'file', f.uncommitted ? vscode.l10n.t('uncommitted') : undefined);
        item.resourceUri = vscode.Uri.joinPath(state.folder.uri, ...f.path.split('/'));
        item.command = { command: 'vscode.open', title: vscode.l10n.t('Open'), arguments: [item.resourceUri] };
        return item;
      }), 'circle-slash'));
    }
    const today = localIsoDate();
    for (const u of scan.unknownTrailers) {
      // An id whose file exists but has errors is not unknown: the file is what to fix.
      const broken = state.model.brokenIntentFile(u.id, today);
      const label = broken === undefined ? vscode.l10n.t('Unknown intent "{0}"', u.id) : localize(message('intentHasErrors', u.id, broken));
      children.push(new InfoNode(`${id}:unknown:${u.sha}:${u.id}`, label, broken === undefined ? 'warning' : 'error', vscode.l10n.t('in {0}', u.sha.slice(0, 7))));
    }
    return children;
  }

  private followEditor(): void {
    const editor = vscode.window.activeTextEditor;
    const uri = editor?.document.uri;
    const ticket = ++this.lookup;
    if (!uri || uri.scheme !== 'file' || !vscode.workspace.getWorkspaceFolder(uri)) {
      // Keep showing the last file while focus is in a panel or an output view.
      this.changed.fire(undefined);
      return;
    }
    // Path globs answer at once; the history lookup (cached per HEAD) fills in after.
    this.active = { uri, intents: this.linking.pathIntents(uri).map((id) => ({ id, reasons: ['path'] })) };
    this.changed.fire(undefined);
    void this.linking.fileIntents(uri).then((intents) => {
      if (ticket !== this.lookup) return;
      this.active = { uri, intents };
      this.changed.fire(undefined);
    });
  }
}

export function registerCurrentView(context: vscode.ExtensionContext, store: ValueStore, linking: LinkingService): CurrentViewProvider {
  const provider = new CurrentViewProvider(store, linking);
  context.subscriptions.push(provider, vscode.window.createTreeView(ViewIds.current, { treeDataProvider: untilLoaded(store, provider) }));
  return provider;
}
