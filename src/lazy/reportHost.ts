import vscode = require('vscode');
import type { ReportDeps, ReportPanel, ReportSnapshot } from '../webview/reportPanel';
import { reportBundle } from './bundles';

/** The report webview type, as `REPORT_VIEW_TYPE` in webview/reportPanel.ts and `onWebviewPanel:` in package.json. */
const REPORT_VIEW_TYPE = 'valueLens.report';

/** What the command table and the API use of the report (see `ReportHost`). */
export interface ReportHost extends vscode.Disposable {
  /** Value: Open Value Report; resolves once the panel shows the report. */
  open(): Promise<ReportPanel>;
  /** The open panel's content, for tests. */
  snapshot(): ReportSnapshot | undefined;
}

/**
 * Registers the report's serializer at activation (so VS Code can restore an open report after a
 * reload) and loads the report bundle only when a panel is opened or restored.
 */
export function registerReportHost(context: vscode.ExtensionContext, deps: ReportDeps): ReportHost {
  const { extensionUri } = context;
  const registration = vscode.window.registerWebviewPanelSerializer(REPORT_VIEW_TYPE, {
    deserializeWebviewPanel: async (panel, state: unknown) => {
      const { ReportPanel } = reportBundle();
      ReportPanel.revive(panel, extensionUri, deps, state);
      await ReportPanel.currentPanel?.whenRendered();
    },
  });
  const host: ReportHost = {
    async open() {
      const panel = reportBundle().ReportPanel.createOrShow(extensionUri, deps);
      await panel.whenRendered();
      return panel;
    },
    snapshot: () => (reportBundle.loaded ? reportBundle().ReportPanel.currentPanel?.snapshot() : undefined),
    dispose() {
      if (reportBundle.loaded) reportBundle().ReportPanel.currentPanel?.dispose();
      registration.dispose();
    },
  };
  context.subscriptions.push(host);
  return host;
}
