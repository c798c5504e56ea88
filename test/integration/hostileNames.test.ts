import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ValueLensApi } from '../../src/api';
import { until } from '../support/until';

// Names a shell, Markdown, theme-icon syntax or HTML would act on. A marker file appears if
// anything executes them.
const markers = fs.mkdtempSync(path.join(os.tmpdir(), 'value-lens-hostile-names-'));
const SHELL = `feature/checkout-$(touch\${IFS}${markers}/dollar);\`touch\${IFS}${markers}/tick\`|x`;
const MARKUP = 'feature/checkout-<img/src=x/onerror=alert(1)>__b__-_i_-(l)-$(zap)-&lt;';
const LONG = `feature/checkout-${Array.from({ length: 18 }, (_, i) => `${i}`.padEnd(200, 'y')).join('/')}`;
const RELEASE = 'release/$(zap)-<script>alert(1)<script>-`x`-_y_';
const SUBJECT = `Pay <img src=x onerror=alert(1)> $(touch \${IFS}${markers}/subject) \`x\` **b** ${'w'.repeat(10 * 1024)}`;
/** What the views show of it: git's log is read with subjects cut at 4 KB. */
const SHOWN_SUBJECT = SUBJECT.slice(0, 4 * 1024);
const TRAILER_IDS = [`$(touch\${IFS}${markers}/t)`, '<img src=x onerror=alert(1)>', '`tick`|pipe', `long-${'z'.repeat(10 * 1024)}`];

const labelOf = (item: vscode.TreeItem): string => (typeof item.label === 'string' ? item.label : item.label?.label ?? '');

/**
 * How a CommonMark renderer reads `text`: its code spans (a run of N backticks up to the next run
 * of exactly N, shown literally) and the text around them (backslash escapes resolved).
 */
const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };

