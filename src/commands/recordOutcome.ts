import vscode = require('vscode');
import type { ReleaseEntry } from '../core/model/valueModel';
import type { ValuePeriod, Verdict } from '../core/model/types';
import { VALUE_PERIODS, VERDICTS } from '../core/model/types';
import { gitFailureReason } from '../core/git/branchOps';
import type { OutcomeAnswers } from '../core/release/releaseStatement';
import { OUTCOME_FLOW_KEYS, outcomeYamlValue } from '../core/release/releaseStatement';
import { editsToward } from '../core/yaml/editsToward';
import { suggestVerdict } from '../core/release/verdict';
import { localIsoDate } from '../core/today';
import { parseCurrencyInput, parseNumberInput } from '../core/yaml/intentInput';
import { editValueFile } from '../state/valueFileEditor';
import type { ValueStore } from '../state/valueStore';
import { localize } from '../ui/localize';
import type { InputStep } from '../ui/multiStepInput';
import type { DraftMemento } from '../ui/flowDrafts';
import { FlowDrafts } from '../ui/flowDrafts';
import type { LinkingService } from '../state/linkingService';
import { branchOpsFor, requireTrust } from './release/releaseFolder';
import { writeErrorText } from '../state/errorText';

interface Candidate {
  readonly folder: vscode.WorkspaceFolder;
  readonly entry: ReleaseEntry;
  /** Earliest review date of its measures. */
  readonly review?: string;
  readonly rank: number;
}

interface State {
  candidate: Candidate;
  actuals: string[];
  /** `null`: no verdict, chosen or recorded; undefined: not asked yet (the suggestion is offered). */
  verdicts: (Verdict | null | undefined)[];
  amount: string;
  currency: string;
  per: ValuePeriod;
  notes: string;
}

// A function, not a constant: vscode.l10n.t needs the extension's bundle, which loads with activation.
const perLabels = (): Record<ValuePeriod, string> => ({ once: vscode.l10n.t('once'), month: vscode.l10n.t('per month'), quarter: vscode.l10n.t('per quarter'), year: vscode.l10n.t('per year') });

/** Releases to review: overdue or due first, then the rest without an outcome, then those already reviewed. */
export function outcomeCandidates(store: ValueStore, today: string): Candidate[] {
  const list = store.folders.flatMap((s) => s.model.releases.map((entry) => {
    const reviews = entry.statement.expected.measures.flatMap((m) => (m.review ? [m.review] : [])).sort();
    const review = reviews[0];
    const rank = entry.statement.outcome ? 3 : review !== undefined && review <= today ? 0 : review !== undefined ? 1 : 2;
    return { folder: s.folder, entry, rank, ...(review ? { review } : {}) };
  }));
  return list.sort((a, b) => a.rank - b.rank || (a.review ?? '9999').localeCompare(b.review ?? '9999') || a.entry.name.localeCompare(b.entry.name));
}

/**
 * **Value: Record Release Outcome…** — pick a release (reviews due first), then for each measure
 * the actual value and a verdict (suggested from target vs actual), the realised value and notes.
 * Writes `outcome:` through the comment-preserving editor. Returns true when the file changed.
 */
