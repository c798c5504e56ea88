import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { demoWorkbenchForSuite, resultsDir, viewRows } from './workbench';

describe('the Value sidebar in a real workbench (browser)', function () {
  this.timeout(120000);
  const workbench = demoWorkbenchForSuite();

  it('opens from the Value icon in the activity bar and shows Current, Intents and Releases', async () => {
    const { page } = workbench();
    await page.locator('.activitybar a.action-label[aria-label="Value"]').click();
    const titles = page.locator('.sidebar .pane-header h3.title');
    await titles.filter({ hasText: /^Releases$/i }).waitFor({ timeout: 30000 });
    const shown = (await titles.allTextContents()).map((t) => t.trim().toLowerCase());
    assert.deepStrictEqual(shown, ['current', 'intents', 'releases']);
  });

  it('lists the demo intents, the reviewed release and the branch, with the main intent in the status bar', async () => {
    const { page } = workbench();
    await viewRows(page, 'Intents').filter({ hasText: 'Faster checkout' }).waitFor({ timeout: 30000 });
    await viewRows(page, 'Releases').filter({ hasText: '2.4.0' }).waitFor({ timeout: 30000 });
    // The status bar names the branch's main intent and its value.
    await page.locator('.statusbar-item', { hasText: 'checkout-speed · €120K/yr' }).waitFor({ timeout: 30000 });
    await viewRows(page, 'Current').filter({ hasText: 'feature/checkout-speed-retry' }).waitFor({ timeout: 30000 });
    fs.mkdirSync(resultsDir, { recursive: true });
    const file = path.join(resultsDir, 'sidebar.png');
    await page.screenshot({ path: file });
    assert.ok(fs.statSync(file).size > 10000, 'the screenshot is empty');
  });

  it('opens an intent file when its item is selected', async () => {
    const { page } = workbench();
    await viewRows(page, 'Intents').filter({ hasText: 'Guided onboarding for new shops' }).click();
    await page.locator('.tabs-container .tab').filter({ hasText: 'guided-onboarding.yaml' }).waitFor({ timeout: 30000 });
  });
});
