import vscode = require('vscode');
import type { ExpectedMeasure, Intent, Money, ValuePeriod } from '../../core/model/types';
import { VALUE_PERIODS } from '../../core/model/types';
import { addDays, reviewDateProblem, summaryProblem } from '../../core/release/releaseInput';
import { formatMoneyLong } from '../../core/present/formatMoney';
import type { UnclaimedValue } from '../../core/release/unclaimedValue';
import { unclaimedValue } from '../../core/release/unclaimedValue';
import { parseCurrencyInput, parseNumberInput } from '../../core/yaml/intentInput';
import { localize } from '../../ui/localize';
import type { InputStep, MultiStepInput } from '../../ui/multiStepInput';
import type { ReleaseFolder } from './releaseFolder';
import type { CommitStatementChoice } from './releaseSettings';

/** Answers of steps 3–7 (intents, summary, measures, value, confirm), as typed. */
export interface ExpectedState {
  intents?: string[];
  summary?: string;
  measures: Map<string, { baseline?: string; target?: string; review?: string }>;
  amount?: string;
  currency?: string;
  per?: ValuePeriod;
  commit?: boolean;
  remember?: 'always' | 'never';
}

/** ExpectedState as plain JSON, for a kept draft. */
export type ExpectedSnapshot = Omit<ExpectedState, 'measures'> & { measures: [string, { baseline?: string; target?: string; review?: string }][] };

export const snapshotExpected = <S extends ExpectedState>(state: S): Omit<S, 'measures'> & Pick<ExpectedSnapshot, 'measures'> => ({ ...state, measures: [...state.measures] });

export function restoreExpected<S extends ExpectedState>(state: S, saved: Omit<S, 'measures'> & Pick<ExpectedSnapshot, 'measures'>): void {
  Object.assign(state, saved, { measures: new Map(saved.measures) });
}

export interface ExpectedFlow {
  readonly title: string;
  /** Steps asked before the intents step (2 for Create Release Branch, 0 for an existing branch). */
  readonly stepsBefore: number;
  readonly folder: ReleaseFolder;
  /** The release branch the statement is for: its own statement, if any, claims nothing. */
  readonly branch: () => string | undefined;
  /** Ids to check at first, computed when the intents step opens. */
  readonly preselect: () => Promise<readonly string[]>;
  readonly today: string;
  readonly reviewAfterDays: number;
  readonly commitSetting: CommitStatementChoice;
  /** What confirming does, e.g. `Create release/2.5.0`; and notes added to its detail line. */
  readonly action: () => { readonly label: string; readonly detail: string; readonly notes: readonly string[] };
  /** When an existing statement is edited: the review date it gives an intent's measure, kept even if it has passed. */
  readonly statedReview?: (intentId: string) => string | undefined;
}

// A function, not a constant: vscode.l10n.t needs the extension's bundle, which loads with activation.
const perLabels = (): Record<ValuePeriod, string> => ({ once: vscode.l10n.t('once'), month: vscode.l10n.t('per month'), quarter: vscode.l10n.t('per quarter'), year: vscode.l10n.t('per year') });
type ConfirmKind = 'commit' | 'commit-always' | 'keep' | 'keep-never';

