import type { Money } from '../model/types';
import type { Translate } from '../present/messages';
import { reviewMessage } from '../present/reviewDue';
import { reportNoteTexts } from './buildReport';
import type { IntentRow, MetricRow, MoneyTotal, ReleaseRow, ValueReport } from './reportModel';
import { describePeriod } from './reportPeriod';
import type { ReportMessageId } from './reportMessages';
import { reportMessage } from './reportMessages';
import type { RenderRef } from './reportText';
import { amountText, historyLine, renderWith, shareOf, escapeAttribute, escapeHtml as h, markup, moneyOf, moneyText, numberText, percentText, perText } from './reportText';
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
  /** Fills the report's templates: English by default (`fillTemplate`), `vscode.l10n.t` in the extension. */
  readonly translate?: Translate;
}

type Ctx = {
  readonly interactive: boolean;
  readonly locale: string;
  readonly t: RenderRef;
  readonly translate: Translate | undefined;
  /** A message as HTML: its text escaped, its arguments (already HTML) put in as they are. */
  readonly say: (id: ReportMessageId, ...args: readonly string[]) => string;
};

function context(options: HtmlOptions): Ctx {
  const t = renderWith(options.translate);
  return { interactive: options.interactive, locale: options.locale ?? 'en', t, translate: options.translate, say: (id, ...args) => markup(t, h, id, ...args) };
}

const VERDICT: Record<string, ReportMessageId> = { met: 'reportVerdictMet', partial: 'reportVerdictPartial', missed: 'reportVerdictMissed' };

/** `data-figure` keys mark the headline numbers, so tests and tools can find them in any output. */
function figure(key: string, text: string): string {
  return `<span class="figure" data-figure="${h(key)}">${h(text)}</span>`;
}

/** A title attribute's text, ours and translated. */
function titleOf(id: ReportMessageId, ctx: Ctx): string {
  return escapeAttribute(ctx.t(reportMessage(id)));
}

function intentLink(id: string, label: string, known: boolean, ctx: Ctx): string {
  if (!known) return `<span class="unknown" title="${titleOf('reportUnknownIntentTitle', ctx)}">${h(label)}</span>`;
  return ctx.interactive
    ? `<a href="#" class="open" data-open="intent" data-id="${h(id)}" title="${titleOf('reportOpenIntentTitle', ctx)}">${h(label)}</a>`
    : `<a href="#intent-${h(id)}">${h(label)}</a>`;
}

function releaseLink(r: ReleaseRow, index: number, ctx: Ctx): string {
  return ctx.interactive
    ? `<a href="#" class="open" data-open="release" data-id="${h(r.name)}" title="${titleOf('reportOpenReleaseTitle', ctx)}">${h(r.name)}</a>`
    : `<a href="#release-${index}">${h(r.name)}</a>`;
}

function moneyCard(x: MoneyTotal, ctx: Ctx): string {
  const { say } = ctx;
  const key = `${x.currency}:${x.per}`;
  const fmt = (n: number): string => moneyText(n, x.currency, x.per, ctx.locale, ctx.t);
  const amount = (n: number): string => amountText(n, x.currency, ctx.locale, ctx.t);
  const compared = x.expectedOfReviewed > 0 || x.realised !== 0
    ? `<p class="sub">${say('reportCardRealisedShare', figure(`realised-share:${key}`, percentText(x.realisedShare)), h(fmt(x.expectedOfReviewed)))}</p>`
    : `<p class="sub">${say('reportCardNoRealised')}</p>`;
  return `<div class="card money"><h3>${say('reportCardMoneyTitle', h(x.currency), h(perText(x.per, ctx.t)))}</h3>`
    + `<p>${say('reportCardExpected', `<span class="big">${figure(`expected:${key}`, amount(x.expected))}</span>`)}</p>`
    + `<p>${say('reportCardRealised', `<span class="big">${figure(`realised:${key}`, amount(x.realised))}</span>`)}</p>${compared}</div>`;
}

function verdictSpan(verdict: string, ctx: Ctx): string {
  return `<span class="verdict verdict-${verdict}">${ctx.say(VERDICT[verdict] ?? 'reportVerdictMet')}</span>`;
}

