import vscode = require('vscode');
import { effectiveConfig } from '../core/model/effectiveConfig';
import { statementFilesOnRef } from '../core/release/branchStatements';
import { hasStatementFor, statementFilesOf } from '../core/release/statementLookup';
import { gitBundle } from '../lazy/bundles';
import type { LinkingService } from './linkingService';
import { gitBinary, readSettings } from './settings';
import type { FolderState, ValueStore } from './valueStore';

/** A checked-out release branch that has no value statement, neither in the working tree nor committed on it. */
export interface MissingStatement {
  readonly folder: vscode.WorkspaceFolder;
  readonly branch: string;
  /** Entry name the statement would get: `.value/releases/<statementName>.yaml`. */
  readonly statementName: string;
}

/** A release branch (local, or fetched from a remote) with no value statement anywhere. */
export interface UnstatedRelease {
  readonly folder: vscode.WorkspaceFolder;
  /** Branch name without the remote, e.g. `release/2.5.0`. */
  readonly branch: string;
  /** The ref it was found as: the branch itself, or `origin/release/2.5.0`. */
  readonly ref: string;
}

/** Release branches looked at for the Releases view: the most recently committed ones. */
const MAX_RELEASE_REFS = 20;
const DONT_ASK_KEY = 'valueLens.release.dontAsk';
const EVALUATE_DELAY_MS = 100;

/**
 * Watches the current branch of every folder (through the linking service's scans, which follow
 * HEAD) and the model (through the store): a release branch without a statement is "missing".
 * The status bar reads `missing` / `missingFor` and listens to `onDidChange`. Once per branch per
 * session (never for branches the user said not to ask about) it shows one notification offering
 * to state the expected value; `onDidPrompt` fires when it does.
 */
