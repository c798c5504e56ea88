import vscode = require('vscode');
import type { ValueLensApi } from './api';
import { CommandIds } from './commands/commandIds';
import { registerCommands } from './commands/registerCommands';
import { registerLanguageFeatures } from './language/registerLanguageFeatures';
import { commandsBundle } from './lazy/bundles';
import { registerReportHost } from './lazy/reportHost';
import { registerProblemsPublisher } from './problems/problemsPublisher';
import { LinkingService } from './state/linkingService';
import { ReleaseWatcher } from './state/releaseWatcher';
import type { editValueFile } from './state/valueFileEditor';
import { ValueStore } from './state/valueStore';
import { registerFileDecorations } from './ui/fileDecorations';
import { registerStatusBar } from './ui/statusBar';
import { registerCurrentView } from './views/currentView';
import { registerIntentsView } from './views/intentsView';
import { registerReleasesView } from './views/releasesView';
import { ContextKeys } from './views/viewIds';

// The YAML editor is in the commands bundle; the API loads it on its first call.
const editValueFileLazily: typeof editValueFile = (...args) => commandsBundle().editValueFile(...args);

export function activate(context: vscode.ExtensionContext): ValueLensApi | undefined {
  const log = vscode.window.createOutputChannel('Value Lens', { log: true });
  context.subscriptions.push(log);
  try {
    const store = new ValueStore(log);
    context.subscriptions.push(store);
    const linking = new LinkingService(store, log);
    context.subscriptions.push(linking);
    const releaseWatcher = new ReleaseWatcher(store, linking, context.workspaceState, CommandIds.stateExpectedValue);
    context.subscriptions.push(releaseWatcher);
    const views = {
      current: registerCurrentView(context, store, linking),
      intents: registerIntentsView(context, store, linking),
      releases: registerReleasesView(context, store, releaseWatcher),
    };
    const statusBar = registerStatusBar(context, store, linking);
    statusBar.setMissingStatementSource(releaseWatcher);
    const decorations = registerFileDecorations(context, store, linking);
    registerProblemsPublisher(context, store, linking);
    registerLanguageFeatures(context, store, linking);
    const report = registerReportHost(context, { store, linking, log, memory: context.globalState });
    registerCommands(context, { store, linking, report, releaseWatcher, drafts: context.workspaceState });
    // Not awaited: activate() returns at once, the views wait for this first read (lazy/untilLoaded.ts),
    // and git scans follow when the store reports the folders (LinkingService listens).
    const ready = store.refresh().then(() => vscode.commands.executeCommand('setContext', ContextKeys.activated, true)).then(() => undefined);
    return { ready, store, linking, views, statusBar, decorations, report, releaseWatcher, editValueFile: editValueFileLazily };
  } catch (e) {
    // VS Code does not tell the user when an extension fails to activate, so we do.
    const message = e instanceof Error ? e.message : String(e);
    log.error('Activation failed', e);
    void vscode.window.showErrorMessage(vscode.l10n.t('Value Lens could not start: {0}', message), vscode.l10n.t('Show Log')).then((choice) => {
      if (choice) log.show();
    });
    return undefined;
  }
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