/** Steps 3–7 of the release prompt; returns the intents step. Fills `state`; the flow ends after confirm. */
export function expectedValueSteps(flow: ExpectedFlow, state: ExpectedState): InputStep {
  const intents = [...flow.folder.model.intents.values()].map((e) => e.intent);
  const byId = new Map(intents.map((i) => [i.id, i]));
  const chosen = (): Intent[] => (state.intents ?? []).flatMap((id) => byId.get(id) ?? []);
  const withMetric = (): Intent[] => chosen().filter((i) => i.metric !== undefined);
  const total = (): number => flow.stepsBefore + 6 + 3 * withMetric().length;
  const at = (offset: number): { title: string; step: number; totalSteps: number } => ({ title: flow.title, step: flow.stepsBefore + offset, totalSteps: total() });
  let preselected: readonly string[] | undefined;

  const askIntents: InputStep = async (input) => {
    preselected ??= await flow.preselect();
    const order = (i: Intent): number => (['active', 'proposed', 'delivered', 'dropped'] as const).indexOf(i.status);
    const items = [...intents].sort((a, b) => order(a) - order(b)).map((intent) => ({
      label: intent.id,
      description: intent.title,
      detail: [intent.status, intent.metric ? vscode.l10n.t('moves {0}', intent.metric.name) : '', preselected?.includes(intent.id) ? vscode.l10n.t('linked to commits since the last release') : ''].filter(Boolean).join(' · '),
      id: intent.id,
    }));
    const wanted = new Set(state.intents ?? preselected);
    const picked = await input.showMultiPick({
      ...at(1), items, selected: items.filter((i) => wanted.has(i.id)),
      placeholder: items.length > 0 ? vscode.l10n.t('Intents this release serves (checked: linked to commits since the last release); Enter to go on') : vscode.l10n.t('No intents in .value/intents/ yet; Enter to go on'),
    });
    state.intents = picked.map((p) => p.id);
    return askSummary;
  };

  const askSummary: InputStep = async (input) => {
    state.summary = (await input.showInputBox({
      ...at(2), value: state.summary ?? '',
      prompt: vscode.l10n.t('Expected value: one sentence — what should be better after this release, and for whom'),
      placeholder: vscode.l10n.t('Checkout p95 under 800 ms should lift conversion to 2.3%.'),
      validate: (v) => localize(summaryProblem(v)),
    })).trim();
    return withMetric().length > 0 ? measureStep(0, 0) : askAmount;
  };

  const measureStep = (index: number, field: 0 | 1 | 2): InputStep => async (input: MultiStepInput) => {
    const intent = withMetric()[index];
    if (!intent?.metric) return askAmount;
    const metric = intent.metric;
    const answers = state.measures.get(intent.id) ?? {};
    state.measures.set(intent.id, answers);
    const name = `${metric.name}${metric.unit ? ` (${metric.unit})` : ''}`;
    const common = at(3 + 3 * index + field);
    if (field === 0) {
      answers.baseline = await input.showInputBox({
        ...common, value: answers.baseline ?? (metric.baseline === undefined ? '' : String(metric.baseline)),
        prompt: vscode.l10n.t('Baseline (optional): {0} today, for {1}', name, intent.id),
        validate: (v) => localize(parseNumberInput(v).problem),
      });
      return measureStep(index, 1);
    }
    if (field === 1) {
      answers.target = await input.showInputBox({
        ...common, value: answers.target ?? (metric.target === undefined ? '' : String(metric.target)),
        prompt: vscode.l10n.t('Target (optional): {0} this release should reach', name),
        validate: (v) => localize(parseNumberInput(v).problem),
      });
      return measureStep(index, 2);
    }
    answers.review = (await input.showInputBox({
      ...common, value: answers.review ?? addDays(flow.today, flow.reviewAfterDays),
      prompt: vscode.l10n.t('Review date: when to check {0} (YYYY-MM-DD, in the future)', name),
      validate: (v) => (v.trim() === (flow.statedReview?.(intent.id) ?? null) ? undefined : localize(reviewDateProblem(v, flow.today))),
    })).trim();
    return index + 1 < withMetric().length ? measureStep(index + 1, 0) : askAmount;
  };

  // What the chosen intents have not yet been expected to deliver by earlier releases.
  const prefill = (): UnclaimedValue => {
    const earlier = flow.folder.model.releases.map((r) => r.statement).filter((s) => s.branch !== flow.branch());
    return unclaimedValue(chosen(), earlier, (id) => byId.get(id), flow.folder.config.currency);
  };

  const askAmount: InputStep = async (input) => {
    const suggested = prefill();
    state.amount = await input.showInputBox({
      ...at(3 + 3 * withMetric().length), value: state.amount ?? (suggested.amount === undefined ? '' : String(suggested.amount)),
      prompt: suggested.amount === undefined
        ? vscode.l10n.t('Value (optional): what this release is expected to be worth; empty to skip')
        : suggested.claimed > 0
          ? vscode.l10n.t('Value (optional): what this release is expected to be worth (its intents\u2019 estimates less {0} that earlier releases already expect of them; edit it); empty to skip', formatMoneyLong({ amount: suggested.claimed, currency: suggested.currency, ...(suggested.per ? { per: suggested.per } : {}) }, vscode.env.language))
          : vscode.l10n.t('Value (optional): what this release is expected to be worth (the sum of its intents\u2019 estimates; edit it); empty to skip'),
      placeholder: '60000',
      validate: (v) => {
        const { value, problem } = parseNumberInput(v);
        return localize(problem) ?? (value !== undefined && value < 0 ? vscode.l10n.t('Enter an amount of 0 or more.') : undefined);
      },
    });
    return state.amount.trim() ? askCurrency : confirm;
  };

  const askCurrency: InputStep = async (input) => {
    const answer = await input.showInputBox({
      ...at(4 + 3 * withMetric().length), value: state.currency ?? prefill().currency,
      prompt: vscode.l10n.t('Currency: three-letter code'),
      validate: (v) => localize(parseCurrencyInput(v).problem),
    });
    state.currency = parseCurrencyInput(answer).value ?? flow.folder.config.currency;
    return askPer;
  };

  const askPer: InputStep = async (input) => {
    const items = VALUE_PERIODS.map((per) => ({ label: per, description: perLabels()[per], per }));
    const current = state.per ?? prefill().per ?? 'year';
    const picked = await input.showQuickPick({
      ...at(5 + 3 * withMetric().length), items, activeItem: items.find((i) => i.per === current),
      placeholder: vscode.l10n.t('Is the value earned once, or per month, quarter or year?'),
    });
    state.per = picked.per;
    return confirm;
  };

  const confirm: InputStep = async (input) => {
    const action = flow.action();
    const { label, notes } = action;
    // Notes go in the detail line: as separators they squeeze the label to "✓ …".
    const detail = [action.detail, ...notes].join(' · ');
    const choice = (kind: ConfirmKind, text: string, more: string): vscode.QuickPickItem & { kind2: ConfirmKind } => ({ label: text, detail: more, kind2: kind });
    const options: (vscode.QuickPickItem & { kind2: ConfirmKind })[] = [];
    if (flow.commitSetting !== 'never') options.push(choice('commit', `$(check) ${vscode.l10n.t('{0} and commit the statement', label)}`, detail));
    if (flow.commitSetting === 'ask') options.push(choice('commit-always', `$(check) ${vscode.l10n.t('{0} and commit the statement — always commit from now on', label)}`, vscode.l10n.t('Sets valueLens.commitStatement to "always".')));
    options.push(choice('keep', `$(check) ${vscode.l10n.t('{0}, leave the statement uncommitted', label)}`, flow.commitSetting === 'never' ? vscode.l10n.t('{0} (valueLens.commitStatement is "never")', detail) : detail));
    if (flow.commitSetting === 'ask') options.push(choice('keep-never', `$(check) ${vscode.l10n.t('{0}, leave it uncommitted — never commit from now on', label)}`, vscode.l10n.t('Sets valueLens.commitStatement to "never".')));
    const picked = await input.showQuickPick({
      ...at(6 + 3 * withMetric().length), items: options, activeItem: options[0],
      placeholder: vscode.l10n.t('Confirm: "{0}"', state.summary ?? ''),
    });
    state.commit = picked.kind2 === 'commit' || picked.kind2 === 'commit-always';
    if (picked.kind2 === 'commit-always') state.remember = 'always';
    else if (picked.kind2 === 'keep-never') state.remember = 'never';
    else delete state.remember;
    return undefined;
  };

  return askIntents;
}

