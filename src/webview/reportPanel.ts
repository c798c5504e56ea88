import { randomBytes } from 'crypto';
import * as os from 'os';
import * as path from 'path';
import vscode = require('vscode');
import { SimpleGitPort } from '../core/git/simpleGitPort';
import { effectiveConfig } from '../core/model/effectiveConfig';
import type { ReportCommits } from '../core/report/buildReport';
import { buildReport } from '../core/report/buildReport';
import { readReportCommits } from '../core/report/readReportCommits';
import { renderReportBody, renderStandaloneHtml } from '../core/report/renderHtml';
import { renderMarkdown } from '../core/report/renderMarkdown';
import type { ValueReport } from '../core/report/reportModel';
import type { ReportPeriod } from '../core/report/reportPeriod';
import { periodStart } from '../core/report/reportPeriod';
import { localIsoDate } from '../core/today';
import { VALUE_DIR } from '../core/valueFolder';
import type { LinkingService } from '../state/linkingService';
import { gitBinary, readSettings } from '../state/settings';
import type { FolderState, ValueStore } from '../state/valueStore';
import { translate } from '../ui/localize';
import { reportDocument } from './reportDocument';
import type { ReportPanelState, ReportRequest, ReportUpdate } from './reportMessages';
import { parsePanelState, parseReportRequest } from './reportMessages';
import { relativeInside } from '../core/pathInside';
import { gitFailureText } from '../state/errorText';
import { exportFolder } from '../core/report/exportFolder';

/** The webview type; `onWebviewPanel:valueLens.report` in package.json restores it after a reload. */
export const REPORT_VIEW_TYPE = 'valueLens.report';

const REFRESH_DELAY_MS = 300;

export interface ReportDeps {
  readonly store: ValueStore;
  readonly linking: LinkingService;
  readonly log: vscode.LogOutputChannel;
  /** Remembers the folder of the last export, across workspaces. */
  readonly memory: vscode.Memento;
}

const LAST_EXPORT_FOLDER = 'valueLens.report.lastExportFolder';

/** What the integration tests read: the HTML the webview was given, the current body, the model. */
export interface ReportSnapshot {
  readonly webviewHtml: string;
  readonly body: string;
  readonly report: ValueReport | undefined;
}

/**
 * The value report webview: one panel at a time, rendered by the core (`renderReportBody`),
 * refreshed when `.value/` or git links change, restored after a reload by the serializer.
 */
export class ReportPanel implements vscode.Disposable {
  private static current: ReportPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private state: ReportPanelState;
  private report: ValueReport | undefined;
  private body = '';
  private timer: NodeJS.Timeout | undefined;
  private version = 0;
  private rendered: Promise<void> = Promise.resolve();

  /** Shows the panel, creating it when there is none. */
  static createOrShow(extensionUri: vscode.Uri, deps: ReportDeps): ReportPanel {
    if (ReportPanel.current) {
      ReportPanel.current.panel.reveal();
      return ReportPanel.current;
    }
    const panel = vscode.window.createWebviewPanel(REPORT_VIEW_TYPE, vscode.l10n.t('Value Report'), vscode.ViewColumn.Active, ReportPanel.options(extensionUri));
    return new ReportPanel(panel, extensionUri, deps, { period: 'all' });
  }

  /** Takes over a panel VS Code restored after a reload. */
  static revive(panel: vscode.WebviewPanel, extensionUri: vscode.Uri, deps: ReportDeps, state: unknown): ReportPanel {
    ReportPanel.current?.dispose();
    panel.webview.options = ReportPanel.options(extensionUri);
    return new ReportPanel(panel, extensionUri, deps, parsePanelState(state));
  }

  static get currentPanel(): ReportPanel | undefined {
    return ReportPanel.current;
  }

