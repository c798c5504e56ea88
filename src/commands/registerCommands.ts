import vscode = require('vscode');
import { commandsBundle } from '../lazy/bundles';
import type { ReportHost } from '../lazy/reportHost';
import type { LinkingService } from '../state/linkingService';
import type { ReleaseWatcher } from '../state/releaseWatcher';
import type { ValueStore } from '../state/valueStore';
import type { DraftMemento } from '../ui/flowDrafts';
import { CommandIds } from './commandIds';

export interface CommandDeps {
  readonly store: ValueStore;
  readonly linking: LinkingService;
  readonly report: ReportHost;
  readonly releaseWatcher: ReleaseWatcher;
  /** Where unfinished flows keep their answers: the workspace's state, never its files. */
  readonly drafts: DraftMemento;
}

export function registerCommands(context: vscode.ExtensionContext, deps: CommandDeps): void {
  // Every id is registered now; what it runs (commands/commandTable.ts) loads on the first invocation.
  for (const id of Object.values(CommandIds)) {
    context.subscriptions.push(vscode.commands.registerCommand(id, (...args: unknown[]) => commandsBundle().runCommand(id, deps, ...args)));
  }
}
