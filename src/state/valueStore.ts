import * as vscode from 'vscode';
import { compareNatural, entryNameOf, INTENTS_DIR, RELEASES_DIR, VALUE_DIR } from '../core/valueFolder';
import { ContextKeys } from '../views/viewIds';

/** What the store knows about one workspace folder's `.value/`. */
export interface FolderState {
  readonly folder: vscode.WorkspaceFolder;
  readonly hasValueFolder: boolean;
  /** Intent files by entry name, sorted. */
  readonly intents: readonly ValueFile[];
  /** Release statement files by entry name, sorted. */
  readonly releases: readonly ValueFile[];
}

export interface ValueFile {
  readonly name: string;
  readonly uri: vscode.Uri;
}

const REFRESH_DELAY_MS = 150;

/**
 * The one store: reads `.value/` in every workspace folder, watches it, and tells the views,
 * status bar and other surfaces when it changed. Views only read `folders`; they do no I/O.
 */
export class ValueStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private state: readonly FolderState[] = [];
  private pending: NodeJS.Timeout | undefined;
  private loading: Promise<void> = Promise.resolve();

  constructor(private readonly log: vscode.LogOutputChannel) {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${VALUE_DIR}/**`);
    const schedule = (): void => this.scheduleRefresh();
    watcher.onDidCreate(schedule, this, this.disposables);
    watcher.onDidDelete(schedule, this, this.disposables);
    watcher.onDidChange(schedule, this, this.disposables);
    vscode.workspace.onDidChangeWorkspaceFolders(schedule, this, this.disposables);
    this.disposables.push(watcher);
  }

  get folders(): readonly FolderState[] {
    return this.state;
  }

  /** Resolves once the most recent reload has finished. */
  whenIdle(): Promise<void> {
    return this.loading;
  }

  /** Reloads every folder now; concurrent calls share one chain so results never arrive out of order. */
  refresh(): Promise<void> {
    if (this.pending) clearTimeout(this.pending);
    this.pending = undefined;
    this.loading = this.loading.then(() => this.load());
    return this.loading;
  }

  dispose(): void {
    if (this.pending) clearTimeout(this.pending);
    for (const d of this.disposables) d.dispose();
  }

  // File events come in bursts (a checkout touches many files): coalesce them into one reload.
  private scheduleRefresh(): void {
    if (this.pending) clearTimeout(this.pending);
    this.pending = setTimeout(() => void this.refresh(), REFRESH_DELAY_MS);
  }

  private async load(): Promise<void> {
    const folders = vscode.workspace.workspaceFolders ?? [];
    this.state = await Promise.all(folders.map((folder) => this.loadFolder(folder)));
    await vscode.commands.executeCommand('setContext', ContextKeys.hasValueFolder, this.state.some((f) => f.hasValueFolder));
    this.changed.fire();
  }

  private async loadFolder(folder: vscode.WorkspaceFolder): Promise<FolderState> {
    const valueDir = vscode.Uri.joinPath(folder.uri, VALUE_DIR);
    const hasValueFolder = await this.isDirectory(valueDir);
    if (!hasValueFolder) return { folder, hasValueFolder, intents: [], releases: [] };
    const [intents, releases] = await Promise.all([
      this.listYaml(vscode.Uri.joinPath(valueDir, INTENTS_DIR)),
      this.listYaml(vscode.Uri.joinPath(valueDir, RELEASES_DIR)),
    ]);
    return { folder, hasValueFolder, intents, releases };
  }

  private async listYaml(dir: vscode.Uri): Promise<ValueFile[]> {
    let entries: [string, vscode.FileType][];
    try {
      entries = await vscode.workspace.fs.readDirectory(dir);
    } catch (e) {
      if (!(e instanceof vscode.FileSystemError && e.code === 'FileNotFound')) {
        this.log.warn(`Could not list ${dir.fsPath}: ${String(e)}`);
      }
      return [];
    }
    const files: ValueFile[] = [];
    for (const [fileName, type] of entries) {
      const name = entryNameOf(fileName);
      // FileType is a bit set: a symlink to a file is File | SymbolicLink.
      if (name !== undefined && (type & vscode.FileType.File) !== 0) files.push({ name, uri: vscode.Uri.joinPath(dir, fileName) });
    }
    return files.sort((a, b) => compareNatural(a.name, b.name));
  }

  private async isDirectory(uri: vscode.Uri): Promise<boolean> {
    try {
      return ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.Directory) !== 0;
    } catch {
      return false;
    }
  }
}