  private static options(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
    // No script at all in an untrusted workspace; only media/ is readable in any case.
    return { enableScripts: vscode.workspace.isTrusted, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')] };
  }

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly extensionUri: vscode.Uri,
    private readonly deps: ReportDeps,
    state: ReportPanelState,
  ) {
    ReportPanel.current = this;
    this.state = state;
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'value.svg');
    panel.onDidDispose(() => this.dispose(), this, this.disposables);
    panel.webview.onDidReceiveMessage((m: unknown) => void this.handle(parseReportRequest(m)), this, this.disposables);
    deps.store.onDidChange(() => this.schedule(), this, this.disposables);
    deps.linking.onDidChange(() => this.schedule(), this, this.disposables);
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      panel.webview.options = ReportPanel.options(extensionUri);
      void this.refresh(true);
    }, this, this.disposables);
    void this.refresh(true);
  }

  /** Resolves when the latest refresh has been rendered. */
  whenRendered(): Promise<void> {
    return this.rendered;
  }

  snapshot(): ReportSnapshot {
    return { webviewHtml: this.panel.webview.html, body: this.body, report: this.report };
  }

  dispose(): void {
    if (ReportPanel.current === this) ReportPanel.current = undefined;
    if (this.timer) clearTimeout(this.timer);
    this.panel.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }

  // Store and git events come in bursts (typing, checkouts): render once they settle.
  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(false), REFRESH_DELAY_MS);
  }

  private folderState(): FolderState | undefined {
    const folders = this.deps.store.folders.filter((f) => f.hasValueFolder);
    return folders.find((f) => f.folder.uri.toString() === this.state.folder) ?? folders[0];
  }

  private async readCommits(state: FolderState, period: ReportPeriod, today: string): Promise<ReportCommits> {
    if (!vscode.workspace.isTrusted) return { available: false, reason: vscode.l10n.t('this workspace is not trusted, so Value Lens runs no git command.') };
    if (state.folder.uri.scheme !== 'file') return { available: false, reason: vscode.l10n.t('the folder is not on a local disk.') };
    const { trailer, baseBranch } = effectiveConfig(state.model.declaredConfig, readSettings(state.folder).config);
    try {
      return await readReportCommits(new SimpleGitPort(state.folder.uri.fsPath, { binary: gitBinary() }), trailer, { since: periodStart(period, today), translate, ...(baseBranch !== undefined ? { baseBranch } : {}) });
    } catch (e) {
      this.deps.log.error('Reading commits for the report failed', e);
      return { available: false, reason: vscode.l10n.t('git could not be read: {0}', gitFailureText(e)) };
    }
  }

  /** Rebuilds the report; `full` replaces the whole document, otherwise the body is posted to the script. */
  private refresh(full: boolean): Promise<void> {
    const version = ++this.version;
    this.rendered = (async () => {
      const state = this.folderState();
      // Untrusted: no script, so no period filter either; the report covers all time.
      const period: ReportPeriod = vscode.workspace.isTrusted ? this.state.period : 'all';
      const today = localIsoDate();
      let report: ValueReport | undefined;
      if (state) {
        const commits = await this.readCommits(state, period, today);
        if (version !== this.version) return;
        report = buildReport({ title: state.folder.name, model: state.model, commits, today, period });
      }
      this.report = report;
      const scripts = vscode.workspace.isTrusted;
      this.body = report
        ? renderReportBody(report, { interactive: scripts, translate })
        : `<p>${vscode.l10n.t('No {0} folder in this workspace yet: the report shows the intents and releases it holds.', '<code>.value/</code>')}</p>`;
      this.state = { period, ...(state ? { folder: state.folder.uri.toString() } : {}) };
      if (full || !scripts) this.panel.webview.html = this.document(scripts);
      else await this.post();
    })();
    return this.rendered;
  }

  private document(scripts: boolean): string {
    const media = (file: string): string => this.panel.webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', file)).toString();
    return reportDocument({
      cspSource: this.panel.webview.cspSource,
      nonce: randomBytes(16).toString('base64'),
      styleUri: media('report.css'),
      scriptUri: media('report.js'),
      body: this.body,
      scripts,
      period: this.state.period,
      translate,
      language: vscode.env.language,
    });
  }

  private async post(): Promise<void> {
    const update: ReportUpdate = { type: 'update', body: this.body, period: this.state.period, folder: this.state.folder ?? '' };
    await this.panel.webview.postMessage(update);
  }

  private async handle(request: ReportRequest | undefined): Promise<void> {
    if (!request) return;
    switch (request.type) {
      case 'ready':
        // A webview that was hidden reloads its first document: bring it up to date.
        return this.post();
      case 'setPeriod':
        this.state = { ...this.state, period: request.period };
        return this.refresh(false);
      case 'open':
        return this.open(request.kind, request.id);
      case 'export':
        return this.export(request.format);
    }
  }

  /** Opens the YAML of an intent or release found in the model: ids in, never paths from the webview. */
  private async open(kind: 'intent' | 'release', id: string): Promise<void> {
    const state = this.folderState();
    if (!state) return;
    const file = kind === 'intent' ? state.model.intents.get(id)?.file : state.model.releases.find((r) => r.name === id)?.file;
    if (!file) return;
    const uri = vscode.Uri.joinPath(state.folder.uri, ...file.split('/'));
    if (!relativeInside(path.join(state.folder.uri.fsPath, VALUE_DIR), uri.fsPath)) return;
    await vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.Beside, preview: false });
  }

  private async export(format: 'html' | 'md'): Promise<void> {
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage(vscode.l10n.t('This workspace is not trusted, so Value Lens writes nothing: trust it to export the report.'));
      return;
    }
    const report = this.report;
    const state = this.folderState();
    if (!report || !state) return;
    const name = `value-report-${report.today}.${format === 'html' ? 'html' : 'md'}`;
    // Outside the work tree by default: an export saved into the repository would be a changed,
    // unlinked file of the branch.
    const folder = exportFolder(this.deps.memory.get<string>(LAST_EXPORT_FOLDER), state.folder.uri.fsPath, os.homedir());
    const target = await vscode.window.showSaveDialog({
      defaultUri: vscode.Uri.joinPath(vscode.Uri.file(folder), name),
      filters: format === 'html' ? { [vscode.l10n.t('HTML report')]: ['html'] } : { Markdown: ['md'] },
      saveLabel: vscode.l10n.t('Export'),
      title: format === 'html' ? vscode.l10n.t('Export the value report as HTML') : vscode.l10n.t('Export the value report as Markdown'),
    });
    if (!target) return;
    const text = format === 'html' ? renderStandaloneHtml(report, { translate, language: vscode.env.language }) : renderMarkdown(report, { translate });
    await vscode.workspace.fs.writeFile(target, Buffer.from(text, 'utf8'));
    if (target.scheme === 'file') await this.deps.memory.update(LAST_EXPORT_FOLDER, path.dirname(target.fsPath));
    const open = vscode.l10n.t('Open');
    // Revealing in the OS needs a desktop window on the machine that holds the file.
    const reveal = vscode.env.remoteName === undefined && vscode.env.uiKind === vscode.UIKind.Desktop ? vscode.l10n.t('Reveal') : undefined;
    const copy = vscode.l10n.t('Copy Path');
    const shown = target.scheme === 'file' ? target.fsPath : target.toString();
    const choice = await vscode.window.showInformationMessage(vscode.l10n.t('Exported the value report to {0}.', shown), open, ...(reveal ? [reveal] : [copy]));
    if (choice === open) await vscode.commands.executeCommand('vscode.open', target);
    else if (choice !== undefined && choice === reveal) await vscode.commands.executeCommand('revealFileInOS', target);
    else if (choice === copy) await vscode.env.clipboard.writeText(shown);
  }
}

