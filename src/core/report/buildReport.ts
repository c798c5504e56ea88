import type { IntentEntry, ReleaseEntry } from '../model/valueModel';
import type { Money } from '../model/types';
import { reviewState } from '../present/reviewDue';
import type { CoverageMonth, CoverageReport, Headline, HistoryRef, IntentRow, MeasureRow, MoneyTotal, ReleaseRow, ValueReport, VerdictCounts } from './reportModel';
import type { ReportPeriod } from './reportPeriod';
import { inPeriod, periodStart } from './reportPeriod';
import type { ReportMessageRef } from './reportMessages';
import { renderReportMessage, reportMessage } from './reportMessages';
import { perMessage } from './reportText';
import { releaseShares, splitMoney } from './releaseShares';

/** One commit as the report needs it. */
export interface ReportCommit {
  readonly sha: string;
  /** ISO 8601 author date; its day part decides the period and month. */
  readonly date: string;
  readonly trailerIds: readonly string[];
}

/** The commits of one ref's history, or why git could not give them. */
export type ReportCommits =
  | { readonly available: true; readonly ref?: HistoryRef; readonly commits: readonly ReportCommit[] }
  | { readonly available: false; readonly reason: string };

export interface ReportInput {
  readonly title: string;
  /** The slice of the value model the report reads. */
  readonly model: { readonly intents: ReadonlyMap<string, IntentEntry>; readonly releases: readonly ReleaseEntry[] };
  readonly commits: ReportCommits;
  /** YYYY-MM-DD */
  readonly today: string;
  readonly period: ReportPeriod;
}

const sameMetric = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Rounds a sum of decimal amounts back to cents, so 0.1 + 0.2 reads 0.3. */
function roundCents(n: number): number {
  return Number.isFinite(n) && Math.abs(n) < 1e15 ? Math.round(n * 100) / 100 : n;
}

function ratio(part: number, whole: number): number | null {
  return whole === 0 || !Number.isFinite(part) || !Number.isFinite(whole) ? null : part / whole;
}

function moneyKey(m: Money): string {
  return `${m.currency}\u0000${m.per ?? 'unspecified'}`;
}

/** Expected and realised release values summed per currency and period. */
function moneyTotals(releases: readonly ReleaseRow[]): MoneyTotal[] {
  const totals = new Map<string, { currency: string; per: MoneyTotal['per']; expected: number; realised: number; expectedOfReviewed: number }>();
  const slot = (m: Money) => {
    const key = moneyKey(m);
    let t = totals.get(key);
    if (!t) totals.set(key, (t = { currency: m.currency, per: m.per ?? 'unspecified', expected: 0, realised: 0, expectedOfReviewed: 0 }));
    return t;
  };
  for (const r of releases) {
    if (r.expected) slot(r.expected).expected += r.expected.amount;
    if (r.realised) {
      slot(r.realised).realised += r.realised.amount;
      // Compare like with like: only an expectation in the same currency and period.
      if (r.expected && moneyKey(r.expected) === moneyKey(r.realised)) slot(r.expected).expectedOfReviewed += r.expected.amount;
    }
  }
  const order = ['once', 'month', 'quarter', 'year', 'unspecified'];
  return [...totals.values()]
    .sort((a, b) => a.currency.localeCompare(b.currency) || order.indexOf(a.per) - order.indexOf(b.per))
    .map((t) => {
      const expected = roundCents(t.expected);
      const realised = roundCents(t.realised);
      const expectedOfReviewed = roundCents(t.expectedOfReviewed);
      const overflow = ![expected, realised, expectedOfReviewed].every(Number.isFinite);
      return { currency: t.currency, per: t.per, expected, realised, expectedOfReviewed, realisedShare: overflow ? null : ratio(realised, expectedOfReviewed), overflow };
    });
}

function progressOf(baseline: number | undefined, target: number | undefined, actual: number | undefined): number | undefined {
  if (baseline === undefined || target === undefined || actual === undefined || target === baseline) return undefined;
  const p = (actual - baseline) / (target - baseline);
  // Six decimals: 2.25 of 2.1 → 2.3 reads 0.75, not 0.7500000000000006.
  return Number.isFinite(p) ? Math.round(p * 1e6) / 1e6 : undefined;
}

