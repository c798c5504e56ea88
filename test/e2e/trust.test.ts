import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { BrowserContext, FrameLocator, Page } from 'playwright-core';
import { repoRoot } from '../support/repoRoot';
import { openCommandPalette, quickInput, resultsDir, runCommand, screenshotIfFailed, stepShowing, viewRows } from './workbench';

interface Harness {
  startCodeServer(o: { trustWorkspaces: boolean; settings: Record<string, unknown> }): Promise<{ tmp: string; stop(): Promise<void>; workbenchUrl(o: { folder: string; extensionDevelopmentPath: string }): string }>;
  launchBrowser(tmp: string): Promise<{ context: BrowserContext; page: Page }>;
}

/** The report's document inside the webview's two iframes. */
function reportFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
}

/** The titles the command palette offers for `>query`. */
async function paletteTitles(page: Page, query: string): Promise<string[]> {
  await openCommandPalette(page);
  await page.keyboard.type(`>${query}`);
  await quickInput(page).locator('.monaco-list-row').first().waitFor();
  await page.waitForTimeout(500); // the list settles after the first match
  const titles = await quickInput(page).locator('.monaco-list-row .label-name').allInnerTexts();
  await page.keyboard.press('Escape');
  return titles;
}

describe('workspace trust in the browser: restricted mode, then granting trust', function () {
  this.timeout(180000);
  let parent: string;
  let folder: string;
  let log: string;
  let stop: (() => Promise<void>) | undefined;
  let context: BrowserContext | undefined;
  let page: Page;
  const gitCalls = (): string[] => (fs.existsSync(log) ? fs.readFileSync(log, 'utf8').split('\n').filter((l) => l.startsWith(`${folder}\t`)) : []);

  before(async () => {
    parent = fs.mkdtempSync(path.join(os.tmpdir(), 'value-lens-e2e-trust-'));
    folder = execFileSync(process.execPath, [path.join(repoRoot, 'scripts/makeDemo.mjs'), path.join(parent, 'demo-shop')], { encoding: 'utf8' }).trim();
    // A git that logs who ran it where; VS Code's Git extension and Value Lens both use git.path.
    log = path.join(parent, 'git-calls.log');
    const real = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
    const spy = path.join(parent, 'git');
    fs.writeFileSync(spy, `#!/bin/sh\nprintf '%s\\t%s\\n' "$(pwd)" "$*" >> '${log}'\nexec '${real}' "$@"\n`, { mode: 0o755 });
    const harness = (await import(pathToFileURL(path.join(repoRoot, 'harness/codeServer.mjs')).href)) as Harness;
    // Restricted mode as a user who chose "Don't Trust" sees it: no startup dialog.
    const server = await harness.startCodeServer({ trustWorkspaces: false, settings: { 'security.workspace.trust.startupPrompt': 'never', 'git.path': spy } });
    stop = () => server.stop();
    ({ context, page } = await harness.launchBrowser(server.tmp));
    await page.goto(server.workbenchUrl({ folder, extensionDevelopmentPath: repoRoot }));
    await page.locator('.monaco-workbench .activitybar').waitFor({ timeout: 60000 });
  });

  afterEach(async function () {
    await screenshotIfFailed(this.currentTest, page);
  });

  after(async () => {
    await context?.close().catch(() => undefined);
    await stop?.();
    fs.rmSync(parent, { recursive: true, force: true });
  });

  it('restricted: intents from .value/ show, the Current view and status bar say git is off, write commands are not offered, the report has no toolbar, no git runs', async () => {
    await page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).waitFor({ timeout: 30000 });
    await page.locator('.activitybar a.action-label[aria-label="Value"]').click();
    await viewRows(page, 'Intents').filter({ hasText: 'Faster checkout' }).waitFor({ timeout: 60000 });
    await viewRows(page, 'Current').filter({ hasText: /not trusted, so Value Lens runs no git command/ }).waitFor({ timeout: 30000 });
    await page.locator('.statusbar-item', { hasText: 'Git links off' }).waitFor({ timeout: 30000 });
    const offered = await paletteTitles(page, 'Value: ');
    for (const title of ['Value: New Intent', 'Value: Link', 'Value: State Expected Value', 'Value: Record', 'Value: Create Release Branch', 'Value: Initialize']) {
      assert.ok(!offered.some((t) => t.startsWith(title)), `${title}… is offered in restricted mode: ${offered.join(', ')}`);
    }
    assert.ok(offered.includes('Value: Open Value Report'), offered.join(', '));
    await runCommand(page, 'Value: Open Value Report');
    await reportFrame(page).locator('.restricted', { hasText: 'Restricted mode' }).waitFor({ timeout: 30000 });
    assert.strictEqual(await reportFrame(page).locator('#export-html').count(), 0, 'export buttons (script-driven) in restricted mode');
    await page.waitForTimeout(2000); // past every debounce
    assert.deepStrictEqual(gitCalls(), []);
  });

  it('granting trust turns on git, links, the report toolbar and writes in the same window, without a reload', async () => {
    await page.evaluate(() => {
      (globalThis as unknown as { beforeTrust: boolean }).beforeTrust = true;
    });
    await runCommand(page, 'Workspaces: Manage Workspace Trust');
    await page.locator('.workspace-trust-editor .monaco-button', { hasText: /^Trust$/ }).click();
    await page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).waitFor({ state: 'detached', timeout: 30000 });

    await viewRows(page, 'Current').filter({ hasText: 'feature/checkout-speed-retry' }).filter({ hasText: '1 of 3 commits linked' }).waitFor({ timeout: 30000 });
    await page.locator('.statusbar-item', { hasText: 'checkout-speed · €120K/yr' }).waitFor({ timeout: 30000 });
    assert.ok(gitCalls().some((l) => / log -z /.test(l)), 'no branch scan ran after trust was granted');

    // The report panel renders again with scripts: toolbar, and coverage from git.
    await runCommand(page, 'Value: Open Value Report');
    await reportFrame(page).locator('#export-html').waitFor({ timeout: 30000 });
    await reportFrame(page).locator('[data-figure="coverage"]', { hasText: '%' }).waitFor({ timeout: 30000 });
    assert.strictEqual(await reportFrame(page).locator('.restricted').count(), 0);

    const offered = await paletteTitles(page, 'Value: New Intent');
    assert.ok(offered.some((t) => t.startsWith('Value: New Intent')), offered.join(', '));
    await runCommand(page, '>Value: New Intent');
    await stepShowing(page, 1, 'Title:');
    await page.keyboard.press('Escape');

    assert.strictEqual(await page.evaluate(() => (globalThis as unknown as { beforeTrust?: boolean }).beforeTrust), true, 'the window reloaded');
    fs.mkdirSync(resultsDir, { recursive: true });
    await page.screenshot({ path: path.join(resultsDir, 'trusted-after-grant.png') });
  });
});
