import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { repoRoot } from '../support/repoRoot';
import { answerStep, demoWorkbenchForSuite, quickInput, resultsDir, runCommand, showValueSidebar, stepShowing, viewRows } from './workbench';

describe('Value: New Intent… in a real workbench (browser)', function () {
  this.timeout(120000);
  let intentsDir: string;
  const workbench = demoWorkbenchForSuite(async (w) => {
    intentsDir = path.join(w.folder, '.value', 'intents');
    // Wait until the extension has read the demo: the Value view lists its intents.
    await showValueSidebar(w.page);
  });

  it('asks step by step, writes a valid intent holding the answers, and opens it', async () => {
    const { page } = workbench();
    await runCommand(page, '>Value: New Intent');
    await answerStep(page, 1, 'Title:', 'Reduce refund handling time');
    await answerStep(page, 2, 'Id:', undefined); // accept the suggested id
    await answerStep(page, 3, 'Why:', 'Refunds take 9 days; support costs 4 FTE: faster refunds free two of them.');
    await answerStep(page, 4, 'Owner:', 'payments-team');
    await answerStep(page, 5, 'Metric (optional)', 'refund lead time');
    await answerStep(page, 6, 'Baseline (optional)', '9');
    await answerStep(page, 7, 'Target (optional)', '3');
    await answerStep(page, 8, 'Value (optional)', '90000');
    await answerStep(page, 9, 'Currency', undefined); // default EUR
    await answerStep(page, 10, 'per quarter', 'year'); // a pick list: typing filters it
    await answerStep(page, 11, 'well measured', 'medium');

    const file = path.join(intentsDir, 'reduce-refund-handling-time.yaml');
    await page.locator('.tabs-container .tab', { hasText: 'reduce-refund-handling-time.yaml' }).waitFor({ timeout: 15000 });
    await viewRows(page, 'Intents').filter({ hasText: 'Reduce refund handling time' }).waitFor({ timeout: 10000 });
    fs.mkdirSync(resultsDir, { recursive: true });
    await page.screenshot({ path: path.join(resultsDir, 'new-intent.png') });
    const written = parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    assert.deepStrictEqual(written, {
      id: 'reduce-refund-handling-time',
      title: 'Reduce refund handling time',
      why: 'Refunds take 9 days; support costs 4 FTE: faster refunds free two of them.',
      owner: 'payments-team',
      status: 'proposed',
      metric: { name: 'refund lead time', baseline: 9, target: 3 },
      value: { amount: 90000, currency: 'EUR', per: 'year', confidence: 'medium' },
    });
    const check = spawnSync(process.execPath, [path.join(repoRoot, 'dist/cli.js'), 'check', workbench().folder], { encoding: 'utf8' });
    assert.strictEqual(check.status, 0, check.stdout + check.stderr);
  });

  it('writes nothing when Escape is pressed half-way, keeps the answers, and offers them when the flow starts again', async () => {
    const { page } = workbench();
    const before = fs.readdirSync(intentsDir).sort();
    await runCommand(page, '>Value: New Intent');
    await answerStep(page, 1, 'Title:', 'Faster refunds');
    await answerStep(page, 2, 'Id:', undefined);
    await stepShowing(page, 3, 'Why:');
    await page.keyboard.type('Refunds take 9 days');
    await page.keyboard.press('Escape');
    await quickInput(page).waitFor({ state: 'hidden' });
    await new Promise((r) => setTimeout(r, 500));
    assert.deepStrictEqual(fs.readdirSync(intentsDir).sort(), before);

    // Started again: the draft is offered, not forced; continuing lands on step 3 with what was typed.
    await runCommand(page, '>Value: New Intent');
    const offer = quickInput(page).filter({ hasText: 'Continue where you left off' });
    await offer.filter({ hasText: 'at step 3 of 11' }).waitFor({ timeout: 20000 });
    assert.ok(await offer.filter({ hasText: 'Start over' }).isVisible());
    await page.keyboard.press('Enter');
    await stepShowing(page, 3, 'Why:');
    assert.strictEqual(await quickInput(page).locator('input').inputValue(), 'Refunds take 9 days');
    await page.keyboard.type('; support costs 4 FTE.');
    await page.keyboard.press('Enter');
    await stepShowing(page, 4, 'Owner:');
    await page.keyboard.type('payments-team');
    await page.keyboard.press('Enter');
    await answerStep(page, 5, 'Metric (optional)', '');
    await answerStep(page, 8, 'Value (optional)', '');
    const file = path.join(intentsDir, 'faster-refunds.yaml');
    await page.locator('.tabs-container .tab', { hasText: 'faster-refunds.yaml' }).waitFor({ timeout: 15000 });
    assert.deepStrictEqual(parse(fs.readFileSync(file, 'utf8')), {
      id: 'faster-refunds',
      title: 'Faster refunds',
      why: 'Refunds take 9 days; support costs 4 FTE.',
      owner: 'payments-team',
      status: 'proposed',
    });

    // Written: the draft is gone, so the next New Intent starts at its first step.
    await runCommand(page, '>Value: New Intent');
    await stepShowing(page, 1, 'Title:');
    assert.strictEqual(await quickInput(page).locator('input').inputValue(), '');
    await page.keyboard.press('Escape');
    await quickInput(page).waitFor({ state: 'hidden' });
  });
});