function parseMarkdown(text: string): { spans: string[]; outside: string; rendered: string } {
  const spans: string[] = [];
  let outside = '';
  let rendered = '';
  const plain = (s: string): void => {
    outside += s;
    // An escaped character is itself; an entity (`&lt;`) is the character it names.
    rendered += s.replace(/\\([!-/:-@[-`{-~])|&(#\d+|#x[0-9a-f]+|lt|gt|amp|quot);/gi, (_, escaped: string | undefined, entity: string | undefined) =>
      escaped ?? ENTITIES[entity!.toLowerCase()] ?? String.fromCodePoint(Number(entity!.replace(/^#x/i, '0x').replace(/^#/, ''))));
  };
  let from = 0;
  for (let i = 0; i < text.length; ) {
    if (text[i] !== '`' || (/\\+$/.exec(text.slice(0, i))?.[0].length ?? 0) % 2 === 1) {
      i++;
      continue;
    }
    let n = 0;
    while (text[i + n] === '`') n++;
    let close = -1;
    for (let j = i + n; j < text.length && close < 0; ) {
      let m = 0;
      while (text[j + m] === '`') m++;
      if (m === n) close = j;
      j += Math.max(m, 1);
    }
    if (close < 0) {
      i += n;
      continue;
    }
    plain(text.slice(from, i));
    const body = text.slice(i + n, close);
    const span = body.length > 1 && body.startsWith(' ') && body.endsWith(' ') && body.trim() !== '' ? body.slice(1, -1) : body;
    spans.push(span);
    rendered += span;
    i = from = close + n;
  }
  plain(text.slice(from));
  return { spans, outside, rendered };
}

function assertSafeMarkdown(tip: vscode.MarkdownString, shows: string): void {
  assert.ok(!tip.supportHtml, 'a tooltip that renders HTML');
  assert.ok(!tip.isTrusted, 'a trusted tooltip (command links run)');
  const { outside, rendered } = parseMarkdown(tip.value);
  assert.ok(!/(^|[^\\])<(img|script|b)\b/i.test(outside), `raw HTML in ${tip.value.slice(0, 300)}`);
  // With theme icons on, `$(zap)` renders an icon unless its `$` is escaped.
  if (tip.supportThemeIcons) assert.ok(!/(^|[^\\])\$\(zap\)/.test(outside), `an unescaped icon in ${tip.value.slice(0, 300)}`);
  assert.ok(rendered.includes(shows), `the tooltip does not show ${JSON.stringify(shows.slice(0, 80))} but ${JSON.stringify(rendered.slice(0, 300))}`);
}

describe('branch names and trailers with metacharacters, markup and great length, in the views and the status bar', function () {
  this.timeout(60000);
  let api: ValueLensApi;
  let folder: vscode.WorkspaceFolder;
  let original: string;
  let commit: string;
  const git = (...args: string[]): string => execFileSync('git', args, { cwd: folder.uri.fsPath, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 'Dana Demo', GIT_AUTHOR_EMAIL: 'dana@example.com', GIT_COMMITTER_NAME: 'Dana Demo', GIT_COMMITTER_EMAIL: 'dana@example.com' } });

  /** Points HEAD at `branch` (made at the hostile commit) without touching the index or work tree, and rescans. */
  async function onBranch(branch: string): Promise<void> {
    git('branch', '-f', branch, commit);
    git('symbolic-ref', 'HEAD', `refs/heads/${branch}`);
    await api.linking.refresh(folder);
    await until(`a scan of ${branch.slice(0, 40)}`, () => api.linking.linksOf(folder)?.scan?.branch === branch);
  }

  before(async () => {
    api = await vscode.extensions.getExtension<ValueLensApi>('value-lens.value-lens')!.activate();
    folder = vscode.workspace.workspaceFolders![0]!;
    await until('the first scan', () => api.linking.linksOf(folder)?.scan);
    original = git('symbolic-ref', 'HEAD').trim();
    // HEAD's tree and one file more (a commit that changes nothing is no work, and does not
    // count), built in a scratch index: switching HEAD to it leaves the work tree as it is.
    const message = `${SUBJECT}\n\nIntent: checkout-speed, ${TRAILER_IDS.join(', ')}\n`;
    const scratch = { ...process.env, GIT_INDEX_FILE: path.join(markers, '..', `hostile-index-${process.pid}`) };
    const inScratch = (args: string[], input?: string): string => execFileSync('git', args, { cwd: folder.uri.fsPath, env: scratch, encoding: 'utf8', ...(input !== undefined ? { input } : {}) }).trim();
    inScratch(['read-tree', 'HEAD']);
    const blob = inScratch(['hash-object', '-w', '--stdin'], 'hostile\n');
    inScratch(['update-index', '--add', '--cacheinfo', `100644,${blob},src/checkout/hostile.txt`]);
    const tree = inScratch(['write-tree']);
    fs.rmSync(scratch.GIT_INDEX_FILE, { force: true });
    commit = execFileSync('git', ['commit-tree', tree, '-p', 'HEAD', '-F', '-'], { cwd: folder.uri.fsPath, input: message, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 'Dana Demo', GIT_AUTHOR_EMAIL: 'dana@example.com', GIT_COMMITTER_NAME: 'Dana Demo', GIT_COMMITTER_EMAIL: 'dana@example.com' } }).trim();
  });

  after(async () => {
    git('symbolic-ref', 'HEAD', original);
    for (const b of [SHELL, MARKUP, LONG, RELEASE]) {
      try {
        git('branch', '-D', '--', b);
      } catch {
        // a test that failed before making it
      }
    }
    await api.linking.refresh(folder);
    await until('the scan of the original branch', () => api.linking.linksOf(folder)?.scan?.branch === original.replace(/^refs\/heads\//, ''));
    fs.rmSync(markers, { recursive: true, force: true });
  });

  for (const [label, branch] of [['shell metacharacters', SHELL], ['Markdown, HTML and an icon', MARKUP], ['3.8 KB', LONG]] as const) {
    it(`a branch with ${label}: the Current view shows it verbatim, the tooltip renders it inert, the status bar keeps to the intent`, async () => {
      await onBranch(branch);
      const branchNode = api.views.current.getChildren().find((n) => n.contextValue === 'branch');
      assert.ok(branchNode, 'no branch row in the Current view');
      assert.strictEqual(labelOf(branchNode), branch);
      assert.ok(branchNode.tooltip instanceof vscode.MarkdownString);
      assertSafeMarkdown(branchNode.tooltip, branch);

      const children = api.views.current.getChildren(branchNode);
      const commits = children.find((n) => n.id?.endsWith(':commits'));
      assert.ok(commits, 'no commits group');
      const row = api.views.current.getChildren(commits).find((n) => labelOf(n) === SHOWN_SUBJECT);
      assert.ok(row, 'the hostile commit is not listed with its subject verbatim');
      assert.ok(typeof row.tooltip === 'string', 'a commit tooltip is plain text');
      assert.ok(row.tooltip.startsWith(`${SHOWN_SUBJECT}\n`));
      const unknown = children.filter((n) => n.id?.includes(':unknown:')).map(labelOf);
      for (const id of TRAILER_IDS) assert.ok(unknown.includes(`Unknown intent "${id}"`), `no row for the unknown id ${id.slice(0, 60)}`);

      // The status bar shows the branch's intent (ids are at most 64 characters), never the branch name.
      await until('the status bar', () => api.statusBar.view.text === '$(target) checkout-speed · €120K/yr');
      assert.deepStrictEqual(fs.readdirSync(markers), []);
    });
  }

  it('the value report webview lists the trailer ids escaped, with no tag from them and scripts only by nonce', async () => {
    await onBranch(SHELL);
    // The report counts the base branch's history: main, moved to the hostile commit for this test.
    const main = git('rev-parse', 'refs/heads/main').trim();
    git('update-ref', 'refs/heads/main', commit);
    await vscode.commands.executeCommand('valueLens.openReport');
    let shot: NonNullable<ReturnType<typeof api.report.snapshot>>;
    try {
      shot = await until('the report with the unknown ids', () => {
        const s = api.report.snapshot();
        return s?.body.includes('&#60;img src=x onerror=alert(1)&#62;') && s;
      }, 20000);
    } finally {
      git('update-ref', 'refs/heads/main', main);
    }
    assert.ok(!/<img|<script>alert|`tick`/i.test(shot.webviewHtml), 'a raw tag or backtick from a trailer in the webview');
    for (const tag of shot.webviewHtml.match(/<script\b[^>]*>/gi) ?? []) assert.match(tag, /^<script nonce="[^"]+" src="[^"]+">$/);
    assert.ok(shot.body.includes(`long-${'z'.repeat(10 * 1024)}`), 'the 10 KB id is not shown whole');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    assert.deepStrictEqual(fs.readdirSync(markers), []);
  });

  it('a release branch without a statement: the status bar warns, its tooltip names the branch verbatim and inert', async () => {
    await onBranch(RELEASE);
    await until('the missing-statement warning', () => api.statusBar.view.warning);
    assert.strictEqual(api.statusBar.view.text, '$(warning) No value stated');
    const tip = (api.statusBar as unknown as { item: vscode.StatusBarItem }).item.tooltip;
    assert.ok(tip instanceof vscode.MarkdownString);
    assertSafeMarkdown(tip, RELEASE);
    const row = await until('the Releases view row', () => api.views.releases.getChildren().find((n) => labelOf(n) === RELEASE));
    assert.ok(!(row.tooltip instanceof vscode.MarkdownString) || !row.tooltip.supportHtml);
    assert.deepStrictEqual(fs.readdirSync(markers), []);
  });
});
