import type * as vscode from 'vscode';

/** The store as far as a view needs to know whether the first read of `.value/` has landed. */
export interface FirstLoad {
  readonly loaded: boolean;
  whenIdle(): Promise<void>;
}

/**
 * Wraps a tree provider so that, until the first read of `.value/` has landed, the view waits
 * (VS Code shows its progress bar) instead of showing an empty tree and its welcome text.
 */
export function untilLoaded<T>(store: FirstLoad, provider: vscode.TreeDataProvider<T>): vscode.TreeDataProvider<T> {
  const wrapped: vscode.TreeDataProvider<T> = {
    getTreeItem: (element) => provider.getTreeItem(element),
    getChildren: (element) => (store.loaded ? provider.getChildren(element) : store.whenIdle().then(() => provider.getChildren(element))),
  };
  if (provider.onDidChangeTreeData) wrapped.onDidChangeTreeData = provider.onDidChangeTreeData;
  // `reveal()` needs getParent; each is offered only when the provider has it.
  if (provider.getParent) wrapped.getParent = (element) => provider.getParent?.(element);
  if (provider.resolveTreeItem) wrapped.resolveTreeItem = (item, element, token) => provider.resolveTreeItem?.(item, element, token);
  return wrapped;
}