/** Opens the report on demand and restores it after a reload; the host is disposed with the extension. */
export class ReportPanelHost implements vscode.Disposable {
  private readonly registration: vscode.Disposable;

  constructor(private readonly extensionUri: vscode.Uri, private readonly deps: ReportDeps) {
    this.registration = vscode.window.registerWebviewPanelSerializer(REPORT_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel, state: unknown) => {
        ReportPanel.revive(panel, extensionUri, deps, state);
        await ReportPanel.currentPanel?.whenRendered();
      },
    });
  }

  /** Value: Open Value Report. */
  async open(): Promise<ReportPanel> {
    const panel = ReportPanel.createOrShow(this.extensionUri, this.deps);
    await panel.whenRendered();
    return panel;
  }

  /** The open panel's content, for tests. */
  snapshot(): ReportSnapshot | undefined {
    return ReportPanel.currentPanel?.snapshot();
  }

  dispose(): void {
    ReportPanel.currentPanel?.dispose();
    this.registration.dispose();
  }
}

/** Registers the report's serializer; the command is in the command table. */
export function registerReportPanel(context: vscode.ExtensionContext, deps: ReportDeps): ReportPanelHost {
  const host = new ReportPanelHost(context.extensionUri, deps);
  context.subscriptions.push(host);
  return host;
}
