import * as assert from 'assert';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ValueLensApi } from '../../src/api';
import { until } from '../support/until';

/** Every file under `dir` (`.git` too) with a hash of its content: any write shows up as a difference. */
function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files.set(path.relative(dir, file), crypto.createHash('sha1').update(fs.readFileSync(file)).digest('hex'));
  }
  return files;
}

function gitCallsIn(folder: string): string[] {
  const log = process.env.VALUE_LENS_GIT_LOG;
  return log && fs.existsSync(log) ? fs.readFileSync(log, 'utf8').split('\n').filter((l) => l.startsWith(folder)) : [];
}

/** Settles with the command's result, or fails when it is still waiting (a question the user was asked) after `ms`. */
async function settles(command: string, args: unknown[], ms = 4000): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  const waited = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${command} still waits for the user after ${ms} ms instead of refusing`)), ms);
  });
  try {
    return await Promise.race([vscode.commands.executeCommand(command, ...args), waited]);
  } finally {
    clearTimeout(timer);
    // A picker the command opened must not stay open for the next command.
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  }
}

describe('write commands in an untrusted workspace', function () {
  this.timeout(60000);
  let api: ValueLensApi;
  let folder: vscode.WorkspaceFolder;

  before(async () => {
    assert.strictEqual(vscode.workspace.isTrusted, false, 'this suite must run in an untrusted workspace');
    api = await vscode.extensions.getExtension<ValueLensApi>('value-lens.value-lens')!.activate();
    folder = vscode.workspace.workspaceFolders![0]!;
    await api.store.whenIdle();
  });

  it('each one refuses at once, asks nothing, writes nothing and runs no git', async () => {
    const root = folder.uri.fsPath;
    const cart = vscode.Uri.joinPath(folder.uri, 'src', 'checkout', 'cart.ts');
    const before = snapshot(root);
    const commands: [string, unknown[]][] = [
      ['valueLens.newIntent', []],
      ['valueLens.init', [{ folder: folder.uri, hook: true }]],
      ['valueLens.linkPath', [cart]],
      ['valueLens.linkBranch', []],
      ['valueLens.addTrailer', [{ rootUri: folder.uri }]],
      ['valueLens.createReleaseBranch', []],
      ['valueLens.stateExpectedValue', []],
      ['valueLens.recordOutcome', []],
    ];
    const outcomes: string[] = [];
    for (const [command, args] of commands) {
      try {
        const result = await settles(command, args);
        outcomes.push(`${command}: ${result === undefined || result === false ? 'refused' : `returned ${JSON.stringify(result)}`}`);
      } catch (e) {
        outcomes.push(`${command}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    assert.deepStrictEqual(outcomes, commands.map(([c]) => `${c}: refused`));
    assert.deepStrictEqual([...snapshot(root)].filter(([f, h]) => before.get(f) !== h), []);
    assert.deepStrictEqual(gitCallsIn(root), []);
  });

  it('the Current view says that links from git are off, and why; the status bar says links are off', async () => {
    const branch = await until('the branch row', () => api.views.current.getChildren().find((n) => n.contextValue === 'branch'));
    const rows = api.views.current.getChildren(branch).map((n) => (typeof n.label === 'string' ? n.label : n.label?.label ?? ''));
    assert.ok(rows.some((r) => /not trusted.*runs no git command.*links from commits and branches are off/.test(r)), rows.join('\n'));
    // The status bar does not claim "No intent": without git, what the branch serves is unknown.
    await until('the status bar', () => api.statusBar.view.text === '$(target) Git links off');
  });

  it('the report panel allows no script: its CSP has no script-src, and it holds no script or inline handler', async () => {
    await vscode.commands.executeCommand('valueLens.openReport');
    const shot = await until('the report', () => api.report.snapshot());
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(shot.webviewHtml)?.[1];
    assert.ok(csp, 'no CSP');
    assert.match(csp, /default-src 'none'/);
    assert.ok(!/script-src/.test(csp), csp);
    assert.ok(!/<script|\son[a-z]+=/i.test(shot.webviewHtml), 'script or an inline handler in restricted mode');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
