import * as assert from 'assert';
import * as fs from 'fs';
import { spawnBin, valueRepo } from '../cli/cliRun';
import type { TempRepo } from '../git/tempRepo';
import { Traps } from './traps';

/**
 * Branch names and trailer values that a shell, an argument parser, Markdown or HTML would
 * act on. `M` is replaced by the marker folder: anything that executes one leaves a file there.
 */
const SHELL = 'feature/checkout-$(touch${IFS}M/dollar);`touch${IFS}M/tick`|touch${IFS}M/pipe';
const OPTION = 'feature/--upload-pack=touch${IFS}M/upload';
const HTML = 'feature/checkout-<img/src=x/onerror=alert(1)></script><b>';
// Git keeps a branch as a file under .git/refs, so a name is bounded by the path limit (4 KB on Linux).
const LONG = `feature/checkout-${Array.from({ length: 18 }, (_, i) => `${i}`.padEnd(200, 'y')).join('/')}`;
const TRAILER_VALUES = [
  '$(touch${IFS}M/t-dollar)',
  '`touch${IFS}M/t-tick`',
  'x;touch${IFS}M/t-semi|touch${IFS}M/t-pipe',
  '--upload-pack=touch${IFS}M/t-upload',
  '-c core.pager=touch${IFS}M/t-pager',
  '<img src=x onerror=alert(1)>',
  '</script><script>alert(1)</script>',
  'a|b`c*d_e[f](g)#h',
];
const LONG_TRAILER = `long-${'z'.repeat(10 * 1024)}`;

describe('branch names and trailer values with metacharacters, HTML and great length (CLI)', function () {
  this.timeout(60000);
  let traps: Traps;
  let repo: TempRepo;
  const marked = (s: string): string => s.replace(/M\//g, `${traps.markers}/`);

  before(() => {
    traps = new Traps();
    ({ repo } = valueRepo());
    repo.git('checkout', '-q', '-b', marked(SHELL));
    const trailer = [...TRAILER_VALUES.map(marked), LONG_TRAILER, 'checkout-speed'].join(', ');
    repo.commit(`Pay with $(touch \${IFS}${traps.markers}/subject) <img src=x onerror=alert(1)> ${'w'.repeat(10 * 1024)}\n\nIntent: ${trailer}\n`, ['src/checkout/pay.ts']);
    repo.commit('Unlinked `code` | pipe\n', ['README.md']);
    for (const name of [OPTION, HTML, LONG]) repo.git('branch', marked(name));
  });
  after(() => {
    repo.remove();
    traps.remove();
  });

  function run(args: string[]): string {
    const r = spawnBin(repo.dir, args);
    assert.strictEqual(r.status, 0, `value-lens ${args.join(' ')}: ${r.stderr}`);
    return r.stdout;
  }

  function noneRan(): void {
    assert.deepStrictEqual(traps.fired(), []);
    assert.deepStrictEqual(fs.readdirSync(repo.dir).filter((f) => !['.git', '.value', 'src', 'README.md'].includes(f)), []);
  }

  for (const [label, branch] of [['shell metacharacters', SHELL], ['an option-like name', OPTION], ['HTML', HTML], ['3.8 KB', LONG]] as const) {
    it(`a branch with ${label}: status text and JSON show it verbatim, Markdown keeps it one code span, nothing runs`, () => {
      const name = marked(branch);
      repo.git('checkout', '-q', name);
      const text = run(['status']);
      assert.ok(text.split('\n')[0]!.startsWith(`On branch ${name} at `), text.slice(0, 200));
      assert.strictEqual((JSON.parse(run(['status', '--json'])) as { branch: string }).branch, name);
      const md = run(['status', '--format', 'md']).split('\n')[0]!;
      assertOneCodeSpan(md, name);
      run(['why', 'src/checkout/pay.ts']);
      noneRan();
    });
  }

  it('trailer values: listed as unknown ids verbatim in text and JSON, inert in Markdown and HTML', () => {
    repo.git('checkout', '-q', marked(SHELL));
    const ids = [...TRAILER_VALUES.map(marked), LONG_TRAILER];
    const json = JSON.parse(run(['status', '--json'])) as { unknownIntents: string[]; intents: string[] };
    assert.deepStrictEqual(json.unknownIntents, ids);
    assert.ok(json.intents.includes('checkout-speed'));
    const text = run(['status']);
    // Long ids are cut to 60 characters and "…" in text and Markdown; JSON has them whole.
    const shownId = (id: string): string => (id.length > 60 ? `${id.slice(0, 60)}…` : id);
    for (const id of ids) assert.ok(text.includes(`\n  ${shownId(id)} (`), `status text lacks ${id.slice(0, 60)}`);

    const md = run(['status', '--format', 'md']);
    const unknownLine = md.split('\n').find((l) => l.startsWith('Unknown intent ids in trailers: '))!;
    assertInertMarkdown(unknownLine);
    for (const id of ids) assert.ok(markdownShows(unknownLine, shownId(id)), `Markdown does not show ${id.slice(0, 60)}`);

    // The report counts the base branch's history unless told another ref: here, the hostile branch itself.
    const html = run(['report', '--format', 'html', '--ref', marked(SHELL)]);
    assertInertHtml(html);
    assert.ok(html.includes('<code>&#60;img src=x onerror=alert(1)&#62;</code>'), 'the id is not shown escaped');
    assertInertMarkdown(run(['report', '--format', 'md', '--ref', marked(SHELL)]));
    run(['report', '--format', 'json', '--ref', marked(SHELL)]);
    noneRan();
  });
});

/** No raw tag from the hostile strings: only the report's own markup may open a tag. */
function assertInertHtml(html: string): void {
  assert.ok(!/<img/i.test(html), 'raw <img in HTML');
  assert.ok(!/<script>alert/i.test(html), 'raw <script> in HTML');
  assert.ok(!/<\/script>/i.test(html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '')), 'a stray </script>');
}