function releaseRow(entry: ReleaseEntry, intents: ReadonlyMap<string, IntentEntry>, today: string): ReleaseRow {
  const s = entry.statement;
  const outcome = s.outcome;
  const measures: MeasureRow[] = s.expected.measures.map((m) => {
    const actual = outcome?.measures.find((o) => sameMetric(o.metric, m.metric));
    const progress = progressOf(m.baseline, m.target, actual?.actual);
    return {
      metric: m.metric,
      ...(m.baseline !== undefined ? { baseline: m.baseline } : {}),
      ...(m.target !== undefined ? { target: m.target } : {}),
      ...(m.review !== undefined ? { review: m.review } : {}),
      ...(actual?.actual !== undefined ? { actual: actual.actual } : {}),
      ...(actual?.verdict !== undefined ? { verdict: actual.verdict } : {}),
      ...(progress !== undefined ? { progress } : {}),
    };
  });
  // Measures recorded at review that were not stated up front still belong in the report.
  for (const o of outcome?.measures ?? []) {
    if (s.expected.measures.some((m) => sameMetric(m.metric, o.metric))) continue;
    measures.push({ metric: o.metric, ...(o.actual !== undefined ? { actual: o.actual } : {}), ...(o.verdict !== undefined ? { verdict: o.verdict } : {}) });
  }
  return {
    name: entry.name,
    release: s.release,
    branch: s.branch,
    file: entry.file,
    created: s.created,
    ...(s.author !== undefined ? { author: s.author } : {}),
    summary: s.expected.summary,
    intents: s.expected.intents.map((id) => ({ id, known: intents.has(id) })),
    shares: releaseShares(s.expected.intents.filter((id) => intents.has(id)), s.expected.shares, (id) => intents.get(id)?.intent.value),
    measures,
    ...(s.expected.value ? { expected: s.expected.value } : {}),
    ...(outcome?.value ? { realised: outcome.value } : {}),
    ...(outcome ? { recorded: outcome.recorded } : {}),
    ...(outcome?.notes !== undefined ? { notes: outcome.notes } : {}),
    review: reviewState(s, today),
  };
}

function reviewCounts(releases: readonly ReleaseRow[]): Headline['reviews'] {
  const upcoming = releases.flatMap((r) => (r.review.kind === 'upcoming' ? [r.review.date] : [])).sort();
  return {
    due: releases.filter((r) => r.review.kind === 'due').length,
    overdue: releases.filter((r) => r.review.kind === 'overdue').length,
    upcoming: upcoming.length,
    ...(upcoming[0] !== undefined ? { next: upcoming[0] } : {}),
  };
}

function verdictCounts(releases: readonly ReleaseRow[]): VerdictCounts {
  const counts = { met: 0, partial: 0, missed: 0, none: 0 };
  for (const r of releases) {
    if (r.recorded === undefined) continue;
    for (const m of r.measures) {
      if (m.verdict) counts[m.verdict] += 1;
      else if (m.actual !== undefined) counts.none += 1;
    }
  }
  return { ...counts, judged: counts.met + counts.partial + counts.missed };
}

/** Sums money per currency and period for one intent's releases. */
function sumMoney(values: readonly Money[]): Money[] {
  const sums = new Map<string, Money>();
  for (const m of values) {
    const prev = sums.get(moneyKey(m));
    sums.set(moneyKey(m), prev ? { ...prev, amount: roundCents(prev.amount + m.amount) } : { ...m });
  }
  return [...sums.values()];
}

/** Each release's realised value split between its intents, by release name and intent id. */
function creditedValues(releases: readonly ReleaseRow[]): Map<string, Map<string, Money>> {
  return new Map(releases.flatMap((r) => (r.realised && r.shares.length > 0 ? [[r.name, splitMoney(r.realised, r.shares)] as const] : [])));
}

