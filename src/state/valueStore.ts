import * as path from 'path';
import vscode = require('vscode');
import type { ValueModel } from '../core/model/valueModel';
import { compareNatural, entryNameOf, VALUE_DIR } from '../core/valueFolder';
import { modelBundle, modelBundleSoon } from '../lazy/bundles';
import { ContextKeys } from '../views/viewIds';
import { relativeInside } from '../core/pathInside';

/** What the store knows about one workspace folder. */
export interface ValueFile {
  /** Entry name: the file name without .yaml. */
  readonly name: string;
  readonly uri: vscode.Uri;
  /** A line about the content (title, summary), when the file is valid. */
  readonly description?: string;
  /** True when the file has errors, so it is not part of the model. */
  readonly broken: boolean;
}

export interface FolderState {
  readonly folder: vscode.WorkspaceFolder;
  readonly hasValueFolder: boolean;
  readonly model: ValueModel;
}

const FILE_EVENT_DELAY_MS = 150;
const TYPING_DELAY_MS = 200;

/** The workspace-relative `/` path of `uri` inside `folder`, or undefined when it is outside. */
function relativePath(folder: vscode.WorkspaceFolder, uri: vscode.Uri): string | undefined {
  if (uri.scheme !== 'file' || folder.uri.scheme !== 'file') return undefined;
  const rel = relativeInside(folder.uri.fsPath, uri.fsPath);
  if (!rel) return undefined;
  return rel.split(path.sep).join('/');
}

/** The files of one kind in a folder's model, sorted by name, for the list views. */
export function valueFiles(state: FolderState, kind: 'intent' | 'release'): ValueFile[] {
  const { model } = state;
  const descriptions = new Map<string, string>(kind === 'intent'
    ? [...model.intents.values()].map((e) => [e.file, e.intent.title])
    : model.releases.map((r) => [r.file, r.statement.expected.summary]));
  const files: ValueFile[] = [];
  for (const file of model.fileNames) {
    const parsed = model.parsed(file);
    if (parsed?.kind !== kind) continue;
    const name = entryNameOf(file.slice(file.lastIndexOf('/') + 1)) ?? file;
    const uri = vscode.Uri.joinPath(state.folder.uri, ...file.split('/'));
    const description = descriptions.get(file);
    files.push(description === undefined ? { name, uri, broken: !parsed.valid } : { name, uri, description, broken: !parsed.valid });
  }
  return files.sort((a, b) => compareNatural(a.name, b.name));
}

/**
 * The one store: one value model per workspace folder, kept in step with the disk and with
 * unsaved edits in open editors. Views, diagnostics and the status bar subscribe to
 * `onDidChange`; they only read `folders` and never do I/O themselves.
 */
