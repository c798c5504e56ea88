import * as fs from 'fs';
import * as path from 'path';
import { demoWorkbenchForSuite, quickInput, resultsDir } from './workbench';

describe('the getting-started walkthrough in a real workbench (browser)', function () {
  this.timeout(120000);
  const workbench = demoWorkbenchForSuite();

  it('opens from Welcome: Open Walkthrough… and shows its five steps', async () => {
    const { page } = workbench();
    await page.locator('.monaco-workbench').click({ position: { x: 700, y: 400 } });
    await page.keyboard.press('Control+Shift+P');
    await page.keyboard.type('>Welcome: Open Walkthrough');
    // A "Developer: Reset …" command ranks first for these words: pick the right row by name.
    await quickInput(page).locator('.monaco-list-row', { hasText: 'Welcome: Open Walkthrough' }).click({ timeout: 30000 });
    await quickInput(page).locator('.monaco-list-row', { hasText: 'Get started with Value Lens' }).click({ timeout: 30000 });
    const walkthrough = page.locator('.gettingStartedContainer');
    await walkthrough.getByText('Get started with Value Lens').first().waitFor({ timeout: 30000 });
    for (const step of ['Intents: why the work matters', 'Create your first intent', 'Link code to intents', 'Cut a release branch that states its value', 'Show the business case']) {
      await walkthrough.getByText(step).first().waitFor({ state: 'attached', timeout: 30000 });
    }
    fs.mkdirSync(resultsDir, { recursive: true });
    await page.screenshot({ path: path.join(resultsDir, 'walkthrough.png') });
  });
});
