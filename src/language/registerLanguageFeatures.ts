import vscode = require('vscode');
import type { LinkingService } from '../state/linkingService';
import type { ValueStore } from '../state/valueStore';
import { IntentCodeLensProvider } from './intentCodeLens';
import { COMPLETION_DOCUMENTS, COMPLETION_TRIGGERS, IntentCompletionProvider } from './intentCompletion';
import { IntentDefinitionProvider } from './intentDefinition';
import { IntentHoverProvider } from './intentHover';
import { INTENT_ID_DOCUMENTS } from './intentLookup';
import { VALUE_FILE_DOCUMENTS, ValueQuickFixProvider } from './valueQuickFixes';

/** Hover, CodeLens, completion and go-to-definition for intent ids, where the code is; quick fixes in .value/ files. */
export function registerLanguageFeatures(context: vscode.ExtensionContext, store: ValueStore, linking: LinkingService): void {
  const codeLens = new IntentCodeLensProvider(store, linking);
  context.subscriptions.push(
    codeLens,
    vscode.languages.registerHoverProvider(INTENT_ID_DOCUMENTS, new IntentHoverProvider(store)),
    vscode.languages.registerDefinitionProvider(INTENT_ID_DOCUMENTS, new IntentDefinitionProvider(store)),
    vscode.languages.registerCompletionItemProvider(COMPLETION_DOCUMENTS, new IntentCompletionProvider(store), ...COMPLETION_TRIGGERS),
    vscode.languages.registerCodeLensProvider({ scheme: 'file' }, codeLens),
    vscode.languages.registerCodeActionsProvider(VALUE_FILE_DOCUMENTS, new ValueQuickFixProvider(store), { providedCodeActionKinds: ValueQuickFixProvider.kinds }),
  );
}
