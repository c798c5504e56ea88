import * as path from 'path';
import vscode = require('vscode');
import { globProblem } from '../core/model/crossFileChecks';
import { effectiveConfig } from '../core/model/effectiveConfig';
import { appendTrailers } from '../core/trailers/appendTrailers';
import type { YamlEdit } from '../core/yaml/yamlEdits';
import { builtInGitApi } from '../state/builtInGit';
import type { LinkingService } from '../state/linkingService';
import { readSettings } from '../state/settings';
import { editValueFile } from '../state/valueFileEditor';
import type { ValueStore } from '../state/valueStore';
import type { PickedIntent } from './intentPicker';
import { intentOfNode, pickIntent, pickIntents } from './intentPicker';
import { requireTrust } from './release/releaseFolder';
import { relativeInside } from '../core/pathInside';
import { writeErrorText } from '../state/errorText';

export interface LinkDeps {
  readonly store: ValueStore;
  readonly linking: LinkingService;
}

function intentUri({ state, entry }: PickedIntent): vscode.Uri {
  return vscode.Uri.joinPath(state.folder.uri, ...entry.file.split('/'));
}

/** Applies one edit to an intent's file, telling the user what happened or why it could not. */
async function editIntent(picked: PickedIntent, edit: YamlEdit, done: string): Promise<boolean> {
  try {
    const changed = await editValueFile(picked.state.folder, intentUri(picked), [edit]);
    if (changed) void vscode.window.setStatusBarMessage(`$(check) ${done}`, 4000);
    return changed;
  } catch (e) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not change {0}: {1}', picked.entry.file, writeErrorText(e)));
    return false;
  }
}

/** **Link File/Folder to Intent…**: appends the file (or `folder/**`) to an intent's `paths`. */
export async function linkPath({ store }: LinkDeps, uri?: vscode.Uri, selected?: vscode.Uri[]): Promise<boolean> {
  // Refuse before asking anything: the edit at the end would be refused anyway.
  if (!requireTrust('link files to an intent')) return false;
  const targets = (selected?.length ? selected : [uri ?? vscode.window.activeTextEditor?.document.uri]).filter((u): u is vscode.Uri => u?.scheme === 'file');
  const first = targets[0];
  const state = first && store.folderOf(first);
  if (!first || !state) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Select a file or folder inside a workspace folder to link it to an intent.'));
    return false;
  }
  const globs: string[] = [];
  for (const target of targets) {
    const rel = relativeInside(state.folder.uri.fsPath, target.fsPath)?.split(path.sep).join('/');
    if (!rel) continue;
    const isFolder = ((await vscode.workspace.fs.stat(target)).type & vscode.FileType.Directory) !== 0;
    // gitignore rules: a glob with a slash is anchored at the folder; a bare name would match at
    // any depth, so a file at the root gets a leading slash.
    globs.push(isFolder ? `${rel}/**` : rel.includes('/') ? rel : `/${rel}`);
  }
  const picked = await pickIntent(store, vscode.l10n.t('Link {0} to which intent?', globs.join(', ')), first);
  if (!picked) return false;
  const missing = globs.filter((g) => !picked.entry.intent.paths.includes(g));
  if (missing.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('{0} already covers {1}.', picked.entry.intent.title, globs.join(', ')));
    return false;
  }
  let changed = false;
  for (const glob of missing) changed = (await editIntent(picked, { kind: 'add', path: ['paths'], value: glob }, vscode.l10n.t('Linked {0} to {1}', glob, picked.entry.intent.title))) || changed;
  return changed;
}