function intentRow(entry: IntentEntry, served: readonly ReleaseRow[], commits: number | null, credited: ReadonlyMap<string, ReadonlyMap<string, Money>>): IntentRow {
  const i = entry.intent;
  let metric: IntentRow['metric'];
  if (i.metric) {
    const m = i.metric;
    // The most recent review that recorded an actual for this intent's metric.
    const latest = served
      .filter((r) => r.recorded !== undefined)
      .flatMap((r) => r.measures.filter((x) => sameMetric(x.metric, m.name) && x.actual !== undefined).map((x) => ({ value: x.actual as number, release: r.name, recorded: r.recorded as string })))
      .sort((a, b) => b.recorded.localeCompare(a.recorded))[0];
    metric = {
      name: m.name,
      ...(m.unit !== undefined ? { unit: m.unit } : {}),
      ...(m.baseline !== undefined ? { baseline: m.baseline } : {}),
      ...(m.target !== undefined ? { target: m.target } : {}),
      ...(latest ? { latest } : {}),
    };
  }
  return {
    id: i.id,
    title: i.title,
    status: i.status,
    owner: i.owner,
    ...(i.sponsor !== undefined ? { sponsor: i.sponsor } : {}),
    file: entry.file,
    ...(metric ? { metric } : {}),
    ...(i.value ? { expected: i.value } : {}),
    realised: sumMoney(served.flatMap((r) => {
      const part = credited.get(r.name)?.get(i.id);
      return part ? [part] : [];
    })),
    releases: served.map((r) => r.name),
    releaseShares: served.map((r) => r.shares.find((s) => s.id === i.id)?.share ?? 0),
    commits,
  };
}

function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  let [y, m] = first.split('-').map(Number) as [number, number];
  const [ly, lm] = last.split('-').map(Number) as [number, number];
  // Bounded: a commit dated in year 9999 must not make a million-month loop.
  while ((y < ly || (y === ly && m <= lm)) && months.length < 1200) {
    months.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return months;
}

function coverageReport(commits: ReportCommits, known: ReadonlySet<string>, start: string | undefined): { report: CoverageReport; perIntent: Map<string, number> } {
  const perIntent = new Map<string, number>();
  if (!commits.available) return { report: { available: false, reason: commits.reason }, perIntent };
  const inside = commits.commits.filter((c) => /^\d{4}-\d{2}-\d{2}/.test(c.date) && inPeriod(c.date, start));
  const byMonth = new Map<string, { commits: number; linked: number }>();
  const unknown = new Map<string, number>();
  let linked = 0;
  for (const c of inside) {
    // The rule of coverage.ts: linked iff a trailer names at least one existing intent.
    const ids = c.trailerIds.filter((id) => known.has(id));
    for (const id of ids) perIntent.set(id, (perIntent.get(id) ?? 0) + 1);
    for (const id of c.trailerIds) if (!known.has(id)) unknown.set(id, (unknown.get(id) ?? 0) + 1);
    const month = c.date.slice(0, 7);
    const slot = byMonth.get(month) ?? { commits: 0, linked: 0 };
    slot.commits += 1;
    if (ids.length > 0) {
      slot.linked += 1;
      linked += 1;
    }
    byMonth.set(month, slot);
  }
  const keys = [...byMonth.keys()].sort();
  const months: CoverageMonth[] = keys.length === 0 ? [] : monthsBetween(keys[0]!, keys[keys.length - 1]!).map((month) => {
    const s = byMonth.get(month) ?? { commits: 0, linked: 0 };
    return { month, commits: s.commits, linked: s.linked, share: ratio(s.linked, s.commits) };
  });
  return {
    report: {
      available: true,
      ...(commits.ref ? { ref: commits.ref } : {}),
      commits: inside.length,
      linked,
      unlinked: inside.length - linked,
      share: ratio(linked, inside.length),
      months,
      unknownIds: [...unknown].map(([id, n]) => ({ id, commits: n })).sort((a, b) => b.commits - a.commits || a.id.localeCompare(b.id)),
    },
    perIntent,
  };
}

