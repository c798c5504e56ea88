import * as vscode from 'vscode';
import type { ValueStore } from '../state/valueStore';
import { valueFiles } from '../state/valueStore';
import { ValueFileListProvider } from './valueFileList';
import { ViewIds } from './viewIds';

/** The Releases view: one item per release value statement. */
export function registerReleasesView(context: vscode.ExtensionContext, store: ValueStore): ValueFileListProvider {
  const provider = new ValueFileListProvider(store, { kind: 'release', icon: 'rocket', files: (s) => valueFiles(s, 'release') });
  const view = vscode.window.createTreeView(ViewIds.releases, { treeDataProvider: provider, showCollapseAll: true });
  context.subscriptions.push(provider, view);
  return provider;
}
