import vscode = require('vscode');
import { effectiveConfig } from '../core/model/effectiveConfig';
import type { IntentEntry } from '../core/model/valueModel';
import type { IdSpan } from '../core/present/intentIdAt';
import { intentIdAt } from '../core/present/intentIdAt';
import { readSettings } from '../state/settings';
import type { FolderState, ValueStore } from '../state/valueStore';

/** Where intent ids are written: `.value/` YAML files, commit messages, the SCM input box. */
export const INTENT_ID_DOCUMENTS: vscode.DocumentSelector = [
  { scheme: 'file', pattern: '**/.value/**/*.yaml' },
  { language: 'git-commit', scheme: 'file' },
  { language: 'git-commit', scheme: 'untitled' },
  { scheme: 'vscode-scm' },
];

/** Commit messages: the editor of COMMIT_EDITMSG, an untitled one, the SCM input box. */
export function isCommitMessage(document: vscode.TextDocument): boolean {
  return document.uri.scheme === 'vscode-scm' || document.languageId === 'scminput' || document.languageId === 'git-commit';
}

/**
 * The folder whose intents a document names: the folder holding it, or the first folder with a
 * `.value/` folder for documents outside every folder (SCM input box, untitled messages).
 */
export function folderForDocument(store: ValueStore, document: vscode.TextDocument): FolderState | undefined {
  const own = document.uri.scheme === 'file' ? store.folderOf(document.uri) : undefined;
  return own ?? scmRepositoryFolder(store, document.uri) ?? store.folders.find((f) => f.hasValueFolder);
}

/** The SCM input box's URI names its repository: `vscode-scm:git/scm0/input?rootUri=file%3A...`. */
function scmRepositoryFolder(store: ValueStore, uri: vscode.Uri): FolderState | undefined {
  if (uri.scheme !== 'vscode-scm') return undefined;
  const root = new URLSearchParams(uri.query).get('rootUri');
  if (!root) return undefined;
  try {
    return store.folderOf(vscode.Uri.parse(root, true));
  } catch {
    return undefined;
  }
}

/** The trailer key commits use in this folder (`Intent` unless configured). */
export function trailerKey(state: FolderState): string {
  return effectiveConfig(state.model.declaredConfig, readSettings(state.folder).config).trailer;
}

export interface IntentAtPosition {
  readonly state: FolderState;
  readonly entry: IntentEntry;
  readonly range: vscode.Range;
}

/** The known intent whose id is under `position`, if any. */
export function intentAt(store: ValueStore, document: vscode.TextDocument, position: vscode.Position): IntentAtPosition | undefined {
  const state = folderForDocument(store, document);
  if (!state) return undefined;
  const span: IdSpan | undefined = intentIdAt(document.lineAt(position.line).text, position.character);
  const entry = span && state.model.intents.get(span.id);
  if (!span || !entry) return undefined;
  return { state, entry, range: new vscode.Range(position.line, span.start, position.line, span.end) };
}

/** The intent's YAML file. */
export function intentFileUri(state: FolderState, entry: IntentEntry): vscode.Uri {
  return vscode.Uri.joinPath(state.folder.uri, ...entry.file.split('/'));
}