/** The answers of steps 3–6 in the shape of the statement's `expected` block. */
export function expectedOf(flow: Pick<ExpectedFlow, 'folder'>, state: ExpectedState): { summary: string; intents: string[]; measures: ExpectedMeasure[]; value?: Money } {
  const intents = state.intents ?? [];
  const measures: ExpectedMeasure[] = [];
  for (const id of intents) {
    const metric = flow.folder.model.intents.get(id)?.intent.metric;
    const answers = state.measures.get(id);
    if (!metric || !answers) continue;
    const baseline = parseNumberInput(answers.baseline ?? '').value;
    const target = parseNumberInput(answers.target ?? '').value;
    // No baseline, target or review date: there is nothing to measure against, so no measure.
    if (baseline === undefined && target === undefined && !answers.review) continue;
    measures.push({ metric: metric.name, ...(baseline !== undefined ? { baseline } : {}), ...(target !== undefined ? { target } : {}), ...(answers.review ? { review: answers.review } : {}) });
  }
  const amount = parseNumberInput(state.amount ?? '').value;
  return {
    summary: state.summary ?? '',
    intents,
    measures,
    ...(amount !== undefined ? { value: { amount, currency: state.currency ?? flow.folder.config.currency, ...(state.per ? { per: state.per } : {}) } } : {}),
  };
}
