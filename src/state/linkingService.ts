import * as path from 'path';
import vscode = require('vscode');
import type { BranchCommits } from '../core/linking/branchScan';
import { sameCommits } from '../core/linking/branchScan';
import type { FileIntent, LinkingEngine, LinkingModel } from '../core/linking/linkingEngine';
import { effectiveConfig } from '../core/model/effectiveConfig';
import { gitBundle } from '../lazy/bundles';
import type { GitApi, GitRepository } from './builtInGit';
import { builtInGitApi, isRepositoryAt, stateFingerprint } from './builtInGit';
import { gitBinary, readSettings } from './settings';
import type { FolderState, ValueStore } from './valueStore';
import { gitFailureText } from './errorText';

/** What git says about one workspace folder's branch, or why it cannot say. */
export interface FolderLinks {
  readonly folder: vscode.WorkspaceFolder;
  /**
   * The last scan of the branch. Right after HEAD moves it can be the first half alone (branch,
   * intents, commits) while git lists the changed files: `isFullScan` tells them apart.
   */
  readonly scan?: BranchCommits;
  /** Why commit and branch links are missing (untrusted workspace, no git, not a repository). */
  readonly unavailable?: string;
  /** Unlinked commits with a trailer-like line git does not read as a trailer: that line, by sha. */
  readonly strayTrailers?: ReadonlyMap<string, string>;
  /** Of the commits with unknown trailer ids, those no remote has (so their message can be fixed). */
  readonly unpushedCommits?: ReadonlySet<string>;
}

interface Tracked {
  readonly engine: LinkingEngine;
  /** What of the model the links depend on, as last given to the engine. */
  modelKey: string;
  links: FolderLinks;
  timer?: NodeJS.Timeout | undefined;
  /** Watchers of the git directory (HEAD, refs), made once the first scan has found it. */
  watchers: vscode.Disposable[];
  /** Watchers of the folder's files: uncommitted changes are part of coverage. */
  readonly workTreeWatchers: vscode.Disposable[];
  watchedGitDir?: string;
  /** The commit trailer key in effect, for finding stray trailer lines. */
  trailer: string;
  /** The last stray-trailer answer and what it was asked for (key and unlinked shas). */
  stray?: { readonly asked: string; readonly found: ReadonlyMap<string, string> };
  /** The last answer on which commits with unknown trailer ids are unpushed, and the shas asked. */
  unpushed?: { readonly asked: string; readonly found: ReadonlySet<string> };
}

const GIT_EVENT_DELAY_MS = 120;

/** The parts of the model that links depend on: ids with their paths and branches, and the config. */
function linkingKey(model: LinkingModel): string {
  return JSON.stringify([model.intents.map((i) => [i.id, i.paths, i.branches]), model.config]);
}

/**
 * Runs the git linking engine for every workspace folder with a `.value/` folder and keeps its
 * answers fresh: rescans when `.value/` or the settings change and when HEAD or refs move
 * (built-in Git extension events when available, file watchers on the git directory always).
 * In an untrusted workspace it never starts git; path globs still work.
 */
