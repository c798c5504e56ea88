import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { buildReport } from '../../../src/core/report/buildReport';
import { renderReportBody, renderStandaloneHtml } from '../../../src/core/report/renderHtml';
import { renderJson, renderMarkdown } from '../../../src/core/report/renderMarkdown';
import { escapeHtml, escapeMarkdown, moneyText } from '../../../src/core/report/reportText';
import { barChartSvg, lineChartSvg } from '../../../src/core/report/svgCharts';
import { repoRoot } from '../../support/repoRoot';
import { FIXTURE_COMMITS, fixtureModel, TODAY } from './reportFixture';

const SNAPSHOTS = path.join(repoRoot, 'test/fixtures/report');

/**
 * Compares `actual` with a reviewed snapshot file. Snapshots change only on purpose:
 * `VALUE_LENS_UPDATE_SNAPSHOTS=1` rewrites them, and the diff is then reviewed in git.
 */
function matchSnapshot(name: string, actual: string): void {
  const file = path.join(SNAPSHOTS, name);
  if (process.env.VALUE_LENS_UPDATE_SNAPSHOTS === '1') {
    fs.mkdirSync(SNAPSHOTS, { recursive: true });
    fs.writeFileSync(file, actual);
    return;
  }
  assert.ok(fs.existsSync(file), `missing snapshot ${name}: run with VALUE_LENS_UPDATE_SNAPSHOTS=1 and review it`);
  assert.strictEqual(actual, fs.readFileSync(file, 'utf8'), `${name} differs from its snapshot`);
}

const report = buildReport({ title: 'fixture <shop>', model: fixtureModel(), commits: { available: true, ref: { name: 'main', sha: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678' }, commits: FIXTURE_COMMITS }, today: TODAY, period: 'all' });

/** Text nodes and attribute values of an HTML string must not open a tag we did not write. */
function tagsOf(html: string): string[] {
  return [...html.matchAll(/<([a-zA-Z][a-zA-Z0-9]*)/g)].map((m) => m[1]!.toLowerCase());
}

describe('value report rendering', () => {
  it('escapes every text field in HTML: script and event handlers render as text', () => {
    const html = renderStandaloneHtml(report);
    assert.ok(!/<script/i.test(html), 'a script tag got through');
    assert.ok(!/<img/i.test(html), 'an img tag got through');
    assert.ok(!/<b>/i.test(html), 'markup from a summary got through');
    assert.ok(!/<[^>]*\son[a-z]+=/i.test(html), 'an event handler attribute got through');
    assert.ok(html.includes('&#60;img src=x onerror=alert(1)&#62;'), 'the sponsor is shown as text');
    assert.ok(html.includes('&#60;script&#62;alert(&#39;title&#39;)&#60;/script&#62; Faster checkout'));
    const allowed = new Set(['html', 'head', 'meta', 'title', 'style', 'body', 'main', 'header', 'h1', 'h2', 'h3', 'p', 'span', 'section', 'div', 'a', 'br', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'article', 'dl', 'dt', 'dd', 'strong', 'figure', 'figcaption', 'svg', 'line', 'rect', 'text', 'polyline', 'circle', 'ul', 'li', 'code']);
    assert.deepStrictEqual([...new Set(tagsOf(html))].filter((t) => !allowed.has(t)), []);
  });

  it('escapes attribute values and quotes', () => {
    assert.strictEqual(escapeHtml(`"><img src=x onerror='a'>&\``), '&#34;&#62;&#60;img src=x onerror=&#39;a&#39;&#62;&#38;&#96;');
    const body = renderReportBody(report, { interactive: true });
    // Ids and names go into data attributes: only escaped text there.
    for (const m of body.matchAll(/data-id="([^"]*)"/g)) assert.ok(!/[<>'"]/.test(m[1]!), m[1]);
  });

  it('keeps Markdown free of markup and raw HTML from the data', () => {
    const text = renderMarkdown(report);
    assert.ok(!/<img|<script|<b>/i.test(text));
    assert.ok(text.includes('&lt;img src=x onerror=alert\\(1\\)&gt;') || text.includes('&lt;img src=x onerror=alert(1)&gt;'));
    assert.strictEqual(escapeMarkdown('a | b *c* [d](e) <f>\nnext'), 'a \\| b \\*c\\* \\[d\\](e) &lt;f&gt; next');
    // Every table row has as many cells as its header: no pipe from the data splits a cell.
    for (const block of text.split('\n\n')) {
      const rows = block.split('\n').filter((l) => l.startsWith('|'));
      const cells = rows.map((r) => r.replace(/\\\|/g, '').split('|').length);
      assert.ok(cells.every((n) => n === cells[0]), block);
    }
  });

  it('formats money with Intl.NumberFormat and the currency, huge numbers included', () => {
    assert.strictEqual(moneyText(120000, 'EUR', 'year', 'en'), '€120,000 per year');
    assert.strictEqual(moneyText(5000, 'USD', 'quarter', 'en'), '$5,000 per quarter');
    assert.strictEqual(moneyText(9e21, 'JPY', 'once', 'en'), '¥9,000,000,000,000,000,000,000 once');
    assert.strictEqual(moneyText(0.3, 'GBP', 'unspecified', 'en'), '£0.3');
    assert.strictEqual(moneyText(Infinity, 'CHF', 'year', 'en'), 'too large to add up (CHF)');
    assert.match(moneyText(1000, 'EUR', 'year', 'de'), /^1\.000\s€ per year$/);
  });

  it('draws charts as inline SVG with classes only, escaping labels', () => {
    const bars = barChartSvg([{ label: '<x>', expected: 10, realised: 5 }, { label: 'b', expected: 0 }], 'T & "q"', (n) => String(n));
    assert.ok(bars.startsWith('<svg class="chart"'));
    assert.ok(!/style=/.test(bars));
    assert.ok(bars.includes('&#60;x&#62;') && !bars.includes('<x>'));
    assert.ok(!/NaN|Infinity/.test(bars));
    const line = lineChartSvg([{ label: '2026-01', share: 0.5 }, { label: '2026-02', share: null }, { label: '2026-03', share: 1 }], 'coverage');
    assert.ok(!/NaN|Infinity|style=/.test(line));
    // A gap month splits the line: two points on either side are single, so no polyline at all.
    assert.ok(!line.includes('<polyline'));
    assert.strictEqual((line.match(/<circle/g) ?? []).length, 2);
    assert.ok(!/NaN|Infinity/.test(barChartSvg([], 'empty', String)));
  });

  it('never prints NaN, Infinity or undefined', () => {
    for (const out of [renderStandaloneHtml(report), renderMarkdown(report)]) assert.ok(!/NaN|Infinity|undefined/.test(out));
  });

  it('standalone HTML loads nothing from anywhere and runs no script', () => {
    const html = renderStandaloneHtml(report);
    assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`));
    assert.ok(!/\s(src|href)="(https?:)?\/\//i.test(html));
    assert.ok(/@page \{ size: A4/.test(html));
    assert.ok(/prefers-color-scheme: dark/.test(html));
  });

  it('matches the reviewed Markdown, HTML and JSON snapshots', () => {
    matchSnapshot('fixture.md', renderMarkdown(report));
    matchSnapshot('fixture.html', renderStandaloneHtml(report));
    matchSnapshot('fixture.json', renderJson(report));
    const untrusted = buildReport({ title: 'fixture', model: fixtureModel(), commits: { available: false, reason: 'This workspace is not trusted, so no git command runs.' }, today: TODAY, period: '30d' });
    matchSnapshot('untrusted-30d.md', renderMarkdown(untrusted));
  });
});
