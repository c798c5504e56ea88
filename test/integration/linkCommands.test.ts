import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import type { ValueLensApi } from '../../src/api';
import { until } from '../support/until';


/** Accepts what the open quick pick or input box offers, as Enter would. */
async function acceptQuickInput(): Promise<void> {
  await new Promise((r) => setTimeout(r, 400));
  await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
}

describe('link commands change intents with comments preserved', () => {
  let api: ValueLensApi;
  let folder: vscode.WorkspaceFolder;
  const intentFile = (id: string): string => vscode.Uri.joinPath(folder.uri, '.value', 'intents', `${id}.yaml`).fsPath;
  const saved = new Map<string, string>();

  before(async () => {
    api = await vscode.extensions.getExtension<ValueLensApi>('value-lens.value-lens')!.activate();
    folder = vscode.workspace.workspaceFolders![0]!;
    for (const id of ['search-relevance', 'guided-onboarding', 'checkout-speed']) saved.set(id, fs.readFileSync(intentFile(id), 'utf8'));
  });
  after(async () => {
    for (const [id, text] of saved) fs.writeFileSync(intentFile(id), text);
    await api.store.refresh();
    await api.linking.refresh();
  });

  it('Link File/Folder to Intent… appends a glob for the folder to the picked intent\'s paths', async () => {
    const target = vscode.Uri.joinPath(folder.uri, 'src', 'onboarding');
    const done = vscode.commands.executeCommand<boolean>('valueLens.linkPath', target);
    await acceptQuickInput(); // the first intent by title: "Better product search"
    assert.strictEqual(await done, true);
    const after = fs.readFileSync(intentFile('search-relevance'), 'utf8');
    assert.strictEqual(after, saved.get('search-relevance')!.replace('paths: ["src/search/**"]', 'paths: ["src/search/**", "src/onboarding/**"]'));
  });

  it('Link Branch to Intent… adds the current branch to the intent\'s branches, from the tree item', async () => {
    await api.store.whenIdle();
    await until('the branch scan that names the branch to prefill', () => api.linking.linksOf(folder)?.scan?.branch);
    const active = api.views.intents.getChildren()[0]!;
    const onboarding = api.views.intents.getChildren(active as never).find((n) => n.label === 'Guided onboarding for new shops');
    assert.ok(onboarding);
    const done = vscode.commands.executeCommand<boolean>('valueLens.linkBranch', onboarding);
    await acceptQuickInput(); // keep the prefilled branch name
    assert.strictEqual(await done, true);
    const after = fs.readFileSync(intentFile('guided-onboarding'), 'utf8');
    // The new list follows the file's own style: its other lists are flow lists.
    assert.strictEqual(after, `${saved.get('guided-onboarding')!}branches: [feature/checkout-speed-retry]\n`);
  });

  it('Add Intent Trailer to Commit Message writes a git trailer into the Source Control message box', async () => {
    const git = vscode.extensions.getExtension<{ getAPI(v: 1): { repositories: { rootUri: vscode.Uri; inputBox: { value: string } }[] } }>('vscode.git')!;
    const gitApi = (git.isActive ? git.exports : await git.activate()).getAPI(1);
    const repo = await until('the Git extension to open the repository', () => gitApi.repositories.find((r) => r.rootUri.fsPath === folder.uri.fsPath));
    repo.inputBox.value = 'Retry card authorisation';
    const checkout = api.views.intents.getChildren(api.views.intents.getChildren()[0] as never).find((n) => n.label === 'Faster checkout');
    assert.strictEqual(await vscode.commands.executeCommand<boolean>('valueLens.addTrailer', checkout), true);
    assert.strictEqual(repo.inputBox.value, 'Retry card authorisation\n\nIntent: checkout-speed');
    assert.strictEqual(await vscode.commands.executeCommand<boolean>('valueLens.addTrailer', checkout), false, 'the same trailer twice');
    repo.inputBox.value = '';
  });

  it('Copy Intent Id puts the id on the clipboard', async () => {
    const checkout = api.views.intents.getChildren(api.views.intents.getChildren()[0] as never).find((n) => n.label === 'Faster checkout');
    assert.strictEqual(await vscode.commands.executeCommand('valueLens.copyIntentId', checkout), 'checkout-speed');
    assert.strictEqual(await vscode.env.clipboard.readText(), 'checkout-speed');
  });
});
