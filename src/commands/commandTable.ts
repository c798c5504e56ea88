import vscode = require('vscode');
import { ViewIds } from '../views/viewIds';
import type { CommandId } from './commandIds';
import { CommandIds } from './commandIds';
import { createReleaseBranch } from './createReleaseBranch';
import { addTrailer, copyIntentId, linkBranch, linkPath, openIntent, revealFileIntents } from './linkCommands';
import type { InitArgs } from './initFolder';
import { initFolder } from './initFolder';
import { newIntent } from './newIntent';
import { recordOutcome } from './recordOutcome';
import type { CommandDeps } from './registerCommands';
import { stateExpectedValue } from './stateExpectedValue';

/** Every command of the extension, in one table; each entry gets the shared dependencies. */
const commandTable: Record<CommandId, (deps: CommandDeps, ...args: unknown[]) => Thenable<unknown>> = {
  [CommandIds.newIntent]: async ({ store, drafts }) => {
    const created = await newIntent({
      drafts,
      folders: store.folders.map(({ folder, model }) => ({ uri: folder.uri, name: folder.name, existingIds: new Set(model.intents.keys()) })),
    });
    // Show the new intent in the views now rather than when the file watcher gets to it.
    if (created) await store.refresh();
    return created;
  },
  [CommandIds.init]: ({ store }, args) => initFolder(store, args as InitArgs | undefined),
  [CommandIds.refresh]: ({ store, linking }) =>
    // Progress shows in the views themselves, where the user clicked.
    vscode.window.withProgress({ location: { viewId: ViewIds.intents } }, async () => {
      await store.refresh();
      await linking.refresh();
    }),
  [CommandIds.openReport]: ({ report }) => report.open(),
  [CommandIds.linkPath]: (deps, uri, selected) => linkPath(deps, uri as vscode.Uri | undefined, selected as vscode.Uri[] | undefined),
  [CommandIds.linkBranch]: (deps, node) => linkBranch(deps, node),
  [CommandIds.addTrailer]: (deps, arg) => addTrailer(deps, arg),
  [CommandIds.openIntent]: (deps, node) => openIntent(deps, node),
  [CommandIds.copyIntentId]: (deps, node) => copyIntentId(deps, node),
  [CommandIds.revealFileIntents]: () => revealFileIntents(),
  [CommandIds.createReleaseBranch]: (deps) => createReleaseBranch(deps),
  [CommandIds.stateExpectedValue]: (deps, target) => stateExpectedValue(deps, target),
  [CommandIds.recordOutcome]: (deps) => recordOutcome(deps),
};

/** Runs command `id`; registerCommands.ts registers every id and loads this module on first use. */
export function runCommand(id: CommandId, deps: CommandDeps, ...args: unknown[]): Thenable<unknown> {
  return commandTable[id](deps, ...args);
}