export async function recordOutcome(deps: { readonly store: ValueStore; readonly linking: LinkingService; readonly drafts: DraftMemento }): Promise<boolean> {
  if (!requireTrust(vscode.l10n.t('record a release outcome'))) return false;
  const today = localIsoDate();
  const candidates = outcomeCandidates(deps.store, today);
  if (candidates.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No release value statements yet: create one with "Value: Create Release Branch…" or "Value: State Expected Value for This Branch…".'));
    return false;
  }
  const state: Partial<State> = { actuals: [], verdicts: [] };
  const multiRoot = new Set(candidates.map((c) => c.folder.uri.toString())).size > 1;
  const measures = (): ReleaseEntry['statement']['expected']['measures'] => state.candidate?.entry.statement.expected.measures ?? [];
  const total = (): number => 1 + 2 * measures().length + 4 + (state.candidate?.entry.statement.outcome ? 1 : 0);
  const at = (step: number): { title: string; step: number; totalSteps: number } => ({ title: vscode.l10n.t('Record Release Outcome'), step, totalSteps: total() });

  const pickRelease: InputStep = async (input) => {
    const items = candidates.map((c) => ({
      label: c.entry.name,
      description: [
        c.rank === 0 ? `$(warning) ${c.review === today ? vscode.l10n.t('review due today') : vscode.l10n.t('review overdue since {0}', c.review ?? '')}` : c.rank === 1 ? vscode.l10n.t('review {0}', c.review ?? '') : c.rank === 3 ? vscode.l10n.t('edit the outcome recorded {0}', c.entry.statement.outcome?.recorded ?? '') : vscode.l10n.t('no review date'),
        multiRoot ? c.folder.name : '',
      ].filter(Boolean).join(' · '),
      detail: c.entry.statement.expected.summary,
      c,
    }));
    const picked = await input.showQuickPick({ ...at(1), items, activeItem: items.find((i) => i.c === state.candidate), placeholder: vscode.l10n.t('Release to record the outcome of (reviews due first)') });
    // Every step starts from what is recorded: Enter through the flow changes nothing.
    if (picked.c !== state.candidate) Object.assign(state, { amount: undefined, currency: undefined, per: undefined, notes: undefined }, answersFrom(picked.c));
    return measures().length > 0 ? askActual(0) : askAmount;
  };

  const askActual = (i: number): InputStep => async (input) => {
    const m = measures()[i];
    if (!m) return askAmount;
    const expected = [m.baseline !== undefined ? vscode.l10n.t('baseline {0}', m.baseline) : '', m.target !== undefined ? vscode.l10n.t('target {0}', m.target) : ''].filter(Boolean).join(', ');
    (state.actuals ??= [])[i] = await input.showInputBox({
      ...at(2 + 2 * i), value: state.actuals?.[i] ?? '',
      prompt: expected ? vscode.l10n.t('Actual {0} ({1}); empty if not measured', m.metric, expected) : vscode.l10n.t('Actual {0}; empty if not measured', m.metric),
      validate: (v) => localize(parseNumberInput(v).problem),
    });
    return askVerdict(i);
  };

  const askVerdict = (i: number): InputStep => async (input) => {
    const m = measures()[i];
    if (!m) return askAmount;
    const suggested = suggestVerdict(m, parseNumberInput(state.actuals?.[i] ?? '').value);
    const items = [
      ...VERDICTS.map((v) => ({ label: v, description: v === suggested ? vscode.l10n.t('suggested from target and actual') : '', verdict: v })),
      { label: vscode.l10n.t('no verdict'), description: vscode.l10n.t('leave it open'), verdict: undefined as Verdict | undefined },
    ];
    const chosen = state.verdicts?.[i];
    const current = chosen === undefined ? suggested : (chosen ?? undefined);
    const picked = await input.showQuickPick({ ...at(3 + 2 * i), items, activeItem: items.find((it) => it.verdict === current), placeholder: vscode.l10n.t('Verdict for {0}: met, partial or missed?', m.metric) });
    (state.verdicts ??= [])[i] = picked.verdict ?? null;
    return i + 1 < measures().length ? askActual(i + 1) : askAmount;
  };

  const expectedValue = (): ReleaseEntry['statement']['expected']['value'] => state.candidate?.entry.statement.expected.value;
  const base = (): number => 2 + 2 * measures().length;

  const askAmount: InputStep = async (input) => {
    const exp = expectedValue();
    state.amount = await input.showInputBox({
      ...at(base()), value: state.amount ?? '',
      prompt: exp
        ? vscode.l10n.t('Realised value (optional): expected {0}; empty to skip', `${exp.amount} ${exp.currency}${exp.per ? ` ${perLabels()[exp.per]}` : ''}`)
        : vscode.l10n.t('Realised value (optional); empty to skip'),
      validate: (v) => {
        const { value, problem } = parseNumberInput(v);
        return localize(problem) ?? (value !== undefined && value < 0 ? vscode.l10n.t('Enter an amount of 0 or more.') : undefined);
      },
    });
    return state.amount.trim() ? askCurrency : askNotes;
  };

  const askCurrency: InputStep = async (input) => {
    const answer = await input.showInputBox({ ...at(base() + 1), value: state.currency ?? expectedValue()?.currency ?? 'EUR', prompt: vscode.l10n.t('Currency: three-letter code'), validate: (v) => localize(parseCurrencyInput(v).problem) });
    state.currency = parseCurrencyInput(answer).value ?? 'EUR';
    return askPer;
  };

  const askPer: InputStep = async (input) => {
    const items = VALUE_PERIODS.map((per) => ({ label: per, description: perLabels()[per], per }));
    const current = state.per ?? expectedValue()?.per ?? 'year';
    const picked = await input.showQuickPick({ ...at(base() + 2), items, activeItem: items.find((i) => i.per === current), placeholder: vscode.l10n.t('Is the value earned once, or per month, quarter or year?') });
    state.per = picked.per;
    return askNotes;
  };

  const askNotes: InputStep = async (input) => {
    state.notes = (await input.showInputBox({ ...at(base() + 3), value: state.notes ?? '', prompt: vscode.l10n.t('Notes (optional): what explains the result'), validate: () => undefined })).trim();
    return state.candidate?.entry.statement.outcome ? confirmReplace : undefined;
  };

  const confirmReplace: InputStep = async (input) => {
    const recorded = state.candidate?.entry.statement.outcome?.recorded ?? '';
    const items = [{ label: `$(check) ${vscode.l10n.t('Save the outcome recorded {0}', recorded)}`, detail: vscode.l10n.t('only the answers you changed change; Escape keeps the file as it is'), replace: true }];
    await input.showQuickPick({ ...at(base() + 4), items, placeholder: vscode.l10n.t('{0} already has an outcome: you edited it', state.candidate?.entry.name ?? '') });
    return undefined;
  };

  const finished = await new FlowDrafts(deps.drafts).run<Omit<Partial<State>, 'candidate'> & { candidate?: { folder: string; file: string; basis: string } | undefined }>({
    key: 'recordOutcome',
    title: vscode.l10n.t('Record Release Outcome'),
    start: pickRelease,
    snapshot: () => {
      const c = state.candidate;
      return { ...state, candidate: c ? { folder: c.folder.uri.toString(), file: c.entry.file, basis: JSON.stringify(c.entry.statement) } : undefined };
    },
    restore: ({ candidate: saved, ...answers }) => {
      // Answers kept for a statement that has changed since do not fit it: start from the file.
      const c = saved && candidates.find((x) => x.folder.uri.toString() === saved.folder && x.entry.file === saved.file && JSON.stringify(x.entry.statement) === saved.basis);
      if (saved && !c) return false;
      Object.assign(state, answers, { candidate: c });
      return true;
    },
  });
  if (!finished) return false;
  const candidate = state.candidate;
  if (!candidate) return false;
  const amount = parseNumberInput(state.amount ?? '').value;
  const previous = candidate.entry.statement.outcome;
  const answers: OutcomeAnswers = {
    recorded: today,
    measures: [
      ...measures().map((m, i) => {
        const actual = parseNumberInput(state.actuals?.[i] ?? '').value;
        const verdict = state.verdicts?.[i] ?? undefined;
        return { metric: m.metric, ...(actual !== undefined ? { actual } : {}), ...(verdict ? { verdict } : {}) };
      }),
      // Measures recorded at review that the statement did not state up front stay as they are.
      ...(previous?.measures.filter((o) => !measures().some((m) => sameMetric(m.metric, o.metric))) ?? []),
    ],
    ...(amount !== undefined ? { value: { amount, currency: state.currency ?? 'EUR', ...(state.per ? { per: state.per } : {}) } } : {}),
    ...(state.notes ? { notes: state.notes } : {}),
  };
  const uri = vscode.Uri.joinPath(candidate.folder.uri, ...candidate.entry.file.split('/'));
  if (previous && sameOutcome(previous, answers)) {
    await finished.discard();
    void vscode.window.showInformationMessage(vscode.l10n.t('Nothing changed: the outcome of release {0} recorded {1} is kept as it is.', candidate.entry.name, previous.recorded));
    return false;
  }
  try {
    const changed = await editValueFile(candidate.folder, uri, (text) => editsToward(text, ['outcome'], outcomeYamlValue(answers), OUTCOME_FLOW_KEYS));
    await finished.discard();
    await deps.store.refresh();
    void showDone(candidate, uri, deps.linking.linksOf(candidate.folder)?.scan?.branch);
    return changed;
  } catch (e) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The outcome of {0} was not recorded: {1}', candidate.entry.name, writeErrorText(e)));
    return false;
  }
}