function headlineHtml(r: ValueReport, ctx: Ctx): string {
  const { say } = ctx;
  const { headline } = r;
  const cards: string[] = headline.money.length > 0
    ? headline.money.map((x) => moneyCard(x, ctx))
    : [`<div class="card money"><h3>${say('reportCardValue')}</h3><p>${say('reportNoValueStated')}</p></div>`];
  cards.push(`<div class="card"><h3>${say('reportCardReleasesReviewed')}</h3><p>${say('reportCardReviewedOf', `<span class="big">${figure('releases-reviewed', String(headline.releases.reviewed))}</span>`, figure('releases-in-period', String(headline.releases.inPeriod)))}</p></div>`);
  const v = headline.verdicts;
  const share = (n: number): string => percentText(v.judged === 0 ? null : n / v.judged);
  const judged = say(v.judged === 1 ? 'reportCardVerdictsOfOne' : 'reportCardVerdictsOf', String(v.judged));
  cards.push(`<div class="card"><h3>${say('reportCardMeasures')}</h3>`
    + (v.judged === 0
      ? `<p>${say('reportCardNoVerdict')}</p>`
      : `<p>${verdictSpan('met', ctx)} ${figure('met', share(v.met))} · ${verdictSpan('partial', ctx)} ${figure('partial', share(v.partial))} · ${verdictSpan('missed', ctx)} ${figure('missed', share(v.missed))}</p><p class="sub">${v.none > 0 ? say('reportWithoutVerdict', judged, String(v.none)) : judged}</p>`)
    + '</div>');
  cards.push(`<div class="card"><h3>${say('reportCardReviews')}</h3><p>${say('reportCardReviewsCount', `<span class="big">${figure('reviews-overdue', String(headline.reviews.overdue))}</span>`, figure('reviews-due', String(headline.reviews.due)))}</p>${headline.reviews.next !== undefined ? `<p>${say('reportCardReviewsUpcoming', figure('reviews-upcoming', String(headline.reviews.upcoming)), h(headline.reviews.next))}</p>` : ''}<p class="sub">${say('reportCardReviewsSub')}</p></div>`);
  const c = headline.coverage;
  cards.push(c === null
    ? `<div class="card"><h3>${say('reportCoverage')}</h3><p>${figure('coverage', ctx.t(reportMessage('reportCardUnavailable')))}</p><p class="sub">${h(r.coverage.available ? '' : r.coverage.reason)}</p></div>`
    : `<div class="card"><h3>${say('reportCoverage')}</h3><p>${say('reportCardCoverageShare', `<span class="big">${figure('coverage', percentText(c.share))}</span>`)}</p><p class="sub">${say('reportCardCoverageSub', String(c.linked), String(c.commits), String(c.commits - c.linked))}</p></div>`);
  return `<section class="headline" aria-label="${escapeAttribute(ctx.t(reportMessage('reportHeadline')))}"><div class="cards">${cards.join('')}</div></section>`;
}

function moneyCell(m: Money | undefined, ctx: Ctx): string {
  return m ? h(moneyOf(m, ctx.locale, ctx.t)) : '<span class="muted">—</span>';
}

function releaseCharts(r: ValueReport, ctx: Ctx): string {
  const charts = r.headline.money.map((x) => {
    const same = (m: Money | undefined): boolean => m !== undefined && m.currency === x.currency && (m.per ?? 'unspecified') === x.per;
    const groups = r.releases
      .filter((y) => same(y.expected) || same(y.realised))
      .map((y) => ({ label: y.name, ...(same(y.expected) ? { expected: y.expected!.amount } : {}), ...(same(y.realised) ? { realised: y.realised!.amount } : {}) }));
    const fmt = (n: number): string => moneyText(n, x.currency, x.per, ctx.locale, ctx.t);
    const per = perText(x.per, ctx.t);
    const title = ctx.t(reportMessage('reportChartValueTitle', x.currency, per));
    return `<figure>${barChartSvg(groups, title, fmt, ctx.t)}<figcaption>${ctx.say('reportChartValueCaption', h(x.currency), h(per))}</figcaption></figure>`;
  });
  return charts.length > 0 ? `<div class="charts">${charts.join('')}</div>` : '';
}

