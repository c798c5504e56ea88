import type { Money } from '../model/types';
import type { Translate } from '../present/messages';
import { reviewMessage } from '../present/reviewDue';
import { reportNoteTexts } from './buildReport';
import type { ReleaseRow, ValueReport } from './reportModel';
import { describePeriod } from './reportPeriod';
import type { ReportMessageId } from './reportMessages';
import { reportMessage } from './reportMessages';
import type { RenderRef } from './reportText';
import { historyLine, renderWith, shareOf, markup, escapeMarkdown as md, moneyOf, moneyText, numberText, percentText, perText } from './reportText';

export interface MarkdownOptions {
  /** Locale for numbers and money; default `en`. */
  readonly locale?: string;
  /** Fills the report's templates: English by default (`fillTemplate`), `vscode.l10n.t` in the extension. */
  readonly translate?: Translate;
}

type Say = (id: ReportMessageId, ...args: readonly string[]) => string;

function table(head: readonly string[], rows: readonly (readonly string[])[], right: ReadonlySet<number> = new Set()): string[] {
  return [
    `| ${head.join(' | ')} |`,
    `| ${head.map((_, i) => (right.has(i) ? '---:' : '---')).join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ];
}

function releaseState(r: ReleaseRow, t: RenderRef): string {
  if (r.recorded !== undefined) return t(reportMessage('reportReviewedOn', r.recorded));
  const review = reviewMessage(r.review);
  return review ? t(review) : t(reportMessage('reportNoReviewDate'));
}

const VERDICT: Record<string, ReportMessageId> = { met: 'reportVerdictMet', partial: 'reportVerdictPartial', missed: 'reportVerdictMissed' };

/**
 * The report as GitHub-flavoured Markdown: headings, lists and tables that paste into a wiki or
 * pull request. Every text from `.value/` is escaped, so it cannot add markup or raw HTML; so is
 * the report's own (translated) text.
 */
export function renderMarkdown(report: ValueReport, options: MarkdownOptions = {}): string {
  const locale = options.locale ?? 'en';
  const t = renderWith(options.translate);
  // Arguments are markup already (escaped data, numbers); the template text is escaped here.
  const say: Say = (id, ...args) => markup(t, md, id, ...args);
  const money = (m: Money | undefined): string => (m ? md(moneyOf(m, locale, t)) : '—');
  const out: string[] = [];
  const range = report.periodStart !== undefined ? say('reportRange', report.periodStart, report.today) : say('reportUpTo', report.today);
  out.push(`# ${say('reportHeading', md(report.title))}`, '', say('reportPeriodLine', md(describePeriod(report.period, options.translate)), range), '');
  const history = historyLine(report, (id, ...args) => say(id, ...args.map(md)));
  if (history) out.push(history, '');
  out.push(`## ${say('reportHeadline')}`, '');

  const { headline } = report;
  if (headline.money.length === 0) out.push(say('reportNoValueStated'), '');
  else {
    out.push(...table(
      [say('reportColCurrency'), say('reportColPeriod'), say('reportColExpectedTotal'), say('reportColRealisedTotal'), say('reportColExpectedOfReviewed'), say('reportColRealisedShare')],
      headline.money.map((x) => {
        const fmt = (n: number): string => md(moneyText(n, x.currency, x.per, locale, t));
        return [x.currency, md(perText(x.per, t)), fmt(x.expected), fmt(x.realised), fmt(x.expectedOfReviewed), percentText(x.realisedShare)];
      }),
      new Set([2, 3, 4, 5]),
    ), '');
  }
  const v = headline.verdicts;
  const share = (n: number): string => percentText(v.judged === 0 ? null : n / v.judged);
  out.push(`- ${say('reportMdReleasesReviewed', String(headline.releases.reviewed), String(headline.releases.inPeriod))}`);
  const judged = say('reportMdVerdictsOf', String(v.judged));
  out.push(v.judged === 0
    ? `- ${say('reportMdMeasuresNone')}`
    : `- ${say('reportMdMeasures', share(v.met), share(v.partial), share(v.missed), v.none > 0 ? say('reportWithoutVerdict', judged, String(v.none)) : judged)}`);
  const reviews = headline.reviews;
  out.push(`- ${reviews.next !== undefined
    ? say('reportMdReviewsUpcoming', String(reviews.overdue), String(reviews.due), String(reviews.upcoming), reviews.next)
    : say('reportMdReviews', String(reviews.overdue), String(reviews.due))}`);
  const c = headline.coverage;
  out.push(c === null
    ? `- ${say('reportMdCoverageUnavailable', md(report.coverage.available ? '' : report.coverage.reason))}`
    : `- ${say('reportMdCoverage', percentText(c.share), String(c.linked), String(c.commits), String(c.commits - c.linked))}`);
  out.push('', `## ${say('reportReleases')}`, '');

  if (report.releases.length === 0) out.push(say('reportNoReleases'), '');
  for (const r of report.releases) {
    out.push(`### ${md(r.name)} (${md(releaseState(r, t))})`, '', `> ${md(r.summary)}`, '');
    const intents = r.intents.map((i) => (i.known ? md(i.id) : say('reportUnknownIntentId', md(i.id)))).join(', ') || say('reportNone');
    out.push(`- ${r.author !== undefined ? say('reportBranchCreatedBy', md(r.branch), r.created, md(r.author)) : say('reportBranchCreated', md(r.branch), r.created)}`);
    out.push(`- ${say('reportIntentsList', intents)}`);
    out.push(`- ${say('reportExpectedRealised', money(r.expected), money(r.realised))}`);
    if (r.notes !== undefined) out.push(`- ${say('reportNotesLine', md(r.notes))}`);
    out.push('');
    if (r.measures.length > 0) {
      out.push(...table(
        [say('reportColMeasure'), say('reportColBaseline'), say('reportColTarget'), say('reportColActual'), say('reportColOfTheWay'), say('reportColVerdict'), say('reportColReview')],
        r.measures.map((m) => [md(m.metric), numberText(m.baseline, locale), numberText(m.target, locale), numberText(m.actual, locale), percentText(m.progress), m.verdict ? say(VERDICT[m.verdict] ?? 'reportVerdictMet') : '—', m.review ?? '—']),
        new Set([1, 2, 3, 4]),
      ), '');
    }
  }

  out.push(`## ${say('reportIntents')}`, '');
  if (report.intents.length === 0) out.push(say('reportNoIntents'), '');
  else {
    out.push(...table(
      [say('reportColIntent'), say('reportColStatus'), say('reportColOwner'), say('reportColSponsor'), say('reportColMetric'), say('reportColExpected'), say('reportColRealised'), say('reportColReleases'), say('reportColCommits')],
      report.intents.map((i) => {
        const m = i.metric;
        const metric = m ? `${md(m.name)}${m.unit !== undefined ? ` (${md(m.unit)})` : ''}: ${numberText(m.baseline, locale)} → ${numberText(m.target, locale)} → ${m.latest ? `${numberText(m.latest.value, locale)} (${md(m.latest.release)})` : say('reportNotMeasured')}` : '—';
        return [
          `**${md(i.id)}** ${md(i.title)}`,
          i.status,
          md(i.owner),
          i.sponsor !== undefined ? md(i.sponsor) : '—',
          metric,
          i.expected ? `${money(i.expected)}${i.expected.confidence ? ` ${say('reportConfidence', i.expected.confidence)}` : ''}` : '—',
          i.realised.map((x) => money(x)).join('; ') || '—',
          i.releases.map((name, k) => shareOf(md(name), i.releaseShares[k], say)).join(', ') || '—',
          i.commits === null ? '—' : String(i.commits),
        ];
      }),
      new Set([8]),
    ), '', say('reportSeveralIntents'), '');
    if (report.unassigned.length > 0) out.push(say('reportUnassigned', report.unassigned.map((m) => money(m)).join('; ')), '');
  }

  out.push(`## ${say('reportCoverage')}`, '');
  const cov = report.coverage;
  if (!cov.available) out.push(say('reportCoverageUnavailable', md(cov.reason)), '');
  else if (cov.commits === 0) out.push(say('reportNoCommits'), '');
  else {
    out.push(say('reportMdCoverageSentence', String(cov.linked), String(cov.commits), percentText(cov.share), String(cov.unlinked)), '');
    out.push(...table([say('reportColMonth'), say('reportColCommits'), say('reportColLinked'), say('reportColUnlinked'), say('reportColCoverage')], cov.months.map((m) => [m.month, String(m.commits), String(m.linked), String(m.commits - m.linked), percentText(m.share)]), new Set([1, 2, 3, 4])), '');
    if (cov.unknownIds.length > 0) out.push(say('reportUnknownTrailers', cov.unknownIds.map((u) => say('reportCountInParens', md(u.id), String(u.commits))).join(', ')), '');
  }
  const notes = reportNoteTexts(report, t);
  if (notes.length > 0) out.push(`## ${say('reportNotes')}`, '', ...notes.map((n) => `- ${md(n)}`), '');
  return out.join('\n');
}

/** The report model as JSON: the numbers the other outputs show, for scripts and dashboards. */
export function renderJson(report: ValueReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
