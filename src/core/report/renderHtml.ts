import type { Money } from '../model/types';
import { describeReview } from '../present/reviewDue';
import type { IntentRow, MetricRow, MoneyTotal, ReleaseRow, ValueReport } from './reportModel';
import { describePeriod } from './reportPeriod';
import { amountText, escapeHtml as h, moneyOf, moneyText, numberText, percentText, perText } from './reportText';
import { standaloneCss } from './standaloneCss';
import { barChartSvg, lineChartSvg } from './svgCharts';

export interface HtmlOptions {
  /**
   * In the webview, intent and release names are buttons that ask the extension to open their
   * YAML (`data-open`, `data-id`); in a standalone file they are links within the page.
   */
  readonly interactive: boolean;
  /** Locale for numbers and money; default `en`. */
  readonly locale?: string;
}

type Ctx = { readonly interactive: boolean; readonly locale: string };

/** `data-figure` keys mark the headline numbers, so tests and tools can find them in any output. */
function figure(key: string, text: string): string {
  return `<span class="figure" data-figure="${h(key)}">${h(text)}</span>`;
}

function intentLink(id: string, label: string, known: boolean, ctx: Ctx): string {
  if (!known) return `<span class="unknown" title="No intent has this id">${h(label)}</span>`;
  return ctx.interactive
    ? `<a href="#" class="open" data-open="intent" data-id="${h(id)}" title="Open the intent's YAML">${h(label)}</a>`
    : `<a href="#intent-${h(id)}">${h(label)}</a>`;
}

function releaseLink(r: ReleaseRow, index: number, ctx: Ctx): string {
  return ctx.interactive
    ? `<a href="#" class="open" data-open="release" data-id="${h(r.name)}" title="Open the value statement">${h(r.name)}</a>`
    : `<a href="#release-${index}">${h(r.name)}</a>`;
}

function moneyCard(t: MoneyTotal, ctx: Ctx): string {
  const key = `${t.currency}:${t.per}`;
  const fmt = (n: number): string => moneyText(n, t.currency, t.per, ctx.locale);
  const amount = (n: number): string => amountText(n, t.currency, ctx.locale);
  const compared = t.expectedOfReviewed > 0 || t.realised !== 0
    ? `<p class="sub">${figure(`realised-share:${key}`, percentText(t.realisedShare))} of the ${h(fmt(t.expectedOfReviewed))} expected of the releases reviewed</p>`
    : '<p class="sub">No release has recorded a realised value yet.</p>';
  return `<div class="card money"><h3>${h(t.currency)} · ${h(perText(t.per))}</h3>`
    + `<p><span class="big">${figure(`expected:${key}`, amount(t.expected))}</span> expected</p>`
    + `<p><span class="big">${figure(`realised:${key}`, amount(t.realised))}</span> realised</p>${compared}</div>`;
}

function headlineHtml(r: ValueReport, ctx: Ctx): string {
  const { headline } = r;
  const cards: string[] = headline.money.length > 0
    ? headline.money.map((t) => moneyCard(t, ctx))
    : ['<div class="card money"><h3>Value</h3><p>No release in this period states a value.</p></div>'];
  cards.push(`<div class="card"><h3>Releases reviewed</h3><p><span class="big">${figure('releases-reviewed', String(headline.releases.reviewed))}</span> of ${figure('releases-in-period', String(headline.releases.inPeriod))} in the period</p></div>`);
  const v = headline.verdicts;
  const share = (n: number): string => percentText(v.judged === 0 ? null : n / v.judged);
  cards.push(`<div class="card"><h3>Measures</h3>`
    + (v.judged === 0
      ? '<p>No measure has a verdict yet.</p>'
      : `<p><span class="verdict verdict-met">met</span> ${figure('met', share(v.met))} · <span class="verdict verdict-partial">partial</span> ${figure('partial', share(v.partial))} · <span class="verdict verdict-missed">missed</span> ${figure('missed', share(v.missed))}</p><p class="sub">of ${v.judged} measure${v.judged === 1 ? '' : 's'} with a verdict${v.none > 0 ? `; ${v.none} without one` : ''}</p>`)
    + '</div>');
  cards.push(`<div class="card"><h3>Reviews</h3><p><span class="big">${figure('reviews-overdue', String(headline.reviews.overdue))}</span> overdue · ${figure('reviews-due', String(headline.reviews.due))} due</p><p class="sub">releases waiting for their outcome, today</p></div>`);
  const c = headline.coverage;
  cards.push(c === null
    ? `<div class="card"><h3>Value coverage</h3><p>${figure('coverage', 'unavailable')}</p><p class="sub">${h(r.coverage.available ? '' : r.coverage.reason)}</p></div>`
    : `<div class="card"><h3>Value coverage</h3><p><span class="big">${figure('coverage', percentText(c.share))}</span> of commits linked</p><p class="sub">${c.linked} of ${c.commits} commits; ${c.commits - c.linked} unlinked: work we cannot explain</p></div>`);
  return `<section class="headline" aria-label="Headline"><div class="cards">${cards.join('')}</div></section>`;
}

