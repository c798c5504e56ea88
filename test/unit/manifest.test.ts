import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { CommandIds } from '../../src/commands/commandIds';
import { ContextKeys, ViewIds } from '../../src/views/viewIds';
import { repoRoot } from '../support/repoRoot';

interface Manifest {
  main: string;
  icon: string;
  engines: { vscode: string };
  activationEvents: string[];
  extensionKind: string[];
  capabilities: { untrustedWorkspaces: { supported: string | boolean; description?: string } };
  devDependencies: Record<string, string>;
  contributes: {
    commands: { command: string; title: string; category?: string; icon?: string }[];
    views: Record<string, { id: string; name: string }[]>;
    viewsWelcome: { view: string; contents: string; when?: string }[];
    viewsContainers: { activitybar: { id: string; title: string; icon: string }[] };
    menus: Record<string, { command: string; when?: string }[]>;
    configuration: { properties: Record<string, unknown> };
    walkthroughs: { id: string; steps: { id: string; media: { markdown?: string }; completionEvents: string[] }[] }[];
  };
}

const nls = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.nls.json'), 'utf8')) as Record<string, string>;
// The manifest as VS Code shows it in English: `%key%` values replaced from package.nls.json.
const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'), (_key, value: unknown) =>
  typeof value === 'string' ? nls[/^%(.+)%$/.exec(value)?.[1] ?? ''] ?? value : value) as Manifest;
const minor = (range: string): string => /(\d+\.\d+)/.exec(range)?.[1] ?? range;

describe('extension manifest (package.json)', () => {
  it('declares exactly the commands the code registers, each in the Value category', () => {
    const declared = manifest.contributes.commands.map((c) => c.command).sort();
    assert.deepStrictEqual(declared, Object.values(CommandIds).sort());
    for (const c of manifest.contributes.commands) assert.strictEqual(c.category, 'Value', c.command);
  });

  it('declares exactly the views the code creates, in the Value container', () => {
    assert.deepStrictEqual(manifest.contributes.views['valueLens']?.map((v) => v.id), Object.values(ViewIds));
    assert.deepStrictEqual(manifest.contributes.viewsContainers.activitybar.map((c) => c.title), ['Value']);
  });

  it('gives every view welcome content for an empty window', () => {
    for (const id of Object.values(ViewIds)) {
      assert.ok(manifest.contributes.viewsWelcome.some((w) => w.view === id && w.when === 'workbenchState == empty'), id);
    }
  });

  it('uses only context keys the code sets (and view ids) in when clauses', () => {
    const known = new Set<string>([...Object.values(ContextKeys), ...Object.values(ViewIds)]);
    const whens = [
      ...manifest.contributes.viewsWelcome.map((w) => w.when ?? ''),
      ...Object.values(manifest.contributes.menus).flat().map((m) => m.when ?? ''),
    ];
    const used = whens.flatMap((w) => w.match(/valueLens\.[A-Za-z.]+/g) ?? []);
    assert.ok(used.length > 0);
    assert.deepStrictEqual([...new Set(used)].filter((k) => !known.has(k)), []);
  });

  it('activates lazily, never on every startup', () => {
    assert.ok(!manifest.activationEvents.includes('*'));
    assert.deepStrictEqual(manifest.activationEvents, ['workspaceContains:.value/**', 'onWebviewPanel:valueLens.report']);
  });

  it('runs in the VS Code 1.100 of the harness, with API types of the same minor', () => {
    assert.match(manifest.engines.vscode, /^\^1\.(\d+)\.0$/);
    assert.ok(Number(minor(manifest.engines.vscode).split('.')[1]) <= 100);
    assert.strictEqual(minor(manifest.devDependencies['@types/vscode'] ?? ''), minor(manifest.engines.vscode));
  });

  it('runs where the workspace is, and says what it does in an untrusted one', () => {
    assert.deepStrictEqual(manifest.extensionKind, ['workspace']);
    assert.strictEqual(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.match(manifest.capabilities.untrustedWorkspaces.description ?? '', /git/);
  });

  it('points at files that exist: the bundle entry, the icon and the activity-bar icon', () => {
    assert.strictEqual(manifest.main, './dist/extension.js');
    for (const file of [manifest.icon, ...manifest.contributes.viewsContainers.activitybar.map((c) => c.icon)]) {
      assert.ok(fs.existsSync(path.join(repoRoot, file)), file);
    }
  });

  it('offers the settings the design needs', () => {
    const keys = Object.keys(manifest.contributes.configuration.properties).sort();
    assert.deepStrictEqual(keys, ['valueLens.codeLens.enabled', 'valueLens.commitStatement', 'valueLens.decorations.enabled', 'valueLens.releaseBranches', 'valueLens.reviewAfterDays', 'valueLens.trailer']);
  });

  it('contributes a getting-started walkthrough whose steps complete on real commands and views', () => {
    const [walkthrough] = manifest.contributes.walkthroughs;
    assert.ok(walkthrough);
    assert.deepStrictEqual(walkthrough.steps.map((s) => s.id), ['intents', 'create', 'link', 'release', 'report']);
    const commands = new Set(manifest.contributes.commands.map((c) => c.command));
    const views = new Set(Object.values(ViewIds));
    for (const step of walkthrough.steps) {
      assert.ok(step.media.markdown && fs.existsSync(path.join(repoRoot, step.media.markdown)), step.id);
      for (const event of step.completionEvents) {
        const [kind, target = ''] = event.split(':');
        assert.ok(kind === 'onCommand' ? commands.has(target) : kind === 'onView' && views.has(target as never), `${step.id}: ${event}`);
      }
    }
  });
});