/** The answers an outcome already recorded gives each step, so that Enter keeps it. */
function answersFrom(c: Candidate): Partial<State> {
  const outcome = c.entry.statement.outcome;
  if (!outcome) return { candidate: c, actuals: [], verdicts: [] };
  const recorded = c.entry.statement.expected.measures.map((m) => outcome.measures.find((o) => sameMetric(o.metric, m.metric)));
  return {
    candidate: c,
    actuals: recorded.map((o) => (o?.actual === undefined ? '' : String(o.actual))),
    verdicts: recorded.map((o) => o?.verdict ?? null),
    amount: outcome.value ? String(outcome.value.amount) : '',
    ...(outcome.value ? { currency: outcome.value.currency } : {}),
    ...(outcome.value?.per ? { per: outcome.value.per } : {}),
    notes: outcome.notes ?? '',
  };
}

/** Whether the answers say what the recorded outcome says (the date aside). */
function sameOutcome(previous: NonNullable<ReleaseEntry['statement']['outcome']>, answers: OutcomeAnswers): boolean {
  const plain = (o: { measures: readonly unknown[]; value?: unknown; notes?: string | undefined }): string => JSON.stringify([o.measures, o.value ?? null, o.notes?.trim() || null]);
  return plain(previous) === plain({ ...answers, measures: answers.measures.map((m) => ({ ...m })) });
}

