import * as vscode from 'vscode';
import type { ValueStore } from '../state/valueStore';
import { valueFiles } from '../state/valueStore';
import { ValueFileListProvider } from './valueFileList';
import { ViewIds } from './viewIds';

/** The Intents view: one item per intent file. */
export function registerIntentsView(context: vscode.ExtensionContext, store: ValueStore): ValueFileListProvider {
  const provider = new ValueFileListProvider(store, { kind: 'intent', icon: 'target', files: (s) => valueFiles(s, 'intent') });
  const view = vscode.window.createTreeView(ViewIds.intents, { treeDataProvider: provider, showCollapseAll: true });
  context.subscriptions.push(provider, view);
  return provider;
}
