import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ValueLensApi } from '../../src/api';
import type { ValueReport } from '../../src/core/report/reportModel';
import { moneyText, percentText } from '../../src/core/report/reportText';
import type { ReportSnapshot } from '../../src/webview/reportPanel';
import { repoRoot } from '../support/repoRoot';
import { until as untilWithin } from '../support/until';

// Release and report work starts git and webviews: give them longer than the default.
const until = <T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 15000): Promise<T> => untilWithin(what, probe, timeoutMs);


/** The text of `data-figure="key"` in rendered HTML. */
function figure(html: string, key: string): string | undefined {
  return new RegExp(`data-figure="${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}">([^<]*)<`).exec(html)?.[1];
}

describe('Value: Open Value Report (webview)', () => {
  let api: ValueLensApi;
  let folder: vscode.WorkspaceFolder;
  const snapshot = (): ReportSnapshot | undefined => api.report.snapshot();

  before(async () => {
    api = (await vscode.extensions.getExtension<ValueLensApi>('value-lens.value-lens')!.activate());
    folder = vscode.workspace.workspaceFolders![0]!;
    await api.store.whenIdle();
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens a panel whose HTML has a strict CSP and the demo headline figures', async () => {
    await vscode.commands.executeCommand('valueLens.openReport');
    const shot = await until('the report', () => snapshot()?.report && snapshot());
    const html = shot.webviewHtml;
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];
    assert.ok(csp, 'no CSP meta tag');
    assert.match(csp, /^default-src 'none'; /);
    assert.match(csp, /script-src 'nonce-[A-Za-z0-9+/=]{16,}'/);
    assert.ok(!/unsafe-inline|unsafe-eval/.test(csp));
    const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
    // Every script and stylesheet carries the nonce; nothing inline, nothing remote.
    for (const tag of html.match(/<(script|link)\b[^>]*>/g) ?? []) assert.ok(tag.includes(`nonce="${nonce}"`), tag);
    assert.ok(!/\s(src|href)="https?:\/\/(?!file\+|[^"]*vscode-)/.test(html.replace(/<main[\s\S]*<\/main>/, '')), 'a remote resource');

    // The figures in the HTML are the model's headline.
    const { headline } = shot.report!;
    const eur = headline.money.find((t) => t.currency === 'EUR' && t.per === 'year');
    assert.ok(eur);
    assert.strictEqual(figure(html, 'expected:EUR:year'), moneyText(eur.expected, 'EUR', undefined, 'en'));
    assert.strictEqual(figure(html, 'realised:EUR:year'), moneyText(eur.realised, 'EUR', undefined, 'en'));
    assert.strictEqual(figure(html, 'releases-reviewed'), String(headline.releases.reviewed));
    assert.strictEqual(figure(html, 'coverage'), percentText(headline.coverage?.share));
    // Other suites may leave statements behind; with the demo's files as made, the demo's figures.
    if (fs.readdirSync(path.join(folder.uri.fsPath, '.value', 'releases')).join() === '2.4.0.yaml') {
      assert.strictEqual(figure(html, 'expected:EUR:year'), '€60,000');
      assert.strictEqual(figure(html, 'realised:EUR:year'), '€45,000');
      assert.strictEqual(figure(html, 'realised-share:EUR:year'), '75%');
      assert.strictEqual(figure(html, 'releases-reviewed'), '1');
      assert.strictEqual(figure(html, 'partial'), '100%');
    }
  });

  it('shows the same numbers as value-lens report (CLI)', async () => {
    const cliReport = (today: string): ValueReport => {
      // ELECTRON_RUN_AS_NODE lets an Electron host's binary run the CLI as Node; plain Node ignores it.
      const out = execFileSync(process.execPath, [path.join(repoRoot, 'dist/cli.js'), 'report', folder.uri.fsPath, '--format', 'json', '--today', today], {
        encoding: 'utf8',
        env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
      });
      return JSON.parse(out) as ValueReport;
    };
    const plain = (r: ValueReport): unknown => JSON.parse(JSON.stringify({ headline: r.headline, releases: r.releases, intents: r.intents, coverage: r.coverage }));
    // Other suites write and remove .value/ files: the panel follows the disk a moment later, so
    // compare once both have settled on the same files.
    let last: { panel: unknown; cli: unknown } | undefined;
    for (let attempt = 0; attempt < 20; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, 400));
      await api.store.whenIdle();
      const report = snapshot()?.report;
      assert.ok(report);
      last = { panel: plain(report), cli: plain(cliReport(report.today)) };
      if (JSON.stringify(last.panel) === JSON.stringify(last.cli)) break;
    }
    assert.deepStrictEqual(last?.cli, last?.panel);
  });

  it('refreshes when .value/ changes, and keeps a single panel', async () => {
    const file = path.join(folder.uri.fsPath, '.value', 'releases', '9.9.9.yaml');
    fs.writeFileSync(file, 'release: 9.9.9\nbranch: release/9.9.9\nbase: main\ncreated: 2026-09-02\nexpected:\n  summary: "<img src=x onerror=alert(1)>"\n  intents: [guided-onboarding]\n  value: { amount: 7000, currency: USD, per: once }\n');
    try {
      const shot = await until('the new release in the report', () => {
        const s = snapshot();
        return s?.report?.headline.money.some((t) => t.currency === 'USD') ? s : undefined;
      });
      assert.strictEqual(figure(shot.body, 'expected:USD:once'), '$7,000');
      assert.ok(shot.body.includes('&#60;img src=x onerror=alert(1)&#62;'));
      assert.ok(!shot.body.includes('<img'));
      await vscode.commands.executeCommand('valueLens.openReport');
      const reports = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('valueLens.report'));
      assert.strictEqual(reports.length, 1);
    } finally {
      fs.rmSync(file, { force: true });
    }
    await until('the release to leave the report', () => !snapshot()?.report?.headline.money.some((t) => t.currency === 'USD'));
  });
});