/**
 * Builds the value report. A release belongs to the period when it was created or reviewed in
 * it; intents are always listed, with the releases and commits of the period. Money is summed
 * per currency and period only. Reviews due/overdue count every release, whatever the period,
 * because an overdue review is news today.
 */
export function buildReport(input: ReportInput): ValueReport {
  const { model, today, period } = input;
  const start = periodStart(period, today);
  const all = model.releases.map((r) => releaseRow(r, model.intents, today));
  const releases = all.filter((r) => inPeriod(r.created, start) || (r.recorded !== undefined && inPeriod(r.recorded, start)));
  const known = new Set(model.intents.keys());
  const { report: coverage, perIntent } = coverageReport(input.commits, known, start);

  const credited = creditedValues(releases);
  const intents = [...model.intents.values()]
    .sort((a, b) => a.intent.id.localeCompare(b.intent.id))
    .map((entry) => intentRow(entry, releases.filter((r) => r.intents.some((i) => i.id === entry.intent.id)), coverage.available ? (perIntent.get(entry.intent.id) ?? 0) : null, credited));
  const unassigned = sumMoney(releases.flatMap((r) => (r.realised && r.shares.length === 0 ? [r.realised] : [])));

  const headline: Headline = {
    money: moneyTotals(releases),
    releases: { inPeriod: releases.length, reviewed: releases.filter((r) => r.recorded !== undefined).length },
    verdicts: verdictCounts(releases),
    reviews: reviewCounts(all),
    coverage: coverage.available ? { commits: coverage.commits, linked: coverage.linked, share: coverage.share } : null,
  };

  const notes = reportNotes(releases, coverage, input.commits, today);
  const report: ValueReport = {
    title: input.title,
    today,
    period,
    ...(start !== undefined ? { periodStart: start } : {}),
    headline,
    intents,
    unassigned,
    releases,
    coverage,
    notes: notes.map((n) => renderReportMessage(n)),
  };
  noteMessages.set(report, notes);
  return report;
}

/**
 * The notes of reports made here, as messages: `notes` in the model stays English text (the JSON
 * output is data), while the renderers show these in the display language.
 */
const noteMessages = new WeakMap<ValueReport, readonly ReportMessageRef[]>();

/** The report's notes through `translate`; a report not made by buildReport (read from JSON) keeps its text. */
export function reportNoteTexts(report: ValueReport, translate: (ref: ReportMessageRef) => string): readonly string[] {
  return noteMessages.get(report)?.map(translate) ?? report.notes;
}

/** `EUR per year`, `EUR once`, or `EUR` without a period. */
function moneyKind(m: Money): ReportMessageRef | string {
  return m.per ? reportMessage('reportCurrencyPer', m.currency, perMessage(m.per)) : m.currency;
}

function reportNotes(releases: readonly ReleaseRow[], coverage: CoverageReport, commits: ReportCommits, today: string): ReportMessageRef[] {
  const notes: ReportMessageRef[] = [];
  for (const r of releases) {
    for (const i of r.intents) if (!i.known) notes.push(reportMessage('reportNoteUnknownIntent', r.name, i.id));
    if (r.created > today) notes.push(reportMessage('reportNoteCreatedFuture', r.name, r.created));
    if (r.recorded !== undefined && r.recorded > today) notes.push(reportMessage('reportNoteRecordedFuture', r.name, r.recorded));
    if (r.recorded !== undefined && !r.realised && r.expected) notes.push(reportMessage('reportNoteNoRealised', r.name));
    if (r.expected && r.realised && moneyKey(r.expected) !== moneyKey(r.realised)) {
      notes.push(reportMessage('reportNoteMoneyChanged', r.name, moneyKind(r.expected), moneyKind(r.realised)));
    }
  }
  if (coverage.available) {
    for (const u of coverage.unknownIds) notes.push(u.commits === 1 ? reportMessage('reportNoteUnknownTrailerOne', u.id) : reportMessage('reportNoteUnknownTrailer', u.commits, u.id));
    if (commits.available && commits.commits.some((c) => c.date.slice(0, 10) > today)) notes.push(reportMessage('reportNoteCommitsFuture'));
  }
  return notes;
}
