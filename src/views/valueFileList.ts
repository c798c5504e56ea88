import * as vscode from 'vscode';
import type { FolderState, ValueFile, ValueStore } from '../state/valueStore';

/** A workspace folder heading, shown only when more than one folder is open. */
export class FolderNode extends vscode.TreeItem {
  constructor(readonly state: FolderState, readonly children: readonly FileNode[]) {
    super(state.folder.name, vscode.TreeItemCollapsibleState.Expanded);
    this.id = `folder:${state.folder.uri.toString()}`;
    this.iconPath = vscode.ThemeIcon.Folder;
    this.resourceUri = state.folder.uri;
    this.contextValue = 'folder';
    if (children.length === 0) this.description = state.hasValueFolder ? 'none yet' : 'no .value/ folder';
  }
}

/** One YAML file of the value model; selecting it opens the file. */
export class FileNode extends vscode.TreeItem {
  constructor(readonly file: ValueFile, kind: string, icon: string) {
    super(file.name, vscode.TreeItemCollapsibleState.None);
    this.id = `${kind}:${file.uri.toString()}`;
    this.iconPath = file.broken ? new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground')) : new vscode.ThemeIcon(icon);
    this.resourceUri = file.uri;
    if (file.description) this.description = file.description;
    this.tooltip = file.broken
      ? `${vscode.workspace.asRelativePath(file.uri)} has errors: see the Problems panel`
      : vscode.workspace.asRelativePath(file.uri);
    this.contextValue = kind;
    this.command = { command: 'vscode.open', title: 'Open', arguments: [file.uri] };
  }
}

export type ListNode = FolderNode | FileNode;

/** What a list view shows of each folder's model. */
export interface ListSpec {
  readonly kind: string;
  readonly icon: string;
  readonly files: (state: FolderState) => readonly ValueFile[];
}

/**
 * A flat list of value files (intents or release statements), grouped by workspace folder in a
 * multi-root workspace. It only reads the store; an empty list lets the view's welcome content show.
 */
export class ValueFileListProvider implements vscode.TreeDataProvider<ListNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ListNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(private readonly store: ValueStore, private readonly spec: ListSpec) {
    store.onDidChange(() => this.changed.fire(undefined), this, this.disposables);
  }

  getTreeItem(node: ListNode): vscode.TreeItem {
    return node;
  }

  getChildren(node?: ListNode): ListNode[] {
    if (node instanceof FolderNode) return [...node.children];
    if (node) return [];
    const folders = this.store.folders;
    const grouped = folders.map((state) => new FolderNode(state, this.spec.files(state).map((f) => this.fileNode(f))));
    if (grouped.length > 1) return grouped.some((g) => g.children.length > 0) ? grouped : [];
    return [...(grouped[0]?.children ?? [])];
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  private fileNode(file: ValueFile): FileNode {
    return new FileNode(file, this.spec.kind, this.spec.icon);
  }
}
