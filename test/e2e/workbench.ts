import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { execFileSync } from 'child_process';
import { pathToFileURL } from 'url';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { repoRoot } from '../support/repoRoot';

interface CodeServer {
  readonly tmp: string;
  stop(): Promise<void>;
  workbenchUrl(o: { folder: string; extensionDevelopmentPath: string }): string;
}

/** The slice of harness/codeServer.mjs these tests use. */
interface Harness {
  startCodeServer(o?: { onLog?: (line: string) => void; settings?: Record<string, unknown> }): Promise<CodeServer>;
  launchBrowser(tmp: string): Promise<{ context: BrowserContext; page: Page }>;
}

export interface Workbench {
  readonly page: Page;
  readonly folder: string;
  close(): Promise<void>;
}

export const resultsDir = path.join(repoRoot, 'test-results');

/**
 * Opens the demo workspace in a real VS Code with Value Lens loaded from this checkout. `settings`
 * (user settings) are made once the scratch folder exists, so they can name files in it.
 */
export async function openDemoWorkbench(settings?: (parent: string) => Record<string, unknown>): Promise<Workbench> {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'value-lens-e2e-'));
  const folder = execFileSync(process.execPath, [path.join(repoRoot, 'scripts/makeDemo.mjs'), path.join(parent, 'demo-shop')], { encoding: 'utf8' }).trim();
  // Loaded at run time from the harness folder, which has its own node_modules.
  const harness = (await import(pathToFileURL(path.join(repoRoot, 'harness/codeServer.mjs')).href)) as Harness;
  const server = await harness.startCodeServer(settings ? { settings: settings(parent) } : {});
  const { context, page } = await harness.launchBrowser(server.tmp);
  await page.goto(server.workbenchUrl({ folder, extensionDevelopmentPath: repoRoot }));
  await page.locator('.monaco-workbench .activitybar').waitFor({ timeout: 60000 });
  return {
    page,
    folder,
    async close() {
      await context.close().catch(() => undefined);
      await server.stop();
      fs.rmSync(parent, { recursive: true, force: true });
    },
  };
}

/**
 * Registers the hooks every browser suite needs: the demo workbench opens before the suite's
 * tests (then `ready` runs, e.g. to wait for the Value sidebar), a failed test leaves a
 * screenshot, and the workbench closes after. Returns the workbench, for use inside the tests.
 */
export function demoWorkbenchForSuite(ready?: (workbench: Workbench) => Promise<void>, settings?: (parent: string) => Record<string, unknown>): () => Workbench {
  let workbench: Workbench | undefined;
  before(async () => {
    workbench = await openDemoWorkbench(settings);
    await ready?.(workbench);
  });
  afterEach(async function () {
    if (workbench) await screenshotIfFailed(this.currentTest, workbench.page);
  });
  after(async () => {
    await workbench?.close();
  });
  return () => {
    if (!workbench) throw new Error('the demo workbench did not open');
    return workbench;
  };
}

/** The rows of one view in the Value sidebar (`Current`, `Intents`, `Releases`). */
export function viewRows(page: Page, view: string): Locator {
  return page
    .locator('.sidebar .pane')
    .filter({ has: page.locator('.pane-header h3.title', { hasText: new RegExp(`^${view}$`, 'i') }) })
    .locator('.monaco-list-row');
}

export const quickInput = (page: Page): Locator => page.locator('.quick-input-widget');

/**
 * Opens the command palette. The click that gives the workbench the keyboard avoids the editor
 * area when the side bar shows: a click into a webview (the report) focuses it a moment later,
 * which closes the palette again and sends the typed text to the webview. The press is
 * repeated if the palette still does not show.
 */
export async function openCommandPalette(page: Page): Promise<void> {
  const input = quickInput(page).locator('input');
  const sideBarTitle = page.locator('.part.sidebar .composite.title .title-label').first();
  for (let attempt = 1; ; attempt++) {
    if (await sideBarTitle.isVisible()) await sideBarTitle.click();
    else await page.locator('.monaco-workbench').click({ position: { x: 700, y: 400 } });
    await page.keyboard.press('Control+Shift+P');
    try {
      await input.waitFor({ timeout: attempt < 3 ? 5000 : 30000 });
      return;
    } catch (e) {
      if (attempt >= 3) throw e;
    }
  }
}

/** Runs a command from the command palette by its title (`Value: New Intent`). */
export async function runCommand(page: Page, title: string): Promise<void> {
  const name = title.replace(/^>\s*/, '');
  await openCommandPalette(page);
  await page.keyboard.type(`>${name}`);
  await quickInput(page).locator('.monaco-list-row', { hasText: name }).first().waitFor();
  await page.keyboard.press('Enter');
}

/** Waits until step `step` of a multi-step input (its title says "(step/total)") shows `text`. */
export async function stepShowing(page: Page, step: number, text: string | RegExp, timeout = 20000): Promise<void> {
  await quickInput(page).filter({ has: page.locator('.quick-input-title', { hasText: `(${step}/` }) }).filter({ hasText: text }).waitFor({ timeout });
}

/**
 * Waits for step `step` showing `text` (a prompt or a pick item), types `typed` in place of any
 * suggestion (undefined keeps it, '' clears it) and presses Enter.
 */
export async function answerStep(page: Page, step: number, text: string | RegExp, typed: string | undefined): Promise<void> {
  await stepShowing(page, step, text);
  if (typed !== undefined) {
    await page.keyboard.press('Control+A');
    if (typed === '') await page.keyboard.press('Backspace');
    else await page.keyboard.type(typed);
  }
  await page.keyboard.press('Enter');
}

/** Opens the Value sidebar and waits until the extension has listed the demo's intents. */
export async function showValueSidebar(page: Page): Promise<void> {
  await page.locator('.activitybar a.action-label[aria-label="Value"]').click();
  await viewRows(page, 'Intents').filter({ hasText: 'Faster checkout' }).waitFor({ timeout: 60000 });
}

/** Saves a screenshot named after a failed test, for the artifacts. */
export async function screenshotIfFailed(test: Mocha.Test | undefined, page: Page): Promise<void> {
  if (test?.state !== 'failed') return;
  fs.mkdirSync(resultsDir, { recursive: true });
  await page.screenshot({ path: path.join(resultsDir, `failed-${test.title.replace(/\W+/g, '-')}.png`) });
}
