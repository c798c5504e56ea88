import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { answerStep, demoWorkbenchForSuite, runCommand, showValueSidebar } from './workbench';

describe('Value: Record Release Outcome… on a release already reviewed (browser)', function () {
  this.timeout(120000);
  const workbench = demoWorkbenchForSuite((w) => showValueSidebar(w.page));
  const statement = (folder: string): string => path.join(folder, '.value', 'releases', '2.4.0.yaml');

  /** Presses Enter on every step but the notes, which get `notes` when given. */
  async function throughTheFlow(notes: string | undefined): Promise<void> {
    const { page } = workbench();
    await runCommand(page, '>Value: Record Release Outcome');
    await answerStep(page, 1, 'edit the outcome recorded 2026-10-16', undefined);
    await answerStep(page, 2, 'Actual checkout conversion', undefined);
    await answerStep(page, 3, 'leave it open', undefined); // the recorded verdict, partial, is the active item
    await answerStep(page, 4, 'Realised value', undefined);
    await answerStep(page, 5, 'Currency', undefined);
    await answerStep(page, 6, 'per quarter', undefined);
    await answerStep(page, 7, 'Notes (optional)', notes);
    await answerStep(page, 8, 'Save the outcome recorded 2026-10-16', undefined);
  }

  it('starts every step from the recorded outcome: Enter through the flow changes nothing', async () => {
    const { page, folder } = workbench();
    const before = fs.readFileSync(statement(folder), 'utf8');
    await throughTheFlow(undefined);
    await page.locator('.notifications-toasts', { hasText: 'Nothing changed: the outcome of release 2.4.0 recorded 2026-10-16 is kept as it is.' }).waitFor({ timeout: 20000 });
    assert.strictEqual(fs.readFileSync(statement(folder), 'utf8'), before);
  });

  it('keeps every answer not changed, says where the outcome went, and commits it when asked', async () => {
    const { page, folder } = workbench();
    const git = (...args: string[]): string => execFileSync('git', args, { cwd: folder, encoding: 'utf8' });
    const branch = git('symbolic-ref', '--short', 'HEAD').trim();
    await throughTheFlow('Mobile Safari regression, fixed in 2.4.1.');
    const toast = page.locator('.notifications-toasts', { hasText: `Recorded the outcome of release 2.4.0 in .value/releases/2.4.0.yaml on branch ${branch}; it is not committed yet.` });
    await toast.waitFor({ timeout: 20000 });
    const outcome = (parse(fs.readFileSync(statement(folder), 'utf8')) as { outcome: Record<string, unknown> }).outcome;
    assert.deepStrictEqual({ ...outcome, recorded: 'x' }, {
      recorded: 'x',
      measures: [{ metric: 'checkout conversion', actual: 2.25, verdict: 'partial' }],
      value: { amount: 45000, currency: 'EUR', per: 'year' },
      notes: 'Mobile Safari regression, fixed in 2.4.1.',
    });
    await toast.getByRole('button', { name: 'Commit It' }).click();
    await page.locator('.notifications-toasts', { hasText: `Committed .value/releases/2.4.0.yaml as` }).waitFor({ timeout: 20000 });
    assert.strictEqual(git('log', '-1', '--format=%s').trim(), 'Record the outcome of release 2.4.0');
    assert.strictEqual(git('status', '--porcelain', '--', '.value').trim(), '');
  });
});
