import type { MessageRef, Translate } from '../present/messages';
import { fillTemplate, renderMessage } from '../present/messages';

/**
 * Every English sentence of the value report's body, by id, as `MESSAGES` in present/messages.ts
 * holds the rest: `{0}`, `{1}`… are filled in order; the CLI renders them as they are and the
 * extension passes the template to `vscode.l10n.t` (`npm run l10n` copies them into the bundle).
 * They live here, not in MESSAGES, because every bundle of the extension carries MESSAGES and
 * only the report bundle needs these (the package has a size budget).
 */
export const REPORT_MESSAGES = {
  reportHeading: 'Value report: {0}',
  reportPeriodLine: 'Period: {0} ({1}).',
  reportHistoryLine: 'Value coverage counts the history of {0} at {1}.',
  reportHistoryLineUnborn: 'Value coverage counts the history of {0}, which has no commits yet.',
  reportRange: '{0} to {1}',
  reportUpTo: 'up to {0}',
  reportHeadline: 'Headline',
  reportReleases: 'Releases',
  reportIntents: 'Intents',
  reportCoverage: 'Value coverage',
  reportNotes: 'Notes on the data',
  reportNoValueStated: 'No release in this period states a value.',
  reportNoReleases: 'No release was created or reviewed in this period.',
  reportNoIntents: 'No intents yet.',
  reportNoCommits: 'No commits in this period.',
  reportCoverageUnavailable: 'Commit coverage is unavailable: {0}',
  reportUnknownTrailers: 'Trailers that name no intent: {0}',
  reportCountInParens: '{0} ({1})',
  reportSeveralIntents: 'A release that serves several intents is split between them: by the shares its statement gives, else in proportion to the intents\' expected values, else equally. The realised column adds up to the headline.',
  reportUnassigned: 'Realised value of releases that name no intent: {0}.',
  reportReleaseShare: '{0} ({1})',
  // Money and periods
  reportTooLarge: 'too large to add up ({0})',
  reportMoneyPer: '{0} {1}',
  reportCurrencyPer: '{0} {1}',
  reportPerOnce: 'once',
  reportPerMonth: 'per month',
  reportPerQuarter: 'per quarter',
  reportPerYear: 'per year',
  reportNoPeriodGiven: 'no period given',
  reportVerdictMet: 'met',
  reportVerdictPartial: 'partial',
  reportVerdictMissed: 'missed',
  // Headline cards (HTML) and lines (Markdown)
  reportColCurrency: 'Currency',
  reportColPeriod: 'Period',
  reportColExpectedTotal: 'Expected',
  reportColRealisedTotal: 'Realised',
  reportColExpectedOfReviewed: 'Expected of reviewed releases',
  reportColRealisedShare: 'Realised share',
  reportCardValue: 'Value',
  reportCardMoneyTitle: '{0} · {1}',
  reportCardExpected: '{0} expected',
  reportCardRealised: '{0} realised',
  reportCardRealisedShare: '{0} of the {1} expected of the releases reviewed',
  reportCardNoRealised: 'No release has recorded a realised value yet.',
  reportCardReleasesReviewed: 'Releases reviewed',
  reportCardReviewedOf: '{0} of {1} in the period',
  reportCardMeasures: 'Measures',
  reportCardNoVerdict: 'No measure has a verdict yet.',
  reportCardVerdictsOfOne: 'of {0} measure with a verdict',
  reportCardVerdictsOf: 'of {0} measures with a verdict',
  reportWithoutVerdict: '{0}; {1} without one',
  reportCardReviews: 'Reviews',
  reportCardReviewsCount: '{0} overdue · {1} due today',
  reportCardReviewsUpcoming: '{0} upcoming (next: {1})',
  reportCardReviewsSub: 'releases waiting for their outcome, today',
  reportCardUnavailable: 'unavailable',
  reportCardCoverageShare: '{0} of commits linked',
  reportCardCoverageSub: '{0} of {1} commits; {2} not linked to an intent',
  reportMdReleasesReviewed: 'Releases reviewed: {0} of {1} in the period',
  reportMdMeasuresNone: 'Measures: no verdict yet',
  reportMdMeasures: 'Measures: met {0}, partial {1}, missed {2} ({3})',
  reportMdVerdictsOf: 'of {0} with a verdict',
  reportMdReviews: 'Reviews: {0} overdue, {1} due today',
  reportMdReviewsUpcoming: 'Reviews: {0} overdue, {1} due today, {2} upcoming (next: {3})',
  reportMdCoverageUnavailable: 'Value coverage: unavailable ({0})',
  reportMdCoverage: 'Value coverage: {0} of commits linked ({1} of {2}); {3} not linked to an intent',
  // Releases
  reportReviewedOn: 'reviewed {0}',
  reportNoReviewDate: 'no review date',
  reportNone: 'none',
  reportUnknownIntentId: '{0} (unknown)',
  reportBranchCreated: 'Branch: {0}; created {1}',
  reportBranchCreatedBy: 'Branch: {0}; created {1} by {2}',
  reportIntentsList: 'Intents: {0}',
  reportExpectedRealised: 'Expected value: {0}; realised value: {1}',
  reportNotesLine: 'Notes: {0}',
  reportNotesLabel: 'Notes:',
  reportBranch: 'Branch',
  reportCreated: 'Created',
  reportCreatedBy: '{0} by {1}',
  reportExpectedValue: 'Expected value',
  reportRealisedValue: 'Realised value',
  reportNoMeasures: 'No measures stated.',
  reportColMeasure: 'Measure',
  reportColBaseline: 'Baseline',
  reportColTarget: 'Target',
  reportColActual: 'Actual',
  reportColOfTheWay: 'Of the way',
  reportColVerdict: 'Verdict',
  reportColReview: 'Review',
  // Intents table
  reportColIntent: 'Intent',
  reportColStatus: 'Status',
  reportColOwner: 'Owner',
  reportColSponsor: 'Sponsor',
  reportColMetric: 'Metric: baseline → target → latest',
  reportColExpected: 'Expected value',
  reportColRealised: 'Realised (releases in period)',
  reportColReleases: 'Releases',
  reportColCommits: 'Commits',
  reportNotMeasured: 'not measured',
  reportConfidence: '({0} confidence)',
  reportUnknownIntentTitle: 'No intent has this id',
  reportOpenIntentTitle: "Open the intent's YAML",
  reportOpenReleaseTitle: 'Open the value statement',
  // Coverage
  reportColMonth: 'Month',
  reportColLinked: 'Linked',
  reportColUnlinked: 'Unlinked',
  reportColCoverage: 'Coverage',
  reportCoverageSentence: '{0} of {1} commits in the period name an intent in a trailer ({2}); {3} ({4}) are not linked to an intent. Merge commits, and commits that change only .value/, are not counted.',
  reportMdCoverageSentence: '{0} of {1} commits in the period name an intent in a trailer ({2}); {3} are not linked to an intent. Merge commits, and commits that change only .value/, are not counted.',
  reportCoverageCaption: 'Linked share of commits per month',
  // Charts
  reportChartCoverageTitle: 'Share of commits linked to an intent, per month',
  reportChartPointTitle: '{0}: {1} linked',
  reportChartValueTitle: 'Expected vs realised value per release, {0} {1}',
  reportChartValueCaption: 'Expected vs realised per release, {0} {1}',
  reportChartExpectedBar: '{0}: expected {1}',
  reportChartRealisedBar: '{0}: realised {1}',
  reportChartExpected: 'expected',
  reportChartRealised: 'realised',
  // Notes on the data (report/buildReport)
  reportNoteUnknownIntent: 'Release {0} names intent "{1}", which does not exist (deleted or renamed).',
  reportNoteCreatedFuture: 'Release {0} is dated {1}, after today.',
  reportNoteRecordedFuture: 'The outcome of release {0} is recorded on {1}, after today.',
  reportNoteNoRealised: 'Release {0} was reviewed without a realised value; its expected value is not compared.',
  reportNoteMoneyChanged: 'Release {0} expected {1} but recorded {2}; the two are not compared.',
  reportNoteUnknownTrailerOne: '1 commit names intent "{0}" in a trailer, which does not exist; it counts as unlinked.',
  reportNoteUnknownTrailer: '{0} commits name intent "{1}" in a trailer, which does not exist; they count as unlinked.',
  reportNoteCommitsFuture: 'Some commits are dated after today.',
  reportNotARepository: 'the folder is not a git repository.',
  reportNoSuchRef: 'there is no branch, tag or commit named "{0}".',
} as const;

export type ReportMessageId = keyof typeof REPORT_MESSAGES;

/** An argument: data shown as it is, a report message, or a core message (review due, period). */
export type ReportMessageArg = string | number | ReportMessageRef | MessageRef;

/** A report message as data: the renderers write it in English or through the extension's translator. */
export interface ReportMessageRef {
  readonly report: ReportMessageId;
  readonly args: readonly ReportMessageArg[];
}

export function reportMessage(id: ReportMessageId, ...args: ReportMessageArg[]): ReportMessageRef {
  return { report: id, args };
}

/** The message as text: nested messages first, then the template through `translate` (English by default). */
export function renderReportMessage(ref: ReportMessageRef | MessageRef, translate: Translate = fillTemplate): string {
  if (!('report' in ref)) return renderMessage(ref, translate);
  const args = ref.args.map((a) => (typeof a === 'object' ? renderReportMessage(a, translate) : a));
  return translate(REPORT_MESSAGES[ref.report], args);
}