/** **Link Branch to Intent…**: adds the current branch (or a pattern the user edits) to `branches`. */
export async function linkBranch({ store, linking }: LinkDeps, node?: unknown): Promise<boolean> {
  if (!requireTrust('link a branch to an intent')) return false;
  const picked = intentOfNode(store, node) ?? (await pickIntent(store, vscode.l10n.t('Link the current branch to which intent?'), vscode.window.activeTextEditor?.document.uri));
  if (!picked) return false;
  const branch = linking.linksOf(picked.state.folder)?.scan?.branch ?? '';
  const pattern = await vscode.window.showInputBox({
    title: vscode.l10n.t('Link a branch to {0}', picked.entry.intent.title),
    prompt: vscode.l10n.t('Branch name or glob (feature/checkout-* links every branch that matches)'),
    value: branch,
    validateInput: (v) => (v.trim() === '' ? vscode.l10n.t('Enter a branch name or pattern.') : globProblem(v.trim()) ? vscode.l10n.t('This pattern cannot be used: {0}', globProblem(v.trim()) ?? '') : undefined),
  });
  if (pattern === undefined) return false;
  if (picked.entry.intent.branches.includes(pattern.trim())) {
    void vscode.window.showInformationMessage(vscode.l10n.t('{0} already lists {1}.', picked.entry.intent.title, pattern.trim()));
    return false;
  }
  return editIntent(picked, { kind: 'add', path: ['branches'], value: pattern.trim() }, vscode.l10n.t('Linked {0} to {1}', pattern.trim(), picked.entry.intent.title));
}

/**
 * **Add Intent Trailer to Commit Message**: appends `Intent: <id>` trailers to the Source
 * Control message box of the repository, preselecting the branch's intents.
 */
export async function addTrailer({ store, linking }: LinkDeps, arg?: unknown): Promise<boolean> {
  const scmRoot = (arg as { rootUri?: vscode.Uri } | undefined)?.rootUri;
  const fromNode = intentOfNode(store, arg);
  const hint = fromNode?.state.folder.uri ?? scmRoot ?? vscode.window.activeTextEditor?.document.uri ?? store.folders.find((f) => f.hasValueFolder)?.folder.uri;
  const state = hint && store.folderOf(hint);
  if (!state) return false;
  const git = vscode.workspace.isTrusted ? await builtInGitApi() : undefined;
  const repo = git?.repositories
    .filter((r) => (scmRoot ? r.rootUri.fsPath === scmRoot.fsPath : relativeInside(r.rootUri.fsPath, state.folder.uri.fsPath) !== undefined))
    .sort((a, b) => b.rootUri.fsPath.length - a.rootUri.fsPath.length)[0];
  if (!repo) {
    void vscode.window.showInformationMessage(vscode.l10n.t('The Git extension has no repository for this folder (is the workspace trusted and Git enabled?), so there is no commit message to add to.'));
    return false;
  }
  const branchIds = new Set(linking.linksOf(state.folder)?.scan?.intents.map((i) => i.id) ?? []);
  const picked = fromNode ? [fromNode] : await pickIntents(store, vscode.l10n.t('Which intents does this commit serve?'), state.folder.uri, branchIds);
  if (!picked?.length) return false;
  const key = effectiveConfig(state.model.declaredConfig, readSettings(state.folder).config).trailer;
  const before = repo.inputBox.value;
  repo.inputBox.value = appendTrailers(before, key, picked.map((p) => p.entry.intent.id));
  if (repo.inputBox.value !== before) await vscode.commands.executeCommand('workbench.view.scm');
  return repo.inputBox.value !== before;
}

/** **Open Intent**: the intent's YAML, at its id. */
export async function openIntent({ store }: LinkDeps, node?: unknown): Promise<void> {
  const picked = intentOfNode(store, node) ?? (await pickIntent(store, vscode.l10n.t('Open which intent?')));
  if (!picked) return;
  const line = picked.state.model.parsed(picked.entry.file)?.locate(['id']).start.line ?? 0;
  await vscode.window.showTextDocument(intentUri(picked), { selection: new vscode.Range(line, 0, line, 0) });
}

/** **Copy Intent Id**. */
export async function copyIntentId({ store }: LinkDeps, node?: unknown): Promise<string | undefined> {
  const picked = intentOfNode(store, node) ?? (await pickIntent(store, vscode.l10n.t('Copy the id of which intent?')));
  if (!picked) return undefined;
  await vscode.env.clipboard.writeText(picked.entry.intent.id);
  void vscode.window.setStatusBarMessage(`$(check) ${vscode.l10n.t('Copied {0}', picked.entry.intent.id)}`, 3000);
  return picked.entry.intent.id;
}

/** **Reveal Active File's Intents**: shows the Current view, which follows the active editor. */
export async function revealFileIntents(): Promise<void> {
  await vscode.commands.executeCommand('valueLens.current.focus');
}
