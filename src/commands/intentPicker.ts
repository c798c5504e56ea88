import vscode = require('vscode');
import type { IntentEntry } from '../core/model/valueModel';
import type { FolderState, ValueStore } from '../state/valueStore';
import type { LinkedIntentNode } from '../views/currentView';
import type { IntentNode } from '../views/intentsView';

/** An intent and the folder whose `.value/` holds it. */
export interface PickedIntent {
  readonly state: FolderState;
  readonly entry: IntentEntry;
}

/** The intent a tree item stands for, when a command is run from a view's menu. */
export function intentOfNode(store: ValueStore, arg: unknown): PickedIntent | undefined {
  const node = arg as Partial<IntentNode & LinkedIntentNode> | undefined;
  const state = node?.state;
  if (!state || !store.folders.includes(state)) return undefined;
  const id = node.entry?.intent.id ?? node.intentId;
  const entry = id === undefined ? undefined : state.model.intents.get(id);
  return entry ? { state, entry } : undefined;
}

interface IntentItem extends vscode.QuickPickItem {
  readonly picked_?: PickedIntent;
}

/** The folders to offer intents from: the one holding `uri` if given, else every folder with intents. */
function foldersFor(store: ValueStore, uri?: vscode.Uri): FolderState[] {
  const owner = uri && store.folderOf(uri);
  return owner ? [owner] : store.folders.filter((f) => f.model.intents.size > 0);
}

function items(store: ValueStore, uri: vscode.Uri | undefined, preselect: ReadonlySet<string>): IntentItem[] {
  const folders = foldersFor(store, uri);
  return folders.flatMap((state) =>
    [...state.model.intents.values()]
      .sort((a, b) => a.intent.title.localeCompare(b.intent.title))
      .map((entry) => ({
        label: entry.intent.title,
        description: folders.length > 1 ? `${entry.intent.id} · ${state.folder.name}` : entry.intent.id,
        detail: entry.intent.why,
        picked: preselect.has(entry.intent.id),
        picked_: { state, entry },
      })));
}

/** Asks for one intent (of the folder holding `uri`, if given); undefined when dismissed. */
export async function pickIntent(store: ValueStore, placeHolder: string, uri?: vscode.Uri): Promise<PickedIntent | undefined> {
  const choices = items(store, uri, new Set());
  if (choices.length === 0) {
    const create = await vscode.window.showInformationMessage(vscode.l10n.t('There are no intents yet.'), vscode.l10n.t('New Intent…'));
    if (create) await vscode.commands.executeCommand('valueLens.newIntent');
    return undefined;
  }
  return (await vscode.window.showQuickPick(choices, { placeHolder, matchOnDescription: true, matchOnDetail: true }))?.picked_;
}

/** Asks for several intents of the folder holding `uri`, with `preselect` ticked. */
export async function pickIntents(store: ValueStore, placeHolder: string, uri: vscode.Uri | undefined, preselect: ReadonlySet<string>): Promise<PickedIntent[] | undefined> {
  const choices = items(store, uri, preselect);
  if (choices.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('There are no intents yet: create one with Value: New Intent….'));
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(choices, { placeHolder, canPickMany: true, matchOnDescription: true });
  return picked?.flatMap((p) => (p.picked_ ? [p.picked_] : []));
}
