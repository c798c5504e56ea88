/** The value model, exactly as PRODUCT.md §1 defines it. Optional lists default to []. */

export const INTENT_STATUSES = ['proposed', 'active', 'delivered', 'dropped'] as const;
export type IntentStatus = (typeof INTENT_STATUSES)[number];

export const CONFIDENCE_LEVELS = ['low', 'medium', 'high'] as const;
export type Confidence = (typeof CONFIDENCE_LEVELS)[number];

export const VALUE_PERIODS = ['once', 'month', 'quarter', 'year'] as const;
export type ValuePeriod = (typeof VALUE_PERIODS)[number];

export const VERDICTS = ['met', 'partial', 'missed'] as const;
export type Verdict = (typeof VERDICTS)[number];

export interface Metric {
  readonly name: string;
  readonly unit?: string;
  readonly baseline?: number;
  readonly target?: number;
}

/** An amount of money, optionally per period (`€120k per year`). */
export interface Money {
  readonly amount: number;
  readonly currency: string;
  readonly per?: ValuePeriod;
}

export interface IntentValue extends Money {
  readonly confidence?: Confidence;
}

export interface Intent {
  readonly id: string;
  readonly title: string;
  readonly why: string;
  readonly owner: string;
  readonly status: IntentStatus;
  readonly sponsor?: string;
  readonly metric?: Metric;
  readonly value?: IntentValue;
  /** gitignore-style globs relative to the workspace folder; `!` excludes. */
  readonly paths: readonly string[];
  /** Branch-name globs. */
  readonly branches: readonly string[];
  /** http(s) links only. */
  readonly links: readonly string[];
}

export interface ExpectedMeasure {
  readonly metric: string;
  readonly baseline?: number;
  readonly target?: number;
  /** ISO date `YYYY-MM-DD` when the outcome should be reviewed. */
  readonly review?: string;
}

export interface OutcomeMeasure {
  readonly metric: string;
  readonly actual?: number;
  readonly verdict?: Verdict;
}

export interface ReleaseStatement {
  readonly release: string;
  readonly branch: string;
  readonly base: string;
  /** ISO date `YYYY-MM-DD`. */
  readonly created: string;
  readonly author?: string;
  readonly expected: {
    readonly summary: string;
    readonly intents: readonly string[];
    /** Weights per intent id that split the release's value between its intents (see report/releaseShares.ts). */
    readonly shares?: Readonly<Record<string, number>>;
    readonly measures: readonly ExpectedMeasure[];
    readonly value?: Money;
  };
  readonly outcome?: {
    readonly recorded: string;
    readonly measures: readonly OutcomeMeasure[];
    readonly value?: Money;
    readonly notes?: string;
  };
}

export interface ValueConfig {
  readonly releaseBranches: readonly string[];
  /** Explicit base branch; when absent: origin/HEAD, else main, else master. */
  readonly baseBranch?: string;
  /** Commit trailer key that links commits to intents. */
  readonly trailer: string;
  readonly currency: string;
}

export const DEFAULT_CONFIG: ValueConfig = {
  releaseBranches: ['release/*', 'hotfix/*'],
  trailer: 'Intent',
  currency: 'EUR',
};
