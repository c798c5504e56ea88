import { Document, Scalar, isCollection, visit } from 'yaml';
import type { Confidence, IntentStatus, Metric, ValuePeriod } from '../model/types';
import { INTENT_ID_PATTERN, isIntentId } from '../valueFolder';
import { needsQuotesForOldParsers } from './yamlEdits';

/** What the New Intent flow asks; the fields of a new intent file. */
export interface IntentAnswers {
  readonly id: string;
  readonly title: string;
  readonly why: string;
  readonly owner: string;
  /** Default `proposed`. */
  readonly status?: IntentStatus;
  readonly metric?: Metric;
  readonly value?: {
    readonly amount: number;
    readonly currency: string;
    readonly per?: ValuePeriod;
    readonly confidence?: Confidence;
  };
}

const MAX_ID_LENGTH = 64;

/** Letters that NFKD does not take apart into an ASCII letter and a mark. */
const LATIN_EXTRAS: Readonly<Record<string, string>> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', ł: 'l', þ: 'th', ı: 'i', ħ: 'h', ŧ: 't',
};

/**
 * A suggested intent id for a title: lower-case ASCII letters, digits and dashes, at most 64
 * characters, valid per `isIntentId` (accents are stripped: `Crème brûlée` → `creme-brulee`).
 * A title with nothing usable (`日本語`, `!!!`) gives `intent`.
 */
export function slugifyIntentId(title: string): string {
  const ascii = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, (c) => LATIN_EXTRAS[c] ?? '-');
  let slug = ascii.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (slug.length > MAX_ID_LENGTH) {
    slug = slug.slice(0, MAX_ID_LENGTH);
    // Cut at the last word boundary when that keeps most of the text.
    const dash = slug.lastIndexOf('-');
    if (dash >= MAX_ID_LENGTH / 2) slug = slug.slice(0, dash);
    slug = slug.replace(/-+$/, '');
  }
  return isIntentId(slug) ? slug : 'intent';
}

/** `slugifyIntentId(title)`, with `-2`, `-3`, … appended while `taken` says the id is in use. */
export function suggestIntentId(title: string, taken: (id: string) => boolean): string {
  const base = slugifyIntentId(title);
  if (!taken(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const id = `${base.slice(0, MAX_ID_LENGTH - suffix.length).replace(/-+$/, '')}${suffix}`;
    if (!taken(id)) return id;
  }
}

/**
 * The text of a new `.value/intents/<id>.yaml`: a short leading comment, then the answers in the
 * order of PRODUCT.md §1, metric and value as one-line flow maps. Parsing it with `yaml` gives back
 * exactly the answers (with `status: proposed` when none was given); strings that a YAML reader
 * would take for something else (`yes`, `12`, `a: b`, `#x`, `- x`) are quoted.
 * @throws Error when `answers.id` is not a valid intent id.
 */
export function renderIntentYaml(answers: IntentAnswers): string {
  if (!isIntentId(answers.id)) throw new Error(`"${answers.id}" is not a valid intent id (${INTENT_ID_PATTERN.source}).`);
  const data: Record<string, unknown> = {
    id: answers.id,
    title: answers.title,
    why: answers.why,
    owner: answers.owner,
    status: answers.status ?? 'proposed',
  };
  if (answers.metric) data['metric'] = withoutUndefined(answers.metric);
  if (answers.value) data['value'] = withoutUndefined(answers.value);
  const doc = new Document(data);
  doc.commentBefore = ` Business intent "${answers.id}": why this work matters and what it is worth.\n Format: https://github.com/value-lens/value-lens/blob/main/docs/FORMAT.md`;
  visit(doc, {
    Scalar(_, scalar) {
      if (typeof scalar.value === 'string' && needsQuotesForOldParsers(scalar.value)) scalar.type = Scalar.QUOTE_DOUBLE;
    },
    Map(_, map) {
      if (map !== doc.contents && !map.items.some((p) => isCollection(p.value))) map.flow = true;
    },
  });
  return doc.toString({ lineWidth: 0 });
}

function withoutUndefined(value: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}
