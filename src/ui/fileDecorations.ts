import vscode = require('vscode');
import type { LinkingService } from '../state/linkingService';
import { readSettings } from '../state/settings';
import type { ValueStore } from '../state/valueStore';

/**
 * A small badge in the Explorer on files that an intent's `paths` cover, with the intents'
 * titles as tooltip. Path globs only (no git per file), so it is cheap for every visible row.
 */
export class IntentFileDecorations implements vscode.FileDecorationProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<undefined>();
  readonly onDidChangeFileDecorations = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(private readonly store: ValueStore, private readonly linking: LinkingService) {
    // The linking service re-reads its matchers after every model change.
    linking.onDidChange(() => this.changed.fire(undefined), this, this.disposables);
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('valueLens.decorations')) this.changed.fire(undefined);
    }, this, this.disposables);
  }

  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    if (uri.scheme !== 'file') return undefined;
    const state = this.store.folderOf(uri);
    if (!state?.hasValueFolder || !readSettings(state.folder).decorations) return undefined;
    const ids = this.linking.pathIntents(uri);
    if (ids.length === 0) return undefined;
    const titles = ids.map((id) => state.model.intents.get(id)?.intent.title ?? id);
    return new vscode.FileDecoration('◆', vscode.l10n.t('Serves: {0}', titles.join(', ')));
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

export function registerFileDecorations(context: vscode.ExtensionContext, store: ValueStore, linking: LinkingService): IntentFileDecorations {
  const provider = new IntentFileDecorations(store, linking);
  context.subscriptions.push(provider, vscode.window.registerFileDecorationProvider(provider));
  return provider;
}