export class ReleaseWatcher implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when the set of missing statements changes. */
  readonly onDidChange = this.changed.event;
  private readonly promptedEmitter = new vscode.EventEmitter<MissingStatement>();
  /** Fires when the notification for a branch is shown. */
  readonly onDidPrompt = this.promptedEmitter.event;
  private readonly disposables: vscode.Disposable[] = [this.changed, this.promptedEmitter];
  private current: MissingStatement[] = [];
  private unstatedRefs: UnstatedRelease[] = [];
  // Committed statements per release ref and tip date: git is asked again only when the ref moves.
  private readonly refCache = new Map<string, boolean>();
  private readonly asked = new Set<string>();
  // Committed statements per branch tip: git is asked once per (folder, branch, commit).
  private readonly onBranchCache = new Map<string, boolean>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: ValueStore,
    private readonly linking: LinkingService,
    private readonly workspaceState: vscode.Memento,
    private readonly stateCommand: string,
  ) {
    linking.onDidChange(() => this.schedule(), this, this.disposables);
    store.onDidChange(() => this.schedule(), this, this.disposables);
    this.schedule();
  }

  /** Release branches checked out now that have no statement (for the status-bar warning). */
  get missing(): readonly MissingStatement[] {
    return this.current;
  }

  /** The missing statement of one folder's current branch, if any. */
  missingFor(folder: vscode.WorkspaceFolder): MissingStatement | undefined {
    return this.current.find((m) => m.folder.uri.toString() === folder.uri.toString());
  }

  /** The branch of `folder` that needs a value statement, if any (the status bar's `MissingStatementSource`). */
  missingStatement(folder: vscode.WorkspaceFolder): string | undefined {
    return this.missingFor(folder)?.branch;
  }

  /** Branches the notification was shown for (or suppressed for) in this session, as `folderUri#branch`. */
  get prompted(): readonly string[] {
    return [...this.asked];
  }

  /** No notification for this branch this session: the caller is stating its value right now. */
  suppressPrompt(folder: vscode.WorkspaceFolder, branch: string): void {
    this.asked.add(keyOf(folder, branch));
  }

  /** Re-evaluates now and resolves when done. */
  async refresh(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.running = this.running.then(() => this.evaluate(), () => this.evaluate());
    await this.running;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), EVALUATE_DELAY_MS);
  }

  /** Release branches, checked out or not (a fetch brings them), that have no statement. */
  get unstated(): readonly UnstatedRelease[] {
    return this.unstatedRefs;
  }

  private async evaluate(): Promise<void> {
    const next: MissingStatement[] = [];
    const unstated: UnstatedRelease[] = [];
    if (vscode.workspace.isTrusted) {
      for (const state of this.store.folders) {
        const missing = await this.check(state);
        if (missing) next.push(missing);
        unstated.push(...(await this.unstatedOf(state)));
      }
    }
    const before = [...this.current, ...this.unstatedRefs].map((m) => keyOf(m.folder, m.branch)).join('\n');
    this.current = next;
    this.unstatedRefs = unstated;
    if ([...next, ...unstated].map((m) => keyOf(m.folder, m.branch)).join('\n') !== before) this.changed.fire();
    for (const m of next) this.maybePrompt(m);
  }

  private async check(state: FolderState): Promise<MissingStatement | undefined> {
    if (!state.hasValueFolder || state.folder.uri.scheme !== 'file') return undefined;
    const scan = this.linking.linksOf(state.folder)?.scan;
    const branch = scan?.branch;
    if (!scan || !branch || scan.state.head.kind !== 'branch') return undefined;
    const config = effectiveConfig(state.model.declaredConfig, readSettings(state.folder).config);
    const patterns = gitBundle().createReleasePatterns(config.releaseBranches);
    if (!patterns.matches(branch)) return undefined;
    let statementName: string;
    try {
      statementName = gitBundle().statementNameFor(branch, patterns);
    } catch {
      return undefined;
    }
    const broken = state.model.fileNames.filter((f) => state.model.parsed(f)?.kind === 'release' && !state.model.parsed(f)?.valid);
    if (hasStatementFor(statementFilesOf(state.model.releases, broken), branch, statementName)) return undefined;
    const cacheKey = `${keyOf(state.folder, branch)}@${scan.state.head.sha}`;
    let onBranch = this.onBranchCache.get(cacheKey);
    if (onBranch === undefined) {
      try {
        const files = await statementFilesOnRef(gitBundle().createBranchOps(state.folder.uri.fsPath, { binary: gitBinary() }), branch);
        onBranch = hasStatementFor(files, branch, statementName);
        this.onBranchCache.set(cacheKey, onBranch);
      } catch {
        onBranch = false;
      }
    }
    return onBranch ? undefined : { folder: state.folder, branch, statementName };
  }

  private async unstatedOf(state: FolderState): Promise<UnstatedRelease[]> {
    if (!state.hasValueFolder || state.folder.uri.scheme !== 'file') return [];
    const patterns = gitBundle().createReleasePatterns(effectiveConfig(state.model.declaredConfig, readSettings(state.folder).config).releaseBranches);
    const git = gitBundle().createBranchOps(state.folder.uri.fsPath, { binary: gitBinary() });
    let branches;
    try {
      branches = await git.branches();
    } catch {
      return [];
    }
    const broken = state.model.fileNames.filter((f) => state.model.parsed(f)?.kind === 'release' && !state.model.parsed(f)?.valid);
    const inTree = statementFilesOf(state.model.releases, broken);
    const seen = new Set<string>();
    const unstated: UnstatedRelease[] = [];
    for (const b of branches) {
      const branch = b.remote ? b.name.slice(b.name.indexOf('/') + 1) : b.name;
      if (seen.has(branch) || !patterns.matches(branch)) continue;
      seen.add(branch);
      if (seen.size > MAX_RELEASE_REFS) break;
      let statementName: string;
      try {
        statementName = gitBundle().statementNameFor(branch, patterns);
      } catch {
        continue;
      }
      if (hasStatementFor(inTree, branch, statementName)) continue;
      const key = `${keyOf(state.folder, b.name)}@${b.date}`;
      let committed = this.refCache.get(key);
      if (committed === undefined) {
        try {
          committed = hasStatementFor(await statementFilesOnRef(git, b.name), branch, statementName);
        } catch {
          committed = false;
        }
        this.refCache.set(key, committed);
      }
      if (!committed) unstated.push({ folder: state.folder, branch, ref: b.name });
    }
    return unstated;
  }

  private maybePrompt(missing: MissingStatement): void {
    const key = keyOf(missing.folder, missing.branch);
    if (this.asked.has(key)) return;
    this.asked.add(key);
    if (this.workspaceState.get<string[]>(DONT_ASK_KEY, []).includes(key)) return;
    this.promptedEmitter.fire(missing);
    void this.prompt(missing, key);
  }

  private async prompt(missing: MissingStatement, key: string): Promise<void> {
    const state = vscode.l10n.t('State Expected Value');
    const dontAsk = vscode.l10n.t("Don't ask for this branch");
    const choice = await vscode.window.showWarningMessage(vscode.l10n.t('{0} has no value statement', missing.branch), state, vscode.l10n.t('Not now'), dontAsk);
    if (choice === state) {
      await vscode.commands.executeCommand(this.stateCommand, missing.folder.uri);
    } else if (choice === dontAsk) {
      const list = this.workspaceState.get<string[]>(DONT_ASK_KEY, []);
      await this.workspaceState.update(DONT_ASK_KEY, [...new Set([...list, key])]);
    }
  }
}

function keyOf(folder: vscode.WorkspaceFolder, branch: string): string {
  return `${folder.uri.toString()}#${branch}`;
}