export class ValueStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private state: FolderState[] = [];
  private readonly dirtyPaths = new Map<string, vscode.Uri>();
  private readonly typing = new Map<string, NodeJS.Timeout>();
  private fileTimer: NodeJS.Timeout | undefined;
  private queue: Promise<void> = Promise.resolve();
  private settled = false;

  constructor(private readonly log: vscode.LogOutputChannel) {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${VALUE_DIR}/**`);
    const onFile = (uri: vscode.Uri): void => this.fileChanged(uri);
    watcher.onDidCreate(onFile, this, this.disposables);
    watcher.onDidDelete(onFile, this, this.disposables);
    watcher.onDidChange(onFile, this, this.disposables);
    // The folder itself appearing or disappearing is not inside `.value/**`.
    const folderWatcher = vscode.workspace.createFileSystemWatcher(`**/${VALUE_DIR}`);
    folderWatcher.onDidCreate(() => void this.refresh(), this, this.disposables);
    folderWatcher.onDidDelete(() => void this.refresh(), this, this.disposables);
    vscode.workspace.onDidChangeWorkspaceFolders(() => void this.refresh(), this, this.disposables);
    vscode.workspace.onDidChangeTextDocument((e) => this.documentEdited(e.document), this, this.disposables);
    vscode.workspace.onDidCloseTextDocument((d) => this.documentClosed(d), this, this.disposables);
    this.disposables.push(watcher, folderWatcher);
  }

  /** False until the first reload (queued by activate()) has finished: nothing is known yet. */
  get loaded(): boolean {
    return this.settled;
  }

  get folders(): readonly FolderState[] {
    return this.state;
  }

  /** The folder state that holds `uri`, if any. */
  folderOf(uri: vscode.Uri): FolderState | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    return folder && this.state.find((s) => s.folder.uri.toString() === folder.uri.toString());
  }

  /** Resolves once every queued reload has finished. */
  whenIdle(): Promise<void> {
    return this.queue;
  }

  /** Reloads every folder from disk (then re-applies unsaved editor text). */
  refresh(): Promise<void> {
    return this.enqueue(async () => {
      // The parser is the heaviest part of the extension: it loads here, after activate() returned.
      const { readValueFolder, ValueModel } = await modelBundleSoon();
      const folders = vscode.workspace.workspaceFolders ?? [];
      this.state = await Promise.all(folders.map(async (folder): Promise<FolderState> => {
        // Value Lens runs where the files are; a virtual folder has no .value/ it can read.
        if (folder.uri.scheme !== 'file') return { folder, hasValueFolder: false, model: new ValueModel() };
        const { model, hasValueFolder } = await readValueFolder(folder.uri.fsPath);
        return { folder, hasValueFolder, model };
      }));
      for (const doc of vscode.workspace.textDocuments) if (doc.isDirty) this.applyDocument(doc);
      await vscode.commands.executeCommand('setContext', ContextKeys.hasValueFolder, this.state.some((f) => f.hasValueFolder));
    });
  }

  dispose(): void {
    if (this.fileTimer) clearTimeout(this.fileTimer);
    for (const t of this.typing.values()) clearTimeout(t);
    for (const d of this.disposables) d.dispose();
  }

  // Reloads and incremental updates run one after another, so results never arrive out of order.
  private enqueue(work: () => Promise<void>): Promise<void> {
    this.queue = this.queue.then(work).then(
      () => {
        this.settled = true;
        this.changed.fire();
      },
      (e: unknown) => {
        this.settled = true;
        this.log.error('Reading .value/ failed', e);
      },
    );
    return this.queue;
  }

  // File events come in bursts (a checkout touches many files): collect them, then re-read each once.
  private fileChanged(uri: vscode.Uri): void {
    this.dirtyPaths.set(uri.toString(), uri);
    if (this.fileTimer) clearTimeout(this.fileTimer);
    this.fileTimer = setTimeout(() => {
      const uris = [...this.dirtyPaths.values()];
      this.dirtyPaths.clear();
      void this.enqueue(async () => {
        for (const uri of uris) {
          const state = this.folderOf(uri);
          const rel = state && relativePath(state.folder, uri);
          if (!state || !rel || !modelBundle().kindOfValuePath(rel)) continue;
          // An editor with unsaved changes is what the user sees: it wins over the disk.
          const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && d.isDirty);
          if (open) state.model.setFile(rel, open.getText());
          else await modelBundle().readValueFile(state.folder.uri.fsPath, rel, state.model);
        }
      });
    }, FILE_EVENT_DELAY_MS);
  }

  private documentEdited(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    if (!this.valuePathOf(doc.uri)) return;
    const pending = this.typing.get(key);
    if (pending) clearTimeout(pending);
    this.typing.set(key, setTimeout(() => {
      this.typing.delete(key);
      void this.enqueue(() => Promise.resolve(this.applyDocument(doc)));
    }, TYPING_DELAY_MS));
  }

  private documentClosed(doc: vscode.TextDocument): void {
    // Closing without saving: the disk is the truth again.
    if (this.valuePathOf(doc.uri)) this.fileChanged(doc.uri);
  }

  private applyDocument(doc: vscode.TextDocument): void {
    const found = this.valuePathOf(doc.uri);
    if (found) found.state.model.setFile(found.rel, doc.getText());
  }

  private valuePathOf(uri: vscode.Uri): { state: FolderState; rel: string } | undefined {
    const state = this.folderOf(uri);
    const rel = state && relativePath(state.folder, uri);
    // A folder state exists only after a reload, so the model bundle is loaded by then.
    return state && rel && modelBundle().kindOfValuePath(rel) ? { state, rel } : undefined;
  }
}