function moneyCell(m: Money | undefined, ctx: Ctx): string {
  return m ? h(moneyOf(m, ctx.locale)) : '<span class="muted">—</span>';
}

function releaseCharts(r: ValueReport, ctx: Ctx): string {
  const charts = r.headline.money.map((t) => {
    const same = (m: Money | undefined): boolean => m !== undefined && m.currency === t.currency && (m.per ?? 'unspecified') === t.per;
    const groups = r.releases
      .filter((x) => same(x.expected) || same(x.realised))
      .map((x) => ({ label: x.name, ...(same(x.expected) ? { expected: x.expected!.amount } : {}), ...(same(x.realised) ? { realised: x.realised!.amount } : {}) }));
    const fmt = (n: number): string => moneyText(n, t.currency, t.per, ctx.locale);
    return `<figure>${barChartSvg(groups, `Expected vs realised value per release, ${t.currency} ${perText(t.per)}`, fmt)}<figcaption>Expected vs realised per release, ${h(t.currency)} ${h(perText(t.per))}</figcaption></figure>`;
  });
  return charts.length > 0 ? `<div class="charts">${charts.join('')}</div>` : '';
}

function releaseHtml(r: ReleaseRow, index: number, ctx: Ctx): string {
  const review = describeReview(r.review);
  const status = r.recorded !== undefined
    ? `<span class="badge reviewed">reviewed ${h(r.recorded)}</span>`
    : review ? `<span class="badge ${r.review.kind === 'overdue' ? 'overdue' : 'due'}">${h(review)}</span>` : '<span class="badge">no review date</span>';
  const intents = r.intents.length > 0 ? r.intents.map((i) => intentLink(i.id, i.id, i.known, ctx)).join(', ') : '<span class="muted">none</span>';
  const rows = r.measures.map((m) => `<tr><td>${h(m.metric)}</td><td class="num">${h(numberText(m.baseline, ctx.locale))}</td><td class="num">${h(numberText(m.target, ctx.locale))}</td><td class="num">${h(numberText(m.actual, ctx.locale))}</td><td class="num">${h(percentText(m.progress))}</td><td>${m.verdict ? `<span class="verdict verdict-${m.verdict}">${m.verdict}</span>` : '<span class="muted">—</span>'}</td><td>${h(m.review ?? '—')}</td></tr>`).join('');
  const measures = r.measures.length > 0
    ? `<table><thead><tr><th>Measure</th><th class="num">Baseline</th><th class="num">Target</th><th class="num">Actual</th><th class="num">Of the way</th><th>Verdict</th><th>Review</th></tr></thead><tbody>${rows}</tbody></table>`
    : '<p class="muted">No measures stated.</p>';
  return `<article class="release" id="release-${index}"><h3>${releaseLink(r, index, ctx)} ${status}</h3>`
    + `<p class="summary">${h(r.summary)}</p>`
    + `<dl><dt>Branch</dt><dd>${h(r.branch)}</dd><dt>Created</dt><dd>${h(r.created)}${r.author !== undefined ? ` by ${h(r.author)}` : ''}</dd><dt>Intents</dt><dd>${intents}</dd>`
    + `<dt>Expected value</dt><dd>${moneyCell(r.expected, ctx)}</dd><dt>Realised value</dt><dd>${moneyCell(r.realised, ctx)}</dd></dl>`
    + measures
    + (r.notes !== undefined ? `<p class="notes"><strong>Notes:</strong> ${h(r.notes)}</p>` : '')
    + '</article>';
}

function metricCell(m: MetricRow | undefined, ctx: Ctx): string {
  if (!m) return '<span class="muted">—</span>';
  const unit = m.unit !== undefined ? ` (${h(m.unit)})` : '';
  const latest = m.latest ? `${h(numberText(m.latest.value, ctx.locale))} <span class="muted">(${h(m.latest.release)})</span>` : '<span class="muted">not measured</span>';
  return `${h(m.name)}${unit}<br>${h(numberText(m.baseline, ctx.locale))} → ${h(numberText(m.target, ctx.locale))} → ${latest}`;
}