function assertInertMarkdown(md: string): void {
  for (const line of md.split('\n')) {
    // Outside code spans, `\<` is an escaped (literal) character; anything else that opens a tag is raw HTML.
    const outside = parseCodeSpans(line).outside.replace(/\\[!-/:-@[-`{-~]/g, '');
    assert.ok(!/<img|<script|<\/script|<b>/i.test(outside), `raw HTML outside code spans: ${line.slice(0, 300)}`);
  }
}

/**
 * CommonMark code spans of one line: a run of N backticks opens a span that the next run of
 * exactly N closes; one space is stripped from each end when both ends have one.
 */
function parseCodeSpans(line: string): { spans: string[]; outside: string } {
  const spans: string[] = [];
  let outside = '';
  let i = 0;
  while (i < line.length) {
    // A backtick after an odd number of backslashes is escaped, so it opens no span.
    if (line[i] !== '`' || (/\\+$/.exec(line.slice(0, i))?.[0].length ?? 0) % 2 === 1) {
      outside += line[i++];
      continue;
    }
    let n = 0;
    while (line[i + n] === '`') n++;
    let close = -1;
    for (let j = i + n; j < line.length; ) {
      if (line[j] !== '`') {
        j++;
        continue;
      }
      let m = 0;
      while (line[j + m] === '`') m++;
      if (m === n) {
        close = j;
        break;
      }
      j += m;
    }
    if (close < 0) {
      outside += line.slice(i, i + n);
      i += n;
      continue;
    }
    const body = line.slice(i + n, close);
    spans.push(body.length > 1 && body.startsWith(' ') && body.endsWith(' ') && body.trim() !== '' ? body.slice(1, -1) : body);
    i = close + n;
  }
  return { spans, outside };
}

function codeSpans(line: string): string[] {
  return parseCodeSpans(line).spans;
}

function assertOneCodeSpan(line: string, text: string): void {
  assert.ok(codeSpans(line).includes(text), `no code span shows ${JSON.stringify(text.slice(0, 80))} in ${JSON.stringify(line.slice(0, 300))}`);
}

/** Whether the rendered line shows `text` literally: as a code span, or as backslash-escaped text. */
function markdownShows(line: string, text: string): boolean {
  if (codeSpans(line).includes(text)) return true;
  return line.replace(/\\([!-/:-@[-`{-~])/g, '$1').includes(text);
}
