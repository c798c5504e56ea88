import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { answerStep, demoWorkbenchForSuite, runCommand, showValueSidebar, viewRows } from './workbench';

describe('Value: State Expected Value… on a branch that already has a statement (browser)', function () {
  this.timeout(120000);
  const workbench = demoWorkbenchForSuite(async (w) => {
    await showValueSidebar(w.page);
    // The demo's reviewed release: its statement says checkout conversion 2.1 → 2.3, review 2026-10-15.
    execFileSync('git', ['switch', '--quiet', 'release/2.4.0'], { cwd: w.folder });
    await viewRows(w.page, 'Current').filter({ hasText: 'release/2.4.0' }).waitFor({ timeout: 30000 });
  });
  const statement = (folder: string): string => path.join(folder, '.value', 'releases', '2.4.0.yaml');

  /** Enter on every step of the edit; `target` replaces the checkout conversion target when given. */
  async function throughTheFlow(target: string | undefined, confirm: string): Promise<void> {
    const { page } = workbench();
    await runCommand(page, '>Value: State Expected Value for This Branch');
    await answerStep(page, 1, 'legacy-payments-retirement', undefined); // both intents of the statement checked
    await answerStep(page, 2, 'Expected value', undefined);
    await answerStep(page, 3, 'Baseline (optional): checkout conversion', undefined);
    await answerStep(page, 4, 'Target (optional)', target);
    await answerStep(page, 5, 'Review date', undefined); // 2026-10-15 has passed, and is kept
    await answerStep(page, 6, 'Value (optional)', undefined);
    await answerStep(page, 7, 'Currency', undefined);
    await answerStep(page, 8, 'per quarter', undefined);
    await answerStep(page, 9, confirm, undefined);
  }

  it('offers the statement for editing, each step pre-filled: Enter through the flow changes nothing', async () => {
    const { page, folder } = workbench();
    const before = fs.readFileSync(statement(folder), 'utf8');
    await throughTheFlow(undefined, 'Save .value/releases/2.4.0.yaml and commit the statement');
    await page.locator('.notifications-toasts', { hasText: 'Nothing changed: the statement of release/2.4.0 stated 2026-09-01 is kept as it is.' }).waitFor({ timeout: 20000 });
    assert.strictEqual(fs.readFileSync(statement(folder), 'utf8'), before);
  });

  it('writes only the answer changed: comments, shares and keys the flow does not ask stay; the edit is committed', async () => {
    const { page, folder } = workbench();
    const git = (...args: string[]): string => execFileSync('git', args, { cwd: folder, encoding: 'utf8' });
    const annotated = fs.readFileSync(statement(folder), 'utf8')
      .replace('  intents: [checkout-speed, legacy-payments-retirement]\n', '  intents: [checkout-speed, legacy-payments-retirement]   # agreed with Sales\n  shares: { checkout-speed: 0.8, legacy-payments-retirement: 0.2 }\n')
      .replace('  value: { amount: 60000', '  evidence: SALES-12\n  value: { amount: 60000');
    fs.writeFileSync(statement(folder), annotated);
    git('commit', '--quiet', '-am', 'Annotate the 2.4.0 statement');
    await throughTheFlow('2.4', 'Save .value/releases/2.4.0.yaml and commit the statement');
    await page.locator('.notifications-toasts', { hasText: 'Saved the statement of release/2.4.0 in .value/releases/2.4.0.yaml and committed it as' }).waitFor({ timeout: 20000 });
    assert.strictEqual(fs.readFileSync(statement(folder), 'utf8'), annotated.replace('baseline: 2.1, target: 2.3, review', 'baseline: 2.1, target: 2.4, review'));
    assert.strictEqual(git('log', '-1', '--format=%s').trim(), 'Edit the value statement of release 2.4.0');
    assert.strictEqual(git('status', '--porcelain', '--', '.value').trim(), '');
  });
});
