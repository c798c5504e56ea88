import type { Confidence, IntentStatus, Money, ValuePeriod, Verdict } from '../model/types';
import type { ReviewState } from '../present/reviewDue';
import type { ReportPeriod } from './reportPeriod';
import type { IntentShare } from './releaseShares';

/** The report: one model that every output (webview, HTML, Markdown, JSON) renders. */
export interface ValueReport {
  /** Name of the workspace folder or repository the report is about. */
  readonly title: string;
  /** YYYY-MM-DD the report was made for. */
  readonly today: string;
  readonly period: ReportPeriod;
  /** First day of the period; absent for `all`. */
  readonly periodStart?: string;
  readonly headline: Headline;
  readonly intents: readonly IntentRow[];
  /**
   * Realised value of releases in the period that name no known intent: with the intents'
   * `realised`, it adds up to the headline's realised value per currency and period.
   */
  readonly unassigned: readonly Money[];
  /** Releases created or reviewed in the period, in version order. */
  readonly releases: readonly ReleaseRow[];
  readonly coverage: CoverageReport;
  /** Things in the data the reader should know about (unknown intents, future dates, …). */
  readonly notes: readonly string[];
}

/** Money per currency and period; amounts in different currencies or periods are never added up. */
export interface MoneyTotal {
  readonly currency: string;
  /** `unspecified` when the statements give no period. */
  readonly per: ValuePeriod | 'unspecified';
  /** Sum of expected values of the releases in the period. */
  readonly expected: number;
  /** Sum of realised values recorded at review. */
  readonly realised: number;
  /** Sum of expected values of the releases that recorded a realised value: what `realised` compares with. */
  readonly expectedOfReviewed: number;
  /** realised / expectedOfReviewed; null when nothing was expected of reviewed releases. */
  readonly realisedShare: number | null;
  /** True when a sum does not fit a number: show "too large", not Infinity. */
  readonly overflow: boolean;
}

export interface VerdictCounts {
  readonly met: number;
  readonly partial: number;
  readonly missed: number;
  /** Outcome measures recorded without a verdict. */
  readonly none: number;
  /** met + partial + missed: the denominator of the shares. */
  readonly judged: number;
}

export interface Headline {
  readonly money: readonly MoneyTotal[];
  readonly releases: { readonly inPeriod: number; readonly reviewed: number };
  readonly verdicts: VerdictCounts;
  /**
   * Releases without an outcome whose first review date is past (overdue), today (due) or to come
   * (upcoming, with the nearest date); every release counts, whatever the period.
   */
  readonly reviews: { readonly due: number; readonly overdue: number; readonly upcoming: number; readonly next?: string };
  /** Linked share of the commits in the period; null when git could not be read or there are no commits. */
  readonly coverage: { readonly commits: number; readonly linked: number; readonly share: number | null } | null;
}

export interface MetricRow {
  readonly name: string;
  readonly unit?: string;
  readonly baseline?: number;
  readonly target?: number;
  /** The actual value recorded for this metric by the latest reviewed release that served the intent. */
  readonly latest?: { readonly value: number; readonly release: string; readonly recorded: string };
}

export interface IntentRow {
  readonly id: string;
  readonly title: string;
  readonly status: IntentStatus;
  readonly owner: string;
  readonly sponsor?: string;
  /** Workspace-relative YAML file. */
  readonly file: string;
  readonly metric?: MetricRow;
  /** The intent's own statement of what it is worth. */
  readonly expected?: Money & { readonly confidence?: Confidence };
  /**
   * Its part of the realised values of the releases in the period that served it: a release
   * serving several intents is split between them (see `ReleaseRow.shares`), never counted twice.
   */
  readonly realised: readonly Money[];
  /** Names of the releases in the period that served it. */
  readonly releases: readonly string[];
  /** Its share of each of those releases (1 when it is the release's only intent), in the same order. */
  readonly releaseShares: readonly number[];
  /** Commits in the period whose trailers name it; null when git could not be read. */
  readonly commits: number | null;
}

export interface MeasureRow {
  readonly metric: string;
  readonly baseline?: number;
  readonly target?: number;
  readonly review?: string;
  readonly actual?: number;
  readonly verdict?: Verdict;
  /** How far the actual went from baseline to target (1 = target reached); absent when it cannot be said (no baseline, target = baseline). */
  readonly progress?: number;
}

export interface ReleaseRow {
  /** Entry name (file name without .yaml). */
  readonly name: string;
  readonly release: string;
  readonly branch: string;
  readonly file: string;
  readonly created: string;
  readonly author?: string;
  readonly summary: string;
  readonly intents: readonly { readonly id: string; readonly known: boolean }[];
  /** How its value is split between its known intents, and by which rule; empty when it names none. */
  readonly shares: readonly IntentShare[];
  readonly measures: readonly MeasureRow[];
  readonly expected?: Money;
  readonly realised?: Money;
  readonly recorded?: string;
  readonly notes?: string;
  readonly review: ReviewState;
}

export interface CoverageMonth {
  /** YYYY-MM */
  readonly month: string;
  readonly commits: number;
  readonly linked: number;
  /** linked / commits; null for a month without commits. */
  readonly share: number | null;
}

/** The branch, tag or commit whose history coverage counts, and the commit it was at. */
export interface HistoryRef {
  readonly name: string;
  /** Absent on a branch without commits yet. */
  readonly sha?: string;
}

export type CoverageReport =
  | {
      readonly available: true;
      /** Whose history: the base branch by default, so the checked-out branch does not change the figure. */
      readonly ref?: HistoryRef;
      readonly commits: number;
      readonly linked: number;
      /** Commits not linked to an intent (merges and `.value/`-only commits are not counted at all). */
      readonly unlinked: number;
      readonly share: number | null;
      /** Every month from the first to the last commit in the period, empty months included. */
      readonly months: readonly CoverageMonth[];
      /** Trailer ids that name no intent, with how many commits name each. */
      readonly unknownIds: readonly { readonly id: string; readonly commits: number }[];
    }
  | { readonly available: false; readonly reason: string };