/**
 * Says where the outcome went: the file, the branch it was written on, and that it is not
 * committed yet; offers to open it or to commit just that file.
 */
async function showDone(candidate: Candidate, uri: vscode.Uri, branch: string | undefined): Promise<void> {
  const name = candidate.entry.name;
  const file = candidate.entry.file;
  const open = vscode.l10n.t('Open Statement');
  const commit = vscode.l10n.t('Commit It');
  const text = branch
    ? vscode.l10n.t('Recorded the outcome of release {0} in {1} on branch {2}; it is not committed yet.', name, file, branch)
    : vscode.l10n.t('Recorded the outcome of release {0} in {1}; it is not committed yet.', name, file);
  const choice = await vscode.window.showInformationMessage(text, open, commit);
  if (choice === open) await vscode.window.showTextDocument(uri, { preview: false });
  if (choice !== commit) return;
  try {
    const sha = await branchOpsFor(candidate.folder).commitFile(file, [vscode.l10n.t('Record the outcome of release {0}', name)]);
    void vscode.window.showInformationMessage(vscode.l10n.t('Committed {0} as {1}{2}.', file, sha.slice(0, 7), branch ? vscode.l10n.t(' on {0}', branch) : ''));
  } catch (e) {
    void vscode.window.showErrorMessage(vscode.l10n.t('{0} was not committed: {1}', file, gitFailureReason(e)));
  }
}

function sameMetric(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}
