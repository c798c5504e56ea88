// dist/lazy/report.js: the value report (core/report) and its webview panel. See bundles.ts.
export { ReportPanel } from '../webview/reportPanel';
