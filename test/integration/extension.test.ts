import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ValueLensApi } from '../../src/api';
import { until } from '../support/until';

const EXTENSION_ID = 'value-lens.value-lens';

interface Manifest {
  activationEvents: string[];
  contributes: {
    commands: { command: string; title: string; category?: string }[];
    views: Record<string, { id: string; name: string }[]>;
  };
}


function extension(): vscode.Extension<ValueLensApi | undefined> {
  const ext = vscode.extensions.getExtension<ValueLensApi | undefined>(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not loaded`);
  return ext;
}

async function api(): Promise<ValueLensApi> {
  const exports = await extension().activate();
  assert.ok(exports, 'activate() returned no API: activation failed (see the Value Lens log)');
  return exports;
}

function labels(items: vscode.TreeItem[]): string[] {
  return items.map((i) => (typeof i.label === 'string' ? i.label : i.label?.label ?? ''));
}

/** Labels of every item down to intents and releases (their own children are not followed). */
function allLabels(provider: { getChildren(node?: never): vscode.TreeItem[] }): string[] {
  const walk = (node?: vscode.TreeItem): string[] =>
    provider.getChildren(node as never).flatMap((child) => [
      ...labels([child]),
      ...(child.contextValue === 'intent' || child.contextValue === 'release' ? [] : walk(child)),
    ]);
  return walk();
}

function workspaceRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder is open');
  return folder.uri.fsPath;
}

describe('Value Lens in a real VS Code extension host', () => {
  it('activates by itself on a folder that contains .value/', async () => {
    // No explicit activate(): the workspaceContains:.value/** event must do it.
    await until('activation', () => extension().isActive);
    assert.ok(fs.existsSync(path.join(workspaceRoot(), '.value')));
    console.log(`    VS Code ${vscode.version}, ${vscode.env.appHost}, remote: ${vscode.env.remoteName ?? 'none'}`);
  });

  it('never activates on startup for every workspace', () => {
    const manifest = extension().packageJSON as Manifest;
    assert.ok(!manifest.activationEvents.includes('*'));
    assert.ok(manifest.activationEvents.includes('workspaceContains:.value/**'));
  });

  it('registers every command it contributes', async () => {
    await api();
    const manifest = extension().packageJSON as Manifest;
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = manifest.contributes.commands.map((c) => c.command).filter((id) => !registered.has(id));
    assert.deepStrictEqual(missing, []);
    assert.ok(manifest.contributes.commands.length > 0);
  });

  it('contributes the Current, Intents and Releases views, and the workbench can show each', async () => {
    const manifest = extension().packageJSON as Manifest;
    const views = manifest.contributes.views['valueLens'] ?? [];
    assert.deepStrictEqual(views.map((v) => v.name), ['Current', 'Intents', 'Releases']);
    for (const view of views) {
      // `<id>.focus` exists only for views the workbench registered; it throws otherwise.
      await vscode.commands.executeCommand(`${view.id}.focus`);
    }
  });

  it('lists the intents grouped by status with value and owner, and the release statements', async () => {
    const { views, store } = await api();
    await store.whenIdle();
    const groups = views.intents.getChildren();
    assert.deepStrictEqual(labels(groups), ['Active', 'Proposed', 'Delivered']);
    const active = views.intents.getChildren(groups[0]);
    assert.deepStrictEqual(active.map((i) => [i.label, i.description]), [
      ['Faster checkout', '€120K/yr · payments-team'],
      ['Guided onboarding for new shops', '€80K/yr · growth-team'],
    ]);
    // An intent's children say what links to it: paths, branch patterns, releases, commits.
    const links = views.intents.getChildren(active[0] as never).map((c) => `${labels([c])[0] ?? ""} (${String(c.description)})`);
    assert.deepStrictEqual(links.slice(0, 4), ['src/checkout/** (path)', '!src/checkout/legacy/** (path)', 'feature/checkout-* (branch)', '2.4.0 (release)']);
    const releases = views.releases.getChildren();
    assert.deepStrictEqual(releases.map((r) => [r.label, r.description]), [['2.4.0', '€60K/yr → €45K/yr · partial']]);
  });

  it('Value: Refresh runs and picks up a file that was added behind its back', async () => {
    const { views } = await api();
    const file = path.join(workspaceRoot(), '.value', 'intents', 'added-by-test.yaml');
    fs.writeFileSync(file, 'id: added-by-test\ntitle: Added\nwhy: test\nowner: qa\nstatus: proposed\n');
    try {
      await vscode.commands.executeCommand('valueLens.refresh');
      assert.ok(allLabels(views.intents).includes('Added'));
    } finally {
      fs.rmSync(file, { force: true });
    }
    await vscode.commands.executeCommand('valueLens.refresh');
    assert.ok(!allLabels(views.intents).includes('Added'));
  });

  it('follows changes under .value/ without a manual refresh', async () => {
    const { views } = await api();
    const uri = vscode.Uri.file(path.join(workspaceRoot(), '.value', 'releases', '9.9.9.yaml'));
    await vscode.workspace.fs.writeFile(uri, Buffer.from('release: 9.9.9\n'));
    try {
      await until('the new release to appear', () => allLabels(views.releases).includes('9.9.9'));
    } finally {
      await vscode.workspace.fs.delete(uri);
    }
    await until('the release to disappear', () => !allLabels(views.releases).includes('9.9.9'));
  });
});