function releaseHtml(r: ReleaseRow, index: number, ctx: Ctx): string {
  const { say } = ctx;
  const review = reviewMessage(r.review);
  const status = r.recorded !== undefined
    ? `<span class="badge reviewed">${say('reportReviewedOn', h(r.recorded))}</span>`
    : review ? `<span class="badge ${r.review.kind === 'upcoming' ? 'upcoming' : r.review.kind}">${h(ctx.t(review))}</span>` : `<span class="badge">${say('reportNoReviewDate')}</span>`;
  const intents = r.intents.length > 0 ? r.intents.map((i) => intentLink(i.id, i.id, i.known, ctx)).join(', ') : `<span class="muted">${say('reportNone')}</span>`;
  const rows = r.measures.map((m) => `<tr><td>${h(m.metric)}</td><td class="num">${h(numberText(m.baseline, ctx.locale))}</td><td class="num">${h(numberText(m.target, ctx.locale))}</td><td class="num">${h(numberText(m.actual, ctx.locale))}</td><td class="num">${h(percentText(m.progress))}</td><td>${m.verdict ? verdictSpan(m.verdict, ctx) : '<span class="muted">—</span>'}</td><td>${h(m.review ?? '—')}</td></tr>`).join('');
  const measures = r.measures.length > 0
    ? `<table><thead><tr><th>${say('reportColMeasure')}</th><th class="num">${say('reportColBaseline')}</th><th class="num">${say('reportColTarget')}</th><th class="num">${say('reportColActual')}</th><th class="num">${say('reportColOfTheWay')}</th><th>${say('reportColVerdict')}</th><th>${say('reportColReview')}</th></tr></thead><tbody>${rows}</tbody></table>`
    : `<p class="muted">${say('reportNoMeasures')}</p>`;
  return `<article class="release" id="release-${index}"><h3>${releaseLink(r, index, ctx)} ${status}</h3>`
    + `<p class="summary">${h(r.summary)}</p>`
    + `<dl><dt>${say('reportBranch')}</dt><dd>${h(r.branch)}</dd><dt>${say('reportCreated')}</dt><dd>${r.author !== undefined ? say('reportCreatedBy', h(r.created), h(r.author)) : h(r.created)}</dd><dt>${say('reportIntents')}</dt><dd>${intents}</dd>`
    + `<dt>${say('reportExpectedValue')}</dt><dd>${moneyCell(r.expected, ctx)}</dd><dt>${say('reportRealisedValue')}</dt><dd>${moneyCell(r.realised, ctx)}</dd></dl>`
    + measures
    + (r.notes !== undefined ? `<p class="notes"><strong>${say('reportNotesLabel')}</strong> ${h(r.notes)}</p>` : '')
    + '</article>';
}

function metricCell(m: MetricRow | undefined, ctx: Ctx): string {
  if (!m) return '<span class="muted">—</span>';
  const unit = m.unit !== undefined ? ` (${h(m.unit)})` : '';
  const latest = m.latest ? `${h(numberText(m.latest.value, ctx.locale))} <span class="muted">(${h(m.latest.release)})</span>` : `<span class="muted">${ctx.say('reportNotMeasured')}</span>`;
  return `${h(m.name)}${unit}<br>${h(numberText(m.baseline, ctx.locale))} → ${h(numberText(m.target, ctx.locale))} → ${latest}`;
}

function intentRowHtml(i: IntentRow, releases: readonly ReleaseRow[], ctx: Ctx): string {
  const releaseLinks = i.releases.map((name, k) => {
    const index = releases.findIndex((r) => r.name === name);
    const r = releases[index];
    return shareOf(r ? releaseLink(r, index, ctx) : h(name), i.releaseShares[k], ctx.say);
  }).join(', ') || '<span class="muted">—</span>';
  const realised = i.realised.length > 0 ? i.realised.map((m) => h(moneyOf(m, ctx.locale, ctx.t))).join('<br>') : '<span class="muted">—</span>';
  const expected = i.expected ? `${h(moneyOf(i.expected, ctx.locale, ctx.t))}${i.expected.confidence ? ` <span class="muted">${ctx.say('reportConfidence', h(i.expected.confidence))}</span>` : ''}` : '<span class="muted">—</span>';
  return `<tr id="intent-${h(i.id)}"><td>${intentLink(i.id, i.id, true, ctx)}<br><span class="muted">${h(i.title)}</span></td><td><span class="status status-${h(i.status)}">${h(i.status)}</span></td>`
    + `<td>${h(i.owner)}</td><td>${i.sponsor !== undefined ? h(i.sponsor) : '<span class="muted">—</span>'}</td><td>${metricCell(i.metric, ctx)}</td>`
    + `<td>${expected}</td><td>${realised}</td><td>${releaseLinks}</td><td class="num">${i.commits === null ? '—' : i.commits}</td></tr>`;
}

