import vscode = require('vscode');
import type { ValueStore } from '../state/valueStore';
import { intentAt, intentFileUri } from './intentLookup';

/** Goes from an intent id to the `id:` line of its YAML file. */
export class IntentDefinitionProvider implements vscode.DefinitionProvider {
  constructor(private readonly store: ValueStore) {}

  provideDefinition(document: vscode.TextDocument, position: vscode.Position): vscode.LocationLink[] | undefined {
    const found = intentAt(this.store, document, position);
    if (!found) return undefined;
    const at = found.state.model.parsed(found.entry.file)?.locate(['id']);
    const target = at ? new vscode.Range(at.start.line, at.start.col, at.end.line, at.end.col) : new vscode.Range(0, 0, 0, 0);
    return [{ originSelectionRange: found.range, targetUri: intentFileUri(found.state, found.entry), targetRange: target, targetSelectionRange: target }];
  }
}
