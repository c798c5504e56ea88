import vscode = require('vscode');
import type { CompletionPlace } from '../core/present/intentIdAt';
import { intentCompletionStart } from '../core/present/intentIdAt';
import type { ValueStore } from '../state/valueStore';
import { md } from '../views/commonNodes';
import { folderForDocument, isCommitMessage, trailerKey } from './intentLookup';

/** Commit messages and the releases files, where intent ids are completed. */
export const COMPLETION_DOCUMENTS: vscode.DocumentSelector = [
  { scheme: 'file', pattern: '**/.value/releases/*.yaml' },
  { language: 'git-commit', scheme: 'file' },
  { language: 'git-commit', scheme: 'untitled' },
  { scheme: 'vscode-scm' },
];

export const COMPLETION_TRIGGERS = [' ', ',', '[', ':'];

function placeOf(document: vscode.TextDocument): CompletionPlace | undefined {
  if (isCommitMessage(document)) return 'commit-message';
  return /\/\.value\/releases\/[^/]+\.yaml$/.test(document.uri.path) ? 'release-file' : undefined;
}

/** Offers the folder's intent ids after the trailer key and in a release's `intents:` list. */
export class IntentCompletionProvider implements vscode.CompletionItemProvider {
  constructor(private readonly store: ValueStore) {}

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] | undefined {
    const place = placeOf(document);
    const state = folderForDocument(this.store, document);
    if (!place || !state) return undefined;
    const lines = document.getText(new vscode.Range(0, 0, position.line + 1, 0)).split(/\r?\n/);
    const start = intentCompletionStart(lines, position.line, position.character, place, trailerKey(state));
    if (start === undefined) return undefined;
    const range = new vscode.Range(position.line, start, position.line, position.character);
    return [...state.model.intents.values()]
      .sort((a, b) => a.intent.id.localeCompare(b.intent.id))
      .map(({ intent }) => {
        const item = new vscode.CompletionItem(intent.id, vscode.CompletionItemKind.Reference);
        item.detail = intent.title;
        item.documentation = new vscode.MarkdownString(md(intent.why.trim()));
        item.range = range;
        return item;
      });
  }
}