function coverageHtml(r: ValueReport, ctx: Ctx): string {
  const { say } = ctx;
  const c = r.coverage;
  const heading = `<h2>${say('reportCoverage')}</h2>`;
  if (!c.available) return `<section id="coverage">${heading}<p class="muted">${say('reportCoverageUnavailable', h(c.reason))}</p></section>`;
  if (c.commits === 0) return `<section id="coverage">${heading}<p class="muted">${say('reportNoCommits')}</p></section>`;
  const rows = c.months.map((m) => `<tr><td>${h(m.month)}</td><td class="num">${m.commits}</td><td class="num">${m.linked}</td><td class="num">${m.commits - m.linked}</td><td class="num">${h(percentText(m.share))}</td></tr>`).join('');
  const chart = lineChartSvg(c.months.map((m) => ({ label: m.month, share: m.share })), ctx.t(reportMessage('reportChartCoverageTitle')), ctx.t);
  const unknown = c.unknownIds.length > 0
    ? `<p>${say('reportUnknownTrailers', c.unknownIds.map((u) => say('reportCountInParens', `<code>${h(u.id)}</code>`, String(u.commits))).join(', '))}</p>`
    : '';
  return `<section id="coverage">${heading}`
    + `<p>${say('reportCoverageSentence', String(c.linked), String(c.commits), h(percentText(c.share)), String(c.unlinked), h(percentText(c.share === null ? null : 1 - c.share)))}</p>`
    + `<figure>${chart}<figcaption>${say('reportCoverageCaption')}</figcaption></figure>`
    + `<table><thead><tr><th>${say('reportColMonth')}</th><th class="num">${say('reportColCommits')}</th><th class="num">${say('reportColLinked')}</th><th class="num">${say('reportColUnlinked')}</th><th class="num">${say('reportColCoverage')}</th></tr></thead><tbody>${rows}</tbody></table>${unknown}</section>`;
}

/** The report as an HTML fragment (no `<html>`, no script, no style): shared by the webview and the standalone file. */
export function renderReportBody(report: ValueReport, options: HtmlOptions): string {
  const ctx = context(options);
  const { say } = ctx;
  const since = ` (${report.periodStart !== undefined ? say('reportRange', h(report.periodStart), h(report.today)) : say('reportUpTo', h(report.today))})`;
  const releases = report.releases.length > 0
    ? `${releaseCharts(report, ctx)}${report.releases.map((r, i) => releaseHtml(r, i, ctx)).join('')}`
    : `<p class="muted">${say('reportNoReleases')}</p>`;
  const intents = report.intents.length > 0
    ? `<table class="intents"><thead><tr><th>${say('reportColIntent')}</th><th>${say('reportColStatus')}</th><th>${say('reportColOwner')}</th><th>${say('reportColSponsor')}</th><th>${say('reportColMetric')}</th><th>${say('reportColExpected')}</th><th>${say('reportColRealised')}</th><th>${say('reportColReleases')}</th><th class="num">${say('reportColCommits')}</th></tr></thead><tbody>${report.intents.map((i) => intentRowHtml(i, report.releases, ctx)).join('')}</tbody></table>`
      + `<p class="sub">${say('reportSeveralIntents')}</p>`
      + (report.unassigned.length > 0 ? `<p class="sub">${say('reportUnassigned', report.unassigned.map((m) => h(moneyOf(m, ctx.locale, ctx.t))).join('; '))}</p>` : '')
    : `<p class="muted">${say('reportNoIntents')}</p>`;
  const noteTexts = reportNoteTexts(report, ctx.t);
  const notes = noteTexts.length > 0 ? `<section id="notes"><h2>${say('reportNotes')}</h2><ul>${noteTexts.map((n) => `<li>${h(n)}</li>`).join('')}</ul></section>` : '';
  const history = historyLine(report, (id, ...args) => say(id, ...args.map((a) => `<code>${h(a)}</code>`)));
  return `<header class="report-header"><h1>${say('reportHeading', h(report.title))}</h1><p class="meta">${h(describePeriod(report.period, ctx.translate))}${since}</p>${history ? `<p class="meta">${history}</p>` : ''}</header>`
    + headlineHtml(report, ctx)
    + `<section id="releases"><h2>${say('reportReleases')}</h2>${releases}</section>`
    + `<section id="intents"><h2>${say('reportIntents')}</h2>${intents}</section>`
    + coverageHtml(report, ctx)
    + notes;
}

export interface StandaloneOptions extends Omit<HtmlOptions, 'interactive'> {
  /** The `lang` of the page: the language `translate` writes in; default `en`. */
  readonly language?: string;
}

/**
 * The report as one self-contained HTML file: inline CSS (light and dark, A4 print), inline SVG
 * charts, no script and no remote resource; its own CSP forbids both, should anything slip through.
 */
export function renderStandaloneHtml(report: ValueReport, options: StandaloneOptions = {}): string {
  const ctx = context({ interactive: false, ...options });
  return `<!DOCTYPE html>
<html lang="${h(options.language ?? 'en')}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Value Lens">
<title>${ctx.say('reportHeading', h(report.title))}</title>
<style>${standaloneCss}</style>
</head>
<body>
<main class="report">${renderReportBody(report, { ...options, interactive: false })}</main>
</body>
</html>
`;
}