function intentRowHtml(i: IntentRow, releases: readonly ReleaseRow[], ctx: Ctx): string {
  const releaseLinks = i.releases.map((name) => {
    const index = releases.findIndex((r) => r.name === name);
    const r = releases[index];
    return r ? releaseLink(r, index, ctx) : h(name);
  }).join(', ') || '<span class="muted">—</span>';
  const realised = i.realised.length > 0 ? i.realised.map((m) => h(moneyOf(m, ctx.locale))).join('<br>') : '<span class="muted">—</span>';
  const expected = i.expected ? `${h(moneyOf(i.expected, ctx.locale))}${i.expected.confidence ? ` <span class="muted">(${h(i.expected.confidence)} confidence)</span>` : ''}` : '<span class="muted">—</span>';
  return `<tr id="intent-${h(i.id)}"><td>${intentLink(i.id, i.id, true, ctx)}<br><span class="muted">${h(i.title)}</span></td><td><span class="status status-${h(i.status)}">${h(i.status)}</span></td>`
    + `<td>${h(i.owner)}</td><td>${i.sponsor !== undefined ? h(i.sponsor) : '<span class="muted">—</span>'}</td><td>${metricCell(i.metric, ctx)}</td>`
    + `<td>${expected}</td><td>${realised}</td><td>${releaseLinks}</td><td class="num">${i.commits === null ? '—' : i.commits}</td></tr>`;
}

function coverageHtml(r: ValueReport): string {
  const c = r.coverage;
  if (!c.available) return `<section id="coverage"><h2>Value coverage</h2><p class="muted">Commit coverage is unavailable: ${h(c.reason)}</p></section>`;
  if (c.commits === 0) return '<section id="coverage"><h2>Value coverage</h2><p class="muted">No commits in this period.</p></section>';
  const rows = c.months.map((m) => `<tr><td>${h(m.month)}</td><td class="num">${m.commits}</td><td class="num">${m.linked}</td><td class="num">${m.commits - m.linked}</td><td class="num">${h(percentText(m.share))}</td></tr>`).join('');
  const chart = lineChartSvg(c.months.map((m) => ({ label: m.month, share: m.share })), 'Share of commits linked to an intent, per month');
  const unknown = c.unknownIds.length > 0
    ? `<p>Trailers that name no intent: ${c.unknownIds.map((u) => `<code>${h(u.id)}</code> (${u.commits})`).join(', ')}</p>`
    : '';
  return `<section id="coverage"><h2>Value coverage</h2>`
    + `<p>${c.linked} of ${c.commits} commits in the period name an intent in a trailer (${h(percentText(c.share))}); ${c.unlinked} (${h(percentText(c.share === null ? null : 1 - c.share))}) do not: work we cannot explain. Merge commits are not counted.</p>`
    + `<figure>${chart}<figcaption>Linked share of commits per month</figcaption></figure>`
    + `<table><thead><tr><th>Month</th><th class="num">Commits</th><th class="num">Linked</th><th class="num">Unlinked</th><th class="num">Coverage</th></tr></thead><tbody>${rows}</tbody></table>${unknown}</section>`;
}

/** The report as an HTML fragment (no `<html>`, no script, no style): shared by the webview and the standalone file. */
export function renderReportBody(report: ValueReport, options: HtmlOptions): string {
  const ctx: Ctx = { interactive: options.interactive, locale: options.locale ?? 'en' };
  const since = report.periodStart !== undefined ? ` (${h(report.periodStart)} to ${h(report.today)})` : ` (up to ${h(report.today)})`;
  const releases = report.releases.length > 0
    ? `${releaseCharts(report, ctx)}${report.releases.map((r, i) => releaseHtml(r, i, ctx)).join('')}`
    : '<p class="muted">No release was created or reviewed in this period.</p>';
  const intents = report.intents.length > 0
    ? `<table class="intents"><thead><tr><th>Intent</th><th>Status</th><th>Owner</th><th>Sponsor</th><th>Metric: baseline → target → latest</th><th>Expected value</th><th>Realised (releases in period)</th><th>Releases</th><th class="num">Commits</th></tr></thead><tbody>${report.intents.map((i) => intentRowHtml(i, report.releases, ctx)).join('')}</tbody></table>`
      + '<p class="sub">A release that serves several intents counts toward each of them here; the headline counts it once.</p>'
    : '<p class="muted">No intents yet.</p>';
  const notes = report.notes.length > 0 ? `<section id="notes"><h2>Notes on the data</h2><ul>${report.notes.map((n) => `<li>${h(n)}</li>`).join('')}</ul></section>` : '';
  return `<header class="report-header"><h1>Value report: ${h(report.title)}</h1><p class="meta">${h(describePeriod(report.period))}${since}</p></header>`
    + headlineHtml(report, ctx)
    + `<section id="releases"><h2>Releases</h2>${releases}</section>`
    + `<section id="intents"><h2>Intents</h2>${intents}</section>`
    + coverageHtml(report)
    + notes;
}

/**
 * The report as one self-contained HTML file: inline CSS (light and dark, A4 print), inline SVG
 * charts, no script and no remote resource; its own CSP forbids both, should anything slip through.
 */
export function renderStandaloneHtml(report: ValueReport, options: { readonly locale?: string } = {}): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Value Lens">
<title>Value report: ${h(report.title)}</title>
<style>${standaloneCss}</style>
</head>
<body>
<main class="report">${renderReportBody(report, { interactive: false, ...(options.locale !== undefined ? { locale: options.locale } : {}) })}</main>
</body>
</html>
`;
}
