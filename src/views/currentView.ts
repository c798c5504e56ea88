import * as vscode from 'vscode';
import type { ValueStore } from '../state/valueStore';
import { ViewIds } from './viewIds';

/**
 * The Current view: the active file's and branch's intents. Until links are computed it stays
 * empty, so its welcome content explains what will appear here.
 */
export class CurrentViewProvider implements vscode.TreeDataProvider<vscode.TreeItem>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(store: ValueStore) {
    store.onDidChange(() => this.changed.fire(undefined), this, this.disposables);
  }

  getTreeItem(node: vscode.TreeItem): vscode.TreeItem {
    return node;
  }

  getChildren(): vscode.TreeItem[] {
    return [];
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

export function registerCurrentView(context: vscode.ExtensionContext, store: ValueStore): CurrentViewProvider {
  const provider = new CurrentViewProvider(store);
  context.subscriptions.push(provider, vscode.window.createTreeView(ViewIds.current, { treeDataProvider: provider }));
  return provider;
}
