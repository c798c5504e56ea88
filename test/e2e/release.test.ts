import * as assert from 'assert';
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { repoRoot } from '../support/repoRoot';
import { answerStep, demoWorkbenchForSuite, quickInput, resultsDir, runCommand, showValueSidebar, stepShowing } from './workbench';

describe('Value: Create Release Branch… in a real workbench (browser)', function () {
  this.timeout(180000);
  const workbench = demoWorkbenchForSuite((w) => showValueSidebar(w.page));

  it('asks name, base, intents, expected value, measures and value; creates the branch and commits a valid statement', async () => {
    const { page, folder } = workbench();
    const git = (...args: string[]): string => execFileSync('git', args, { cwd: folder, encoding: 'utf8' });
    await runCommand(page, '>Value: Create Release Branch');
    // Suggestions come from the latest tag, v2.4.0; a typed name goes to a checked input.
    await stepShowing(page, 1, 'next minor after v2.4.0');
    await answerStep(page, 1, 'release/2.5.0', 'release/2.6 0');
    // The message replaces the prompt under the input until the name is fixed.
    await quickInput(page).locator('.quick-input-message', { hasText: 'Not a valid git branch name' }).waitFor();
    await answerStep(page, 1, 'Not a valid git branch name', 'release/2.6.0');
    await answerStep(page, 2, 'default base', undefined); // main
    await answerStep(page, 3, 'linked to commits since the last release', undefined); // guided-onboarding, preselected
    await stepShowing(page, 4, 'Expected value');
    await page.keyboard.type('TBD');
    await quickInput(page).locator('.quick-input-message', { hasText: 'placeholder text' }).waitFor();
    await answerStep(page, 4, 'placeholder text', 'New shops publish their first product within a week.');
    await answerStep(page, 5, 'Baseline (optional): shops publishing in week 1', undefined); // 48 from the intent
    await answerStep(page, 6, 'Target (optional)', '60');
    await answerStep(page, 7, 'Review date', undefined); // today + 30 days
    await answerStep(page, 8, 'Value (optional)', undefined); // 80000 from the intent
    await answerStep(page, 9, 'Currency', undefined);
    await answerStep(page, 10, 'per quarter', undefined); // year
    await stepShowing(page, 11, 'Create release/2.6.0 and commit the statement');
    fs.mkdirSync(resultsDir, { recursive: true });
    await page.screenshot({ path: path.join(resultsDir, 'release-step.png') });
    await page.keyboard.press('Enter');

    await page.locator('.notifications-toasts', { hasText: 'Created release/2.6.0 from main and switched to it' }).waitFor({ timeout: 30000 });
    assert.strictEqual(git('symbolic-ref', '--short', 'HEAD').trim(), 'release/2.6.0');
    assert.match(git('log', '-1', '--format=%B'), /^State the expected value of release 2\.6\.0\n\nNew shops publish their first product within a week\.\n\nIntent: guided-onboarding\n/);
    const written = parse(fs.readFileSync(path.join(folder, '.value/releases/2.6.0.yaml'), 'utf8')) as Record<string, unknown>;
    const review = (written['expected'] as { measures: { review: string }[] }).measures[0]?.review ?? '';
    assert.match(review, /^\d{4}-\d{2}-\d{2}$/);
    assert.deepStrictEqual({ ...written, created: 'x' }, {
      release: '2.6.0',
      branch: 'release/2.6.0',
      base: 'main',
      created: 'x',
      author: 'Dana Demo <dana@example.com>',
      expected: {
        summary: 'New shops publish their first product within a week.',
        intents: ['guided-onboarding'],
        measures: [{ metric: 'shops publishing in week 1', baseline: 48, target: 60, review }],
        value: { amount: 80000, currency: 'EUR', per: 'year' },
      },
    });
    const check = spawnSync(process.execPath, [path.join(repoRoot, 'dist/cli.js'), 'check', folder, '--branch', 'release/2.6.0'], { encoding: 'utf8' });
    assert.strictEqual(check.status, 0, check.stdout + check.stderr);
  });

  it('Enter on the untouched name list takes the first suggestion; Escape at the last step keeps every answer, and continuing lands there again', async () => {
    const { page, folder } = workbench();
    const branches = (): string => execFileSync('git', ['branch', '--list'], { cwd: folder, encoding: 'utf8' });
    const before = branches();
    await runCommand(page, '>Value: Create Release Branch');
    await stepShowing(page, 1, 'next minor after');
    const first = (await quickInput(page).locator('.monaco-list-row .label-name').first().innerText()).trim();
    assert.match(first, /^release\/\d+\.\d+\.\d+$/);
    await page.keyboard.press('Enter');
    await stepShowing(page, 2, 'default base');
    assert.strictEqual(await quickInput(page).locator('input').getAttribute('placeholder'), `Base: the branch or tag ${first} is cut from`);
    await page.keyboard.press('Enter');
    await answerStep(page, 3, 'guided-onboarding', undefined);
    await answerStep(page, 4, 'Expected value', 'Shops find the guided setup without help.');
    // Every later answer as suggested, up to the confirm step.
    const confirm = quickInput(page).filter({ hasText: `Create ${first} and commit the statement` });
    const title = quickInput(page).locator('.quick-input-title');
    await stepShowing(page, 5, /./);
    while (!(await confirm.isVisible())) {
      const was = await title.innerText();
      await page.keyboard.press('Enter');
      await title.filter({ hasNotText: was }).waitFor();
    }
    const last = await title.innerText();
    const step = /\((\d+)\/(\d+)\)/.exec(last)?.[1] ?? '';
    assert.ok(last.endsWith(`(${step}/${step})`), last);
    await page.keyboard.press('Escape');
    await quickInput(page).waitFor({ state: 'hidden' });

    await runCommand(page, '>Value: Create Release Branch');
    await quickInput(page).filter({ hasText: 'Continue where you left off' }).filter({ hasText: `at step ${step} of ${step}` }).waitFor({ timeout: 20000 });
    await page.keyboard.press('Enter');
    await confirm.waitFor({ timeout: 20000 });
    assert.strictEqual(await quickInput(page).locator('.quick-input-title').innerText(), last);
    assert.strictEqual(await quickInput(page).locator('input').getAttribute('placeholder'), 'Confirm: "Shops find the guided setup without help."');
    await page.keyboard.press('Escape');
    await quickInput(page).waitFor({ state: 'hidden' });

    // Start over forgets the draft: the flow opens at its first step, and nothing was ever created.
    await runCommand(page, '>Value: Create Release Branch');
    await quickInput(page).filter({ hasText: 'Start over' }).waitFor({ timeout: 20000 });
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await stepShowing(page, 1, 'next minor after');
    await page.keyboard.press('Escape');
    await quickInput(page).waitFor({ state: 'hidden' });
    await runCommand(page, '>Value: Create Release Branch');
    await stepShowing(page, 1, 'next minor after');
    await page.keyboard.press('Escape');
    assert.strictEqual(branches(), before);
  });
});
