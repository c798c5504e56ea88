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
  startCodeServer(o?: { onLog?: (line: string) => void }): Promise<CodeServer>;
  launchBrowser(tmp: string): Promise<{ context: BrowserContext; page: Page }>;
}

export interface Workbench {
  readonly page: Page;
  readonly folder: string;
  close(): Promise<void>;
}

export const resultsDir = path.join(repoRoot, 'test-results');

/** Opens the demo workspace in a real VS Code with Value Lens loaded from this checkout. */
export async function openDemoWorkbench(): Promise<Workbench> {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'value-lens-e2e-'));
  const folder = execFileSync(process.execPath, [path.join(repoRoot, 'scripts/makeDemo.mjs'), path.join(parent, 'demo-shop')], { encoding: 'utf8' }).trim();
  // Loaded at run time from the harness folder, which has its own node_modules.
  const harness = (await import(pathToFileURL(path.join(repoRoot, 'harness/codeServer.mjs')).href)) as Harness;
  const server = await harness.startCodeServer();
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

/** The rows of one view in the Value sidebar (`Current`, `Intents`, `Releases`). */
export function viewRows(page: Page, view: string): Locator {
  return page
    .locator('.sidebar .pane')
    .filter({ has: page.locator('.pane-header h3.title', { hasText: new RegExp(`^${view}$`, 'i') }) })
    .locator('.monaco-list-row');
}
