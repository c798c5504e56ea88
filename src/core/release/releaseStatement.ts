import { Document, Scalar, isCollection, parse, visit } from 'yaml';
import type { ExpectedMeasure, Intent, Money, OutcomeMeasure, ReleaseStatement, ValuePeriod } from '../model/types';
import { needsQuotesForOldParsers } from '../yaml/yamlEdits';
import type { YamlValue } from '../yaml/yamlEdits';
import type { Ownership } from '../yaml/editsToward';

/** What the create-release and state-expected-value flows collect. */
export interface ExpectedAnswers {
  readonly release: string;
  readonly branch: string;
  readonly base: string;
  /** ISO date. */
  readonly created: string;
  readonly author?: string;
  readonly summary: string;
  readonly intents: readonly string[];
  readonly measures: readonly ExpectedMeasure[];
  readonly value?: Money;
}

/** The statement as it will be written: answers with blank optional parts left out. */
export function buildReleaseStatement(answers: ExpectedAnswers): ReleaseStatement {
  const measures = answers.measures.map((m) => withoutUndefined(m) as unknown as ExpectedMeasure);
  return {
    release: answers.release,
    branch: answers.branch,
    base: answers.base,
    created: answers.created,
    ...(answers.author ? { author: answers.author } : {}),
    expected: {
      summary: answers.summary.trim(),
      intents: [...answers.intents],
      measures,
      ...(answers.value ? { value: withoutUndefined(answers.value) as unknown as Money } : {}),
    },
  };
}

/**
 * The text of `.value/releases/<name>.yaml`: a short comment, then the statement in the order of
 * PRODUCT.md §1, each measure and the value as a one-line flow map; an empty `measures` list is
 * left out. Parsing it with `yaml` gives the statement back (versions like `2.10` stay strings).
 */
export function renderReleaseYaml(statement: ReleaseStatement): string {
  const data: Record<string, unknown> = {
    release: statement.release,
    branch: statement.branch,
    base: statement.base,
    created: statement.created,
    ...(statement.author ? { author: statement.author } : {}),
    expected: {
      summary: statement.expected.summary,
      intents: [...statement.expected.intents],
      ...(statement.expected.measures.length > 0 ? { measures: statement.expected.measures.map(withoutUndefined) } : {}),
      ...(statement.expected.value ? { value: withoutUndefined(statement.expected.value) } : {}),
    },
  };
  const doc = new Document(data);
  doc.commentBefore = ` Value statement for release ${statement.release}: what it is expected to deliver.\n Record what it did with "Value: Record Release Outcome…" after the review date.`;
  visit(doc, {
    Scalar(_, scalar) {
      if (typeof scalar.value === 'string' && needsQuotesForOldParsers(scalar.value)) scalar.type = Scalar.QUOTE_DOUBLE;
    },
    Map(_, map) {
      if (map !== doc.contents && !map.items.some((p) => isCollection(p.value))) map.flow = true;
    },
    Seq(_, seq) {
      if (!seq.items.some((item) => isCollection(item))) seq.flow = true;
    },
  });
  return doc.toString({ lineWidth: 0 });
}

/** Reads back a rendered statement (for tests and checks). */
export function parseStatementText(text: string): unknown {
  return parse(text);
}

/**
 * A value to prefill from the chosen intents' estimates: the sum of those in the most common
 * currency and period (intents in another currency or period are not converted, only left out).
 */
export function valueFromIntents(intents: readonly Pick<Intent, 'value'>[], defaultCurrency: string): { amount?: number; currency: string; per?: ValuePeriod; leftOut: number } {
  const valued = intents.flatMap((i) => (i.value ? [i.value] : []));
  if (valued.length === 0) return { currency: defaultCurrency, leftOut: 0 };
  const counts = new Map<string, number>();
  for (const v of valued) counts.set(`${v.currency}|${v.per ?? ''}`, (counts.get(`${v.currency}|${v.per ?? ''}`) ?? 0) + 1);
  const [key] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? ['|'];
  const [currency = defaultCurrency, per = ''] = key.split('|');
  const same = valued.filter((v) => v.currency === currency && (v.per ?? '') === per);
  const amount = same.reduce((sum, v) => sum + v.amount, 0);
  return { amount: Math.round(amount * 100) / 100, currency, ...(per ? { per: per as ValuePeriod } : {}), leftOut: valued.length - same.length };
}

/** What the Record Release Outcome flow collects. */
export interface OutcomeAnswers {
  /** ISO date. */
  readonly recorded: string;
  readonly measures: readonly OutcomeMeasure[];
  readonly value?: Money;
  readonly notes?: string;
}

/** The `outcome:` block as a YAML value for the comment-preserving writer; blank parts left out. */
export function outcomeYamlValue(answers: OutcomeAnswers): YamlValue {
  const notes = answers.notes?.trim();
  return {
    recorded: answers.recorded,
    ...(answers.measures.length > 0 ? { measures: answers.measures.map((m) => withoutUndefined(m) as Record<string, YamlValue>) } : {}),
    ...(answers.value ? { value: withoutUndefined(answers.value) as Record<string, YamlValue> } : {}),
    ...(notes ? { notes } : {}),
  };
}

function withoutUndefined(value: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}

/** The `expected:` block as a YAML value, as the flows write it; an empty `measures` list is left out. */
export function expectedYamlValue(expected: ReleaseStatement['expected']): YamlValue {
  return {
    summary: expected.summary.trim(),
    intents: [...expected.intents],
    ...(expected.measures.length > 0 ? { measures: expected.measures.map((m) => withoutUndefined(m) as Record<string, YamlValue>) } : {}),
    ...(expected.value ? { value: withoutUndefined(expected.value) as Record<string, YamlValue> } : {}),
  };
}

const metricOf = (item: unknown): string | undefined => {
  const metric = (item as { metric?: unknown } | null)?.metric;
  return typeof metric === 'string' ? metric.trim().toLowerCase() : undefined;
};

/**
 * The keys the expected-value flow asks for, under `expected:`: only these may be removed when
 * it is edited again (e.g. `shares` or a measure's dashboard link stay). Measures match by metric.
 */
export const EXPECTED_FLOW_KEYS: Ownership = {
  owns: (path, key) => {
    const depth = path.length;
    if (depth === 1) return ['summary', 'intents', 'measures', 'value'].includes(key);
    if (path[1] === 'measures' && depth === 3) return ['metric', 'baseline', 'target', 'review'].includes(key);
    if (path[1] === 'value' && depth === 2) return ['amount', 'currency', 'per'].includes(key);
    return false;
  },
  identity: (path, item) => (path[1] === 'measures' && path.length === 2 ? metricOf(item) : undefined),
};

/** The keys the Record Release Outcome flow asks for, under `outcome:`; measures match by metric. */
export const OUTCOME_FLOW_KEYS: Ownership = {
  owns: (path, key) => {
    const depth = path.length;
    if (depth === 1) return ['recorded', 'measures', 'value', 'notes'].includes(key);
    if (path[1] === 'measures' && depth === 3) return ['metric', 'actual', 'verdict'].includes(key);
    if (path[1] === 'value' && depth === 2) return ['amount', 'currency', 'per'].includes(key);
    return false;
  },
  identity: (path, item) => (path[1] === 'measures' && path.length === 2 ? metricOf(item) : undefined),
};
