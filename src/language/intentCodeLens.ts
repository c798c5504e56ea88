import vscode = require('vscode');
import { formatMoneyShort } from '../core/present/formatMoney';
import type { LinkingService } from '../state/linkingService';
import type { ValueStore } from '../state/valueStore';

export const CODE_LENS_SETTING = 'valueLens.codeLens.enabled';

/**
 * One lens at the top of a file covered by intents' path globs: "Serves: checkout-speed
 * (€120K/yr)", "+N more" when several; clicking it opens the first intent.
 */
export class IntentCodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(private readonly store: ValueStore, private readonly linking: LinkingService) {
    store.onDidChange(() => this.changed.fire(), this, this.disposables);
    linking.onDidChange(() => this.changed.fire(), this, this.disposables);
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(CODE_LENS_SETTING)) this.changed.fire();
    }, this, this.disposables);
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (!vscode.workspace.getConfiguration().get<boolean>(CODE_LENS_SETTING, true)) return [];
    if (document.uri.path.includes('/.value/')) return [];
    const state = this.store.folderOf(document.uri);
    if (!state) return [];
    const entries = this.linking.pathIntents(document.uri).flatMap((id) => {
      const entry = state.model.intents.get(id);
      return entry ? [entry] : [];
    });
    const first = entries[0];
    if (!first) return [];
    const value = first.intent.value ? ` (${formatMoneyShort(first.intent.value, vscode.env.language)})` : '';
    const served = `${first.intent.id}${value}`;
    return [new vscode.CodeLens(new vscode.Range(0, 0, 0, 0), {
      title: entries.length > 1 ? vscode.l10n.t('Serves: {0} +{1} more', served, entries.length - 1) : vscode.l10n.t('Serves: {0}', served),
      tooltip: vscode.l10n.t('{0}: open its intent file', first.intent.title),
      command: 'valueLens.openIntent',
      arguments: [{ state, entry: first }],
    })];
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