export class LinkingService implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private readonly tracked = new Map<string, Tracked>();
  private warnedNoGit = false;

  constructor(private readonly store: ValueStore, private readonly log: vscode.LogOutputChannel) {
    store.onDidChange(() => this.sync(), this, this.disposables);
    vscode.workspace.onDidGrantWorkspaceTrust(() => this.sync(), this, this.disposables);
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('git.path')) this.restartGit();
      else if (e.affectsConfiguration('valueLens')) this.sync();
    }, this, this.disposables);
    this.sync();
    if (vscode.workspace.isTrusted) void this.listenToBuiltInGit();
    else vscode.workspace.onDidGrantWorkspaceTrust(() => void this.listenToBuiltInGit(), this, this.disposables);
  }

  /** Links for every tracked folder. */
  get folders(): readonly FolderLinks[] {
    return [...this.tracked.values()].map((t) => t.links);
  }

  linksOf(folder: vscode.WorkspaceFolder): FolderLinks | undefined {
    return this.tracked.get(folder.uri.toString())?.links;
  }

  /** Ids of intents whose `paths` cover `uri`: no git, cached per path, fast enough for decorations. */
  pathIntents(uri: vscode.Uri): readonly string[] {
    const found = this.trackedFile(uri);
    return found ? found.tracked.engine.pathIntents(found.rel) : [];
  }

  /** A file's intents with reasons; path globs only when git is unavailable or not trusted. */
  async fileIntents(uri: vscode.Uri): Promise<FileIntent[]> {
    const found = this.trackedFile(uri);
    if (!found) return [];
    const { tracked, rel } = found;
    if (!vscode.workspace.isTrusted || tracked.links.unavailable) return tracked.engine.pathIntents(rel).map((id) => ({ id, reasons: ['path'] }));
    try {
      return await tracked.engine.fileIntents(rel);
    } catch (e) {
      this.log.warn(`Could not read the history of ${rel}: ${String(e)}`);
      return tracked.engine.pathIntents(rel).map((id) => ({ id, reasons: ['path'] }));
    }
  }

  private trackedFile(uri: vscode.Uri): { tracked: Tracked; rel: string } | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const tracked = folder && this.tracked.get(folder.uri.toString());
    if (!folder || !tracked || uri.scheme !== 'file') return undefined;
    return { tracked, rel: path.relative(folder.uri.fsPath, uri.fsPath).split(path.sep).join('/') };
  }

  /** Rescans now (all folders, or one) and resolves when done. */
  async refresh(folder?: vscode.WorkspaceFolder): Promise<void> {
    const targets = folder ? [this.tracked.get(folder.uri.toString())] : [...this.tracked.values()];
    await Promise.all(targets.filter((t) => t !== undefined).map((t) => this.scan(t)));
  }

  dispose(): void {
    for (const t of this.tracked.values()) this.untrack(t);
    this.tracked.clear();
    for (const d of this.disposables) d.dispose();
  }

  private sync(): void {
    const seen = new Set<string>();
    for (const state of this.store.folders) {
      if (!state.hasValueFolder || state.folder.uri.scheme !== 'file') continue;
      const key = state.folder.uri.toString();
      seen.add(key);
      const model = this.linkingModel(state);
      const modelKey = linkingKey(model);
      let tracked = this.tracked.get(key);
      if (!tracked) {
        // Creating the engine starts no git process; only scans do.
        const folder = state.folder;
        const engine = gitBundle().createLinkingEngine(folder.uri.fsPath, { binary: gitBinary() }, model, {
          onBranchCommits: (commits) => this.showEarly(key, commits),
        });
        tracked = { engine, modelKey, links: { folder }, watchers: [], workTreeWatchers: this.watchWorkTree(folder, key), trailer: model.config.trailer };
        this.tracked.set(key, tracked);
      } else if (tracked.modelKey !== modelKey) {
        tracked.engine.setModel(model);
        tracked.modelKey = modelKey;
        tracked.trailer = model.config.trailer;
      } else if (tracked.links.scan) {
        // Edits that links do not depend on (a title, a why, a release's outcome) need no git.
        continue;
      }
      this.schedule(tracked);
    }
    for (const [key, tracked] of this.tracked) {
      if (!seen.has(key)) {
        this.untrack(tracked);
        this.tracked.delete(key);
      }
    }
    this.changed.fire();
  }

  /** Another git program (`git.path`): engines keep the one they were made with, so new ones take over. */
  private restartGit(): void {
    for (const tracked of this.tracked.values()) this.untrack(tracked);
    this.tracked.clear();
    this.warnedNoGit = false;
    this.sync();
  }

  private linkingModel(state: FolderState): LinkingModel {
    const { model, folder } = state;
    return { intents: [...model.intents.values()].map((e) => e.intent), config: effectiveConfig(model.declaredConfig, readSettings(folder).config) };
  }

  // Git events come in bursts (a checkout moves HEAD, refs and the index): one scan after they settle.
  private schedule(tracked: Tracked): void {
    if (tracked.timer) clearTimeout(tracked.timer);
    tracked.timer = setTimeout(() => void this.scan(tracked), GIT_EVENT_DELAY_MS);
  }

  private async scan(tracked: Tracked): Promise<void> {
    if (tracked.timer) clearTimeout(tracked.timer);
    tracked.timer = undefined;
    const { folder } = tracked.links;
    if (!vscode.workspace.isTrusted) {
      tracked.links = { folder, unavailable: vscode.l10n.t('This workspace is not trusted, so Value Lens runs no git command: links from commits and branches are off.') };
      this.changed.fire();
      return;
    }
    try {
      const scan = await tracked.engine.refresh();
      const [strayTrailers, unpushedCommits] = await Promise.all([this.strayTrailers(tracked, scan), this.unpushed(tracked, scan)]);
      tracked.links = { folder, scan, strayTrailers, unpushedCommits };
      this.watchGitDir(tracked, scan);
    } catch (e) {
      tracked.links = { folder, unavailable: this.explain(e) };
    }
    this.changed.fire();
  }

  /** Unlinked commits' trailer-like lines git does not read; asked again only when those commits change. */
  private async strayTrailers(tracked: Tracked, scan: BranchCommits): Promise<ReadonlyMap<string, string>> {
    const unlinked = scan.commits.filter((c) => c.intents.length === 0 && c.trailerIds.length === 0);
    const asked = [tracked.trailer, ...unlinked.map((c) => c.sha)].join('\0');
    if (tracked.stray?.asked === asked) return tracked.stray.found;
    try {
      const found = unlinked.length === 0 ? new Map<string, string>() : await gitBundle().strayTrailersIn(tracked.links.folder.uri.fsPath, { binary: gitBinary() }, unlinked, tracked.trailer);
      tracked.stray = { asked, found };
      return found;
    } catch (e) {
      // Only a hint: the scan itself stands.
      this.log.warn(`Could not look for trailer lines git does not read: ${String(e)}`);
      return new Map();
    }
  }

  /** Which commits with unknown trailer ids are not pushed: the advice to fix them depends on it. */
  private async unpushed(tracked: Tracked, scan: BranchCommits): Promise<ReadonlySet<string>> {
    const shas = [...new Set(scan.unknownTrailers.map((u) => u.sha))];
    const asked = shas.join('\0');
    if (tracked.unpushed?.asked === asked) return tracked.unpushed.found;
    try {
      const found = shas.length === 0 ? new Set<string>() : await gitBundle().unpushedCommitsIn(tracked.links.folder.uri.fsPath, { binary: gitBinary() }, shas);
      tracked.unpushed = { asked, found };
      return found;
    } catch (e) {
      // Unknown counts as pushed: then no history rewrite is advised.
      this.log.warn(`Could not tell pushed commits: ${String(e)}`);
      return new Set();
    }
  }

  /**
   * Shows the first half of a scan when HEAD or the base moved, so the status bar names the new
   * branch's intents at once. For the same commits the last whole scan stays until the new one.
   */
  private showEarly(key: string, commits: BranchCommits): void {
    const tracked = this.tracked.get(key);
    if (!tracked || !vscode.workspace.isTrusted) return;
    const shown = tracked.links.scan;
    if (shown && sameCommits(shown, commits)) return;
    const { strayTrailers, unpushedCommits } = tracked.links;
    tracked.links = { folder: tracked.links.folder, scan: commits, ...(strayTrailers ? { strayTrailers } : {}), ...(unpushedCommits ? { unpushedCommits } : {}) };
    this.changed.fire();
  }

  private explain(e: unknown): string {
    const git = gitBundle();
    if (git.isGitMissing(e)) {
      const missing = vscode.l10n.t('Git was not found (tried to run "{0}"); install git or put it on PATH to see branch and commit links.', e.binary);
      if (!this.warnedNoGit) {
        this.warnedNoGit = true;
        void vscode.window.showWarningMessage(vscode.l10n.t('{0} Value Lens still shows intents from .value/, but cannot link commits and branches.', missing));
      }
      return missing;
    }
    if (git.isNotARepository(e)) return vscode.l10n.t('This folder is not a git repository, so only path globs link files to intents.');
    this.log.error('Git scan failed', e);
    return vscode.l10n.t('Git could not be read: {0}', gitFailureText(e));
  }

  private watchGitDir(tracked: Tracked, scan: BranchCommits): void {
    const { gitDir, commonGitDir } = scan.state;
    if (tracked.watchedGitDir === gitDir) return;
    for (const w of tracked.watchers) w.dispose();
    tracked.watchedGitDir = gitDir;
    const onEvent = (): void => this.schedule(tracked);
    const patterns: [string, string][] = [
      [gitDir, '{HEAD,ORIG_HEAD,rebase-merge/**,rebase-apply/**}'],
      [commonGitDir, '{refs/**,packed-refs}'],
    ];
    tracked.watchers = patterns.flatMap(([dir, glob]) => {
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(dir), glob));
      return [watcher, watcher.onDidCreate(onEvent), watcher.onDidChange(onEvent), watcher.onDidDelete(onEvent)];
    });
  }

  /**
   * Rescans when a file of the folder is created, changed or deleted (a save, a restore in a
   * terminal, a build), in a focused window or not: the Git extension's own events come late or
   * not at all while the window is unfocused. Events inside a git directory are left to
   * {@link watchGitDir}: git writes there during a scan's own commands.
   */
  private watchWorkTree(folder: vscode.WorkspaceFolder, key: string): vscode.Disposable[] {
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, '**'));
    const onEvent = (uri: vscode.Uri): void => {
      if (uri.scheme !== 'file' || isInGitDir(uri.fsPath)) return;
      const tracked = this.tracked.get(key);
      if (tracked && vscode.workspace.isTrusted) this.schedule(tracked);
    };
    return [watcher, watcher.onDidCreate(onEvent), watcher.onDidChange(onEvent), watcher.onDidDelete(onEvent)];
  }

  private async listenToBuiltInGit(): Promise<void> {
    const gitApi: GitApi | undefined = await builtInGitApi();
    if (!gitApi) return;
    const follow = (repo: GitRepository): void => {
      let last = stateFingerprint(repo.state);
      repo.state.onDidChange(() => {
        const now = stateFingerprint(repo.state);
        if (now === last) return;
        last = now;
        // Working-tree changes count too: uncommitted files are part of coverage.
        for (const tracked of this.tracked.values()) {
          const top = tracked.links.scan?.state.topLevel;
          if (top && isRepositoryAt(repo, top)) this.schedule(tracked);
        }
      }, this, this.disposables);
    };
    gitApi.repositories.forEach(follow);
    gitApi.onDidOpenRepository(follow, this, this.disposables);
  }

  private untrack(tracked: Tracked): void {
    if (tracked.timer) clearTimeout(tracked.timer);
    for (const w of [...tracked.watchers, ...tracked.workTreeWatchers]) w.dispose();
  }
}

/** Whether a path lies inside a `.git` directory (the folder's own, or a nested repository's). */
function isInGitDir(fsPath: string): boolean {
  return fsPath.split(/[\\/]/).includes('.git');
}
