import vscode = require('vscode');
import type { FolderState } from '../state/valueStore';

/** A workspace folder heading, shown only when more than one folder is open. */
export class FolderNode<Child> extends vscode.TreeItem {
  constructor(readonly state: FolderState, readonly children: readonly Child[], emptyText: string) {
    super(state.folder.name, vscode.TreeItemCollapsibleState.Expanded);
    this.id = `folder:${state.folder.uri.toString()}`;
    this.iconPath = vscode.ThemeIcon.Folder;
    this.resourceUri = state.folder.uri;
    this.contextValue = 'folder';
    if (children.length === 0) this.description = state.hasValueFolder ? emptyText : vscode.l10n.t('no .value/ folder');
  }
}

/** A `.value/` file with errors: it is not part of the model until fixed. */
export class BrokenFileNode extends vscode.TreeItem {
  constructor(readonly uri: vscode.Uri, name: string) {
    super(name, vscode.TreeItemCollapsibleState.None);
    this.id = `broken:${uri.toString()}`;
    this.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'));
    this.description = vscode.l10n.t('has errors');
    this.tooltip = vscode.l10n.t('{0} has errors: see the Problems panel.', vscode.workspace.asRelativePath(uri));
    this.resourceUri = uri;
    this.contextValue = 'brokenFile';
    this.command = { command: 'vscode.open', title: vscode.l10n.t('Open'), arguments: [uri] };
  }
}

/** A plain leaf (a path glob, a branch pattern, a reason). */
export class InfoNode extends vscode.TreeItem {
  constructor(id: string, label: string, icon: string, description?: string, tooltip?: string | vscode.MarkdownString) {
    super(label, vscode.TreeItemCollapsibleState.None);
    this.id = id;
    this.iconPath = new vscode.ThemeIcon(icon);
    if (description) this.description = description;
    if (tooltip) this.tooltip = tooltip;
    this.contextValue = 'info';
  }
}

/**
 * Escapes text for a MarkdownString (tooltips show user text, which must not become markup,
 * an entity such as `&lt;`, or a `$(icon)` where theme icons are on).
 */
export function md(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~&$]/g, '\\$&');
}

/**
 * A code span that shows `text` exactly: escapes do not work inside code spans, so the fence is
 * one backtick longer than any run of backticks in the text, padded where the text starts or
 * ends with one. Where theme icons are on, use md(): we do not rely on a code span keeping
 * VS Code from drawing a `$(name)` in it as an icon.
 */
export function mdCode(text: string): string {
  const fence = '`'.repeat(Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length)) + 1);
  const pad = /^`|`$/.test(text) || /^ .* $/.test(text) ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** Opens a `.value/` file with the given 0-based line selected. */
export function openAt(uri: vscode.Uri, line: number): vscode.Command {
  return { command: 'vscode.open', title: vscode.l10n.t('Open'), arguments: [uri, { selection: new vscode.Range(line, 0, line, 0), preview: true }] };
}
