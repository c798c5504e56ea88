import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import type { FrameLocator, Page } from 'playwright-core';
import { repoRoot } from '../support/repoRoot';
import { demoWorkbenchForSuite, resultsDir, runCommand, showValueSidebar } from './workbench';

/** The headline figures the report marks with `data-figure`, by key. */
const HEADLINE = ['expected:EUR:year', 'realised:EUR:year', 'realised-share:EUR:year', 'releases-reviewed', 'releases-in-period', 'partial', 'reviews-due', 'reviews-overdue', 'coverage'];

/** The report's document inside the webview's two iframes. */
function reportFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
}

async function figures(read: (key: string) => Promise<string>): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const key of HEADLINE) out[key] = (await read(key)).trim();
  return out;
}

describe('the value report in a real workbench (browser)', function () {
  this.timeout(120000);
  const workbench = demoWorkbenchForSuite((w) => showValueSidebar(w.page));
  let panelFigures: Record<string, string>;

  it('renders the report panel with the demo headline figures', async () => {
    const { page } = workbench();
    await runCommand(page, 'Value: Open Value Report');
    const frame = reportFrame(page);
    const expected = frame.locator('[data-figure="expected:EUR:year"]');
    await expected.waitFor({ timeout: 30000 });
    await frame.locator('[data-figure="coverage"]', { hasText: '%' }).waitFor({ timeout: 30000 });
    panelFigures = await figures((key) => frame.locator(`[data-figure="${key}"]`).first().innerText());
    assert.deepStrictEqual(panelFigures, {
      'expected:EUR:year': '€60,000',
      'realised:EUR:year': '€45,000',
      'realised-share:EUR:year': '75%',
      'releases-reviewed': '1',
      'releases-in-period': '1',
      partial: '100%',
      'reviews-due': '0',
      'reviews-overdue': '0',
      // main's history by hand: 8 commits; a merge and two that change only .value/ do not count;
      // of the other 5, three name an intent.
      coverage: '60%',
    });
    // The charts are drawn: one bar chart (EUR per year) and the coverage line.
    assert.strictEqual(await frame.locator('svg.chart').count(), 2);
    fs.mkdirSync(resultsDir, { recursive: true });
    const file = path.join(resultsDir, 'report.png');
    await page.screenshot({ path: file });
    assert.ok(fs.statSync(file).size > 10000, 'the screenshot is empty');
  });

  it('filters by period in the panel', async () => {
    const frame = reportFrame(workbench().page);
    await frame.locator('select#period').selectOption('30d');
    // The demo's release and commits are older than 30 days.
    await frame.locator('[data-figure="releases-in-period"]', { hasText: /^0$/ }).waitFor({ timeout: 15000 });
    await frame.locator('.meta', { hasText: 'last 30 days' }).waitFor();
    await frame.locator('select#period').selectOption('all');
    await frame.locator('[data-figure="releases-in-period"]', { hasText: /^1$/ }).waitFor({ timeout: 15000 });
  });

  it('opens the YAML of a release clicked in the report', async () => {
    const { page } = workbench();
    await reportFrame(page).locator('a[data-open="release"][data-id="2.4.0"]').first().click();
    await page.locator('.tabs-container .tab', { hasText: '2.4.0.yaml' }).waitFor({ timeout: 15000 });
  });

  it('exports HTML (through the CLI) that shows the same headline figures in headless Chromium', async () => {
    const out = path.join(path.dirname(workbench().folder), 'value-report.html');
    execFileSync(process.execPath, [path.join(repoRoot, 'dist/cli.js'), 'report', workbench().folder, '--format', 'html', '--out', out], { encoding: 'utf8' });
    const exported = await workbench().page.context().newPage();
    try {
      // No request may leave the file: the report is self-contained.
      const requests: string[] = [];
      exported.on('request', (r) => requests.push(r.url()));
      await exported.goto(`file://${out}`);
      const fromFile = await figures((key) => exported.locator(`[data-figure="${key}"]`).first().innerText());
      assert.deepStrictEqual(fromFile, panelFigures);
      assert.deepStrictEqual(requests.filter((u) => !u.startsWith('file://')), []);
      await exported.screenshot({ path: path.join(resultsDir, 'report-export.png'), fullPage: true });
    } finally {
      await exported.close();
    }
  });
});
