import type { Money } from '../model/types';
import { describeReview } from '../present/reviewDue';
import type { ReleaseRow, ValueReport } from './reportModel';
import { describePeriod } from './reportPeriod';
import { escapeMarkdown as md, moneyOf, moneyText, numberText, percentText, perText } from './reportText';

function table(head: readonly string[], rows: readonly (readonly string[])[], right: ReadonlySet<number> = new Set()): string[] {
  return [
    `| ${head.join(' | ')} |`,
    `| ${head.map((_, i) => (right.has(i) ? '---:' : '---')).join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ];
}

function money(m: Money | undefined, locale: string): string {
  return m ? md(moneyOf(m, locale)) : '—';
}

function releaseState(r: ReleaseRow): string {
  if (r.recorded !== undefined) return `reviewed ${r.recorded}`;
  return describeReview(r.review) ?? 'no review date';
}

/**
 * The report as GitHub-flavoured Markdown: headings, lists and tables that paste into a wiki or
 * pull request. Every text from `.value/` is escaped, so it cannot add markup or raw HTML.
 */
export function renderMarkdown(report: ValueReport, options: { readonly locale?: string } = {}): string {
  const locale = options.locale ?? 'en';
  const out: string[] = [];
  const range = report.periodStart !== undefined ? `${report.periodStart} to ${report.today}` : `up to ${report.today}`;
  out.push(`# Value report: ${md(report.title)}`, '', `Period: ${describePeriod(report.period)} (${range}).`, '', '## Headline', '');

  const { headline } = report;
  if (headline.money.length === 0) out.push('No release in this period states a value.', '');
  else {
    out.push(...table(
      ['Currency', 'Period', 'Expected', 'Realised', 'Expected of reviewed releases', 'Realised share'],
      headline.money.map((t) => {
        const fmt = (n: number): string => md(moneyText(n, t.currency, t.per, locale));
        return [t.currency, perText(t.per), fmt(t.expected), fmt(t.realised), fmt(t.expectedOfReviewed), percentText(t.realisedShare)];
      }),
      new Set([2, 3, 4, 5]),
    ), '');
  }
  const v = headline.verdicts;
  const share = (n: number): string => percentText(v.judged === 0 ? null : n / v.judged);
  out.push(`- Releases reviewed: ${headline.releases.reviewed} of ${headline.releases.inPeriod} in the period`);
  out.push(v.judged === 0
    ? '- Measures: no verdict yet'
    : `- Measures: met ${share(v.met)}, partial ${share(v.partial)}, missed ${share(v.missed)} (of ${v.judged} with a verdict${v.none > 0 ? `; ${v.none} without one` : ''})`);
  out.push(`- Reviews: ${headline.reviews.overdue} overdue, ${headline.reviews.due} due`);
  const c = headline.coverage;
  out.push(c === null
    ? `- Value coverage: unavailable (${md(report.coverage.available ? '' : report.coverage.reason)})`
    : `- Value coverage: ${percentText(c.share)} of commits linked (${c.linked} of ${c.commits}); ${c.commits - c.linked} unlinked: work we cannot explain`);
  out.push('', '## Releases', '');

  if (report.releases.length === 0) out.push('No release was created or reviewed in this period.', '');
  for (const r of report.releases) {
    out.push(`### ${md(r.name)} (${md(releaseState(r))})`, '', `> ${md(r.summary)}`, '');
    const intents = r.intents.map((i) => (i.known ? md(i.id) : `${md(i.id)} (unknown)`)).join(', ') || 'none';
    out.push(`- Branch: ${md(r.branch)}; created ${r.created}${r.author !== undefined ? ` by ${md(r.author)}` : ''}`);
    out.push(`- Intents: ${intents}`);
    out.push(`- Expected value: ${money(r.expected, locale)}; realised value: ${money(r.realised, locale)}`);
    if (r.notes !== undefined) out.push(`- Notes: ${md(r.notes)}`);
    out.push('');
    if (r.measures.length > 0) {
      out.push(...table(
        ['Measure', 'Baseline', 'Target', 'Actual', 'Of the way', 'Verdict', 'Review'],
        r.measures.map((m) => [md(m.metric), numberText(m.baseline, locale), numberText(m.target, locale), numberText(m.actual, locale), percentText(m.progress), m.verdict ?? '—', m.review ?? '—']),
        new Set([1, 2, 3, 4]),
      ), '');
    }
  }

  out.push('## Intents', '');
  if (report.intents.length === 0) out.push('No intents yet.', '');
  else {
    out.push(...table(
      ['Intent', 'Status', 'Owner', 'Sponsor', 'Metric: baseline → target → latest', 'Expected value', 'Realised (releases in period)', 'Releases', 'Commits'],
      report.intents.map((i) => {
        const m = i.metric;
        const metric = m ? `${md(m.name)}${m.unit !== undefined ? ` (${md(m.unit)})` : ''}: ${numberText(m.baseline, locale)} → ${numberText(m.target, locale)} → ${m.latest ? `${numberText(m.latest.value, locale)} (${md(m.latest.release)})` : 'not measured'}` : '—';
        return [
          `**${md(i.id)}** ${md(i.title)}`,
          i.status,
          md(i.owner),
          i.sponsor !== undefined ? md(i.sponsor) : '—',
          metric,
          i.expected ? `${money(i.expected, locale)}${i.expected.confidence ? ` (${i.expected.confidence} confidence)` : ''}` : '—',
          i.realised.map((x) => money(x, locale)).join('; ') || '—',
          i.releases.map(md).join(', ') || '—',
          i.commits === null ? '—' : String(i.commits),
        ];
      }),
      new Set([8]),
    ), '', 'A release that serves several intents counts toward each of them here; the headline counts it once.', '');
  }

  out.push('## Value coverage', '');
  const cov = report.coverage;
  if (!cov.available) out.push(`Commit coverage is unavailable: ${md(cov.reason)}`, '');
  else if (cov.commits === 0) out.push('No commits in this period.', '');
  else {
    out.push(`${cov.linked} of ${cov.commits} commits in the period name an intent in a trailer (${percentText(cov.share)}); ${cov.unlinked} do not. Merge commits are not counted.`, '');
    out.push(...table(['Month', 'Commits', 'Linked', 'Unlinked', 'Coverage'], cov.months.map((m) => [m.month, String(m.commits), String(m.linked), String(m.commits - m.linked), percentText(m.share)]), new Set([1, 2, 3, 4])), '');
    if (cov.unknownIds.length > 0) out.push(`Trailers that name no intent: ${cov.unknownIds.map((u) => `${md(u.id)} (${u.commits})`).join(', ')}`, '');
  }
  if (report.notes.length > 0) out.push('## Notes on the data', '', ...report.notes.map((n) => `- ${md(n)}`), '');
  return out.join('\n');
}

/** The report model as JSON: the numbers the other outputs show, for scripts and dashboards. */
export function renderJson(report: ValueReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
