import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Translate } from '../../../src/core/present/messages';
import { fillTemplate } from '../../../src/core/present/messages';
import { buildReport } from '../../../src/core/report/buildReport';
import { renderReportBody, renderStandaloneHtml } from '../../../src/core/report/renderHtml';
import { renderJson, renderMarkdown } from '../../../src/core/report/renderMarkdown';
import { REPORT_MESSAGES } from '../../../src/core/report/reportMessages';
import { repoRoot } from '../../support/repoRoot';
import { FIXTURE_COMMITS, FIXTURE_FILES, fixtureModel, TODAY } from './reportFixture';

/** A pseudo-language: every template comes back inside ⟦…⟧, so untranslated prose stands out. */
const pseudo: Translate = (template, args) => `⟦${fillTemplate(template, args)}⟧`;
/** A hostile translation: markup in the translated text must be shown as text, not obeyed. */
const hostile: Translate = (template, args) => `<i>"${fillTemplate(template, args)}"</i>`;

const files = {
  ...FIXTURE_FILES,
  '.value/intents/markup.yaml': 'id: markup\ntitle: "A <b>markup</b> title"\nwhy: Escaping.\nowner: web\nstatus: active\n',
};
const report = buildReport({ title: 'fixture <shop>', model: fixtureModel(files), commits: { available: true, commits: FIXTURE_COMMITS }, today: TODAY, period: 'all' });

describe('value report in another language (translator passed to the renderers)', () => {
  it('translates headings, cards, table headers, sentences, charts and notes in HTML; data stays as written and escaped', () => {
    const html = renderReportBody(report, { interactive: true, translate: pseudo });
    for (const translated of [
      '<h1>⟦Value report: fixture &#60;shop&#62;⟧</h1>',
      '<h2>⟦Releases⟧</h2>',
      '<h2>⟦Intents⟧</h2>',
      '<h2>⟦Notes on the data⟧</h2>',
      '<h3>⟦Releases reviewed⟧</h3>',
      '<th>⟦Measure⟧</th>',
      '<th>⟦Metric: baseline → target → latest⟧</th>',
      '<p class="sub">⟦A release that serves several intents is split between them: by the shares its statement gives, else in proportion to the intents&#39; expected values, else equally. The realised column adds up to the headline.⟧</p>',
      '<figcaption>⟦Linked share of commits per month⟧</figcaption>',
      '<title>⟦Share of commits linked to an intent, per month⟧</title>',
      `title="⟦Open the intent's YAML⟧"`,
      '<li>⟦Release 3.0.0 is dated 2026-12-01, after today.⟧</li>',
      '<li>⟦2 commits name intent &#34;ghost&#34; in a trailer, which does not exist; they count as unlinked.⟧</li>',
      '<li>⟦Release 1.1.0 expected ⟦EUR ⟦per year⟧⟧ but recorded ⟦USD ⟦per year⟧⟧; the two are not compared.⟧</li>',
      '⟦all time⟧',
      '⟦once⟧',
      '⟦per quarter⟧',
    ]) assert.ok(html.includes(translated), `missing ${translated}`);
    // A sentence around a figure: the figure's markup survives inside the translated text.
    assert.match(html, /<p>⟦<span class="big"><span class="figure" data-figure="releases-reviewed">\d+<\/span><\/span> of <span class="figure" data-figure="releases-in-period">\d+<\/span> in the period⟧<\/p>/);
    // User data is neither translated nor unescaped.
    assert.ok(html.includes('<span class="muted">A &#60;b&#62;markup&#60;/b&#62; title</span>'));
    assert.ok(!html.includes('<b>markup'));
    assert.ok(!html.includes('⟦A &#60;b&#62;markup'));
    assert.ok(html.includes('&#60;script&#62;alert(&#39;title&#39;)&#60;/script&#62; Faster checkout'));
    // No English heading or sentence is left outside the brackets.
    for (const english of ['>Releases<', '>Value coverage<', 'No intent has this id"', '>Notes on the data<', ' of commits linked<', 'Merge commits are not counted.<']) {
      assert.ok(!html.includes(english), `untranslated ${english}`);
    }
  });

  it('translates the standalone page title and lang, and Markdown prose; Markdown data stays escaped', () => {
    const page = renderStandaloneHtml(report, { translate: pseudo, language: 'de' });
    assert.ok(page.includes('<html lang="de">'));
    assert.ok(page.includes('<title>⟦Value report: fixture &#60;shop&#62;⟧</title>'));

    const md = renderMarkdown(report, { translate: pseudo });
    for (const translated of [
      '# ⟦Value report: fixture &lt;shop&gt;⟧',
      '## ⟦Headline⟧',
      '## ⟦Releases⟧',
      '| ⟦Intent⟧ | ⟦Status⟧ |',
      '- ⟦Releases reviewed: ',
      '⟦3 of 7 commits in the period name an intent in a trailer (43%); 4 are not linked to an intent. Merge commits, and commits that change only .value/, are not counted.⟧',
      '- ⟦Some commits are dated after today.⟧',
      '⟦Period: ⟦all time⟧ ',
    ]) assert.ok(md.includes(translated), `missing ${translated}`);
    assert.ok(md.includes('| **markup** A &lt;b&gt;markup&lt;/b&gt; title |'));
    assert.ok(!md.includes('<b>'));
    assert.ok(!md.includes('\n## Releases\n'));
  });

  it('escapes the translation itself: markup in a translated template is shown as text', () => {
    const html = renderReportBody(report, { interactive: true, translate: hostile });
    assert.ok(!html.includes('<i>'), 'a translation added an element');
    assert.ok(html.includes('<h2>&#60;i&#62;&#34;Releases&#34;&#60;/i&#62;</h2>'));
    assert.ok(html.includes('title="&#60;i&#62;&#34;No intent has this id&#34;&#60;/i&#62;"'));
    const md = renderMarkdown(report, { translate: hostile });
    assert.ok(!md.includes('<i>'));
    assert.ok(md.includes('## &lt;i&gt;"Releases"&lt;/i&gt;'));
  });

  it('keeps the CLI in English and the JSON untranslated', () => {
    assert.strictEqual(renderMarkdown(report, { translate: fillTemplate }), renderMarkdown(report));
    assert.ok(!renderJson(report).includes('⟦'));
    assert.ok(renderJson(report).includes('"Some commits are dated after today."'));
  });

  it('has well-formed report templates ({0}…{n-1}, no gaps) that are all in the l10n bundle', () => {
    const bundle = JSON.parse(fs.readFileSync(path.join(repoRoot, 'l10n/bundle.l10n.json'), 'utf8')) as Record<string, string>;
    assert.ok(Object.keys(REPORT_MESSAGES).length > 100);
    for (const [id, template] of Object.entries(REPORT_MESSAGES)) {
      assert.ok(id.startsWith('report'), id);
      assert.ok(template in bundle, `${id} is not in l10n/bundle.l10n.json: run npm run l10n`);
      const numbers = [...template.matchAll(/\{(\d+)\}/g)].map((m) => Number(m[1]));
      const count = numbers.length ? Math.max(...numbers) + 1 : 0;
      for (let n = 0; n < count; n++) assert.ok(numbers.includes(n), `${id}: {${n}} is missing`);
      assert.doesNotMatch(template.replace(/\{\d+\}/g, ''), /\{[^}]*\}/, id);
    }
  });
});
