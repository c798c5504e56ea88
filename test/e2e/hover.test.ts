import type { Page } from 'playwright-core';
import { demoWorkbenchForSuite, quickInput } from './workbench';

/** Opens a workspace file by name through Quick Open, as a keyboard user would. */
async function quickOpen(page: Page, name: string): Promise<void> {
  await page.locator('.monaco-workbench').click({ position: { x: 700, y: 400 } });
  await page.keyboard.press('Control+P');
  await quickInput(page).locator('input').waitFor();
  await page.keyboard.type(name);
  await quickInput(page).locator('.monaco-list-row', { hasText: name }).first().waitFor({ timeout: 30000 });
  await page.keyboard.press('Enter');
}

describe('hovering an intent id in the editor (browser)', function () {
  this.timeout(120000);
  const workbench = demoWorkbenchForSuite();

  it('shows the intent title, id, value, owner and status when the mouse rests on an id in a release statement', async () => {
    const { page } = workbench();
    await quickOpen(page, '2.4.0.yaml');
    const editor = page.locator('.editor-instance .monaco-editor').first();
    // The id is its own token in the flow list `intents: [checkout-speed, …]`.
    const id = editor.locator('.view-lines span span', { hasText: /^checkout-speed$/ }).first();
    await id.waitFor({ timeout: 30000 });
    const hover = page.locator('.monaco-hover:visible');
    // Hover providers answer once the extension has read .value/; move away and back until it does.
    for (let attempt = 0; attempt < 10 && !(await hover.filter({ hasText: 'Faster checkout' }).count()); attempt++) {
      await page.mouse.move(5, 5);
      await id.hover();
      await hover.first().waitFor({ timeout: 5000 }).catch(() => undefined);
    }
    const text = await hover.filter({ hasText: 'Faster checkout' }).first().innerText({ timeout: 10000 });
    for (const expected of ['checkout-speed', 'Owner: payments-team', 'Status: active', 'Value:']) {
      if (!text.includes(expected)) throw new Error(`hover text lacks "${expected}": ${JSON.stringify(text)}`);
    }
  });
});
