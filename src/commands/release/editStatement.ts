import vscode = require('vscode');
import { gitFailureReason } from '../../core/git/branchOps';
import type { ExpectedMeasure } from '../../core/model/types';
import type { ReleaseEntry } from '../../core/model/valueModel';
import { EXPECTED_FLOW_KEYS, expectedYamlValue } from '../../core/release/releaseStatement';
import { localIsoDate } from '../../core/today';
import { editsToward } from '../../core/yaml/editsToward';
import { writeErrorText } from '../../state/errorText';
import { editValueFile } from '../../state/valueFileEditor';
import type { ValueStore } from '../../state/valueStore';
import type { DraftMemento } from '../../ui/flowDrafts';
import { FlowDrafts } from '../../ui/flowDrafts';
import type { ExpectedState } from './expectedValueSteps';
import { expectedOf, expectedValueSteps, restoreExpected, snapshotExpected } from './expectedValueSteps';
import type { ReleaseFolder } from './releaseFolder';
import { branchOpsFor } from './releaseFolder';
import { readCommitStatement, readReviewAfterDays, rememberCommitStatement } from './releaseSettings';

const sameMetric = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The answers a statement already gives each step of the expected-value flow, so that Enter keeps it. */
export function answersOfStatement(folder: ReleaseFolder, entry: ReleaseEntry): ExpectedState {
  const expected = entry.statement.expected;
  const state: ExpectedState = { intents: [...expected.intents], summary: expected.summary, measures: new Map(), amount: expected.value ? String(expected.value.amount) : '' };
  if (expected.value) state.currency = expected.value.currency;
  if (expected.value?.per) state.per = expected.value.per;
  for (const id of expected.intents) {
    const metric = folder.model.intents.get(id)?.intent.metric;
    if (!metric) continue;
    const m = expected.measures.find((x) => sameMetric(x.metric, metric.name));
    const text = (n: number | undefined): string => (n === undefined ? '' : String(n));
    state.measures.set(id, { baseline: text(m?.baseline), target: text(m?.target), review: m?.review ?? '' });
  }
  return state;
}

/**
 * **State Expected Value** on a branch that already has a statement: the same steps, each
 * pre-filled from the statement, then only what the user changed is written (comments, `shares`
 * and any key the flow does not ask stay). Enter through every step changes nothing. Committing
 * the edit is offered like for a new statement. Returns true when the file changed.
 */
export async function editStatement(deps: { readonly store: ValueStore; readonly drafts: DraftMemento }, folder: ReleaseFolder, entry: ReleaseEntry, branch: string): Promise<boolean> {
  const today = localIsoDate();
  const stated = answersOfStatement(folder, entry);
  const state: ExpectedState = { ...stated, measures: new Map([...stated.measures].map(([id, a]) => [id, { ...a }])) };
  const steps = expectedValueSteps({
    title: vscode.l10n.t('Edit Expected Value: {0}', branch),
    stepsBefore: 0,
    folder,
    branch: () => branch,
    today,
    reviewAfterDays: readReviewAfterDays(folder.folder),
    commitSetting: readCommitStatement(folder.folder),
    preselect: () => Promise.resolve(entry.statement.expected.intents),
    statedReview: (id) => stated.measures.get(id)?.review,
    action: () => ({
      label: vscode.l10n.t('Save {0}', entry.file),
      detail: vscode.l10n.t('on {0} · stated {1} · intents: {2}', branch, entry.statement.created, (state.intents ?? []).join(', ') || vscode.l10n.t('none')),
      notes: [vscode.l10n.t('only the answers you changed change; Escape keeps the file as it is and your answers as a draft')],
    }),
  }, state);
  // A draft of edits fits only the statement it was made on: edited since, it starts from the file.
  const basis = JSON.stringify(entry.statement.expected);
  const finished = await new FlowDrafts(deps.drafts).run({
    key: `editStatement:${folder.folder.uri.toString()}:${branch}`,
    title: vscode.l10n.t('Edit Expected Value: {0}', branch),
    start: steps,
    snapshot: () => ({ ...snapshotExpected(state), basis }),
    restore: ({ basis: was, ...saved }) => {
      if (was !== basis) return false;
      restoreExpected(state, saved);
      return true;
    },
  });
  if (!finished) return false;

  const answers = expectedOf({ folder }, state);
  // Measures of metrics the flow never asked about (no intent of the statement moves them) stay.
  const asked = new Set(entry.statement.expected.intents.flatMap((id) => folder.model.intents.get(id)?.intent.metric?.name.trim().toLowerCase() ?? []));
  const kept: ExpectedMeasure[] = entry.statement.expected.measures.filter((m) => !asked.has(m.metric.trim().toLowerCase()) && !answers.measures.some((a) => sameMetric(a.metric, m.metric)));
  const next = expectedYamlValue({ ...answers, measures: [...answers.measures, ...kept] });
  const uri = vscode.Uri.joinPath(folder.folder.uri, ...entry.file.split('/'));
  let changed: boolean;
  try {
    changed = await editValueFile(folder.folder, uri, (text) => editsToward(text, ['expected'], next, EXPECTED_FLOW_KEYS));
  } catch (e) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The statement of {0} was not changed: {1}', branch, writeErrorText(e)));
    return false;
  }
  await finished.discard();
  if (state.remember) await rememberCommitStatement(state.remember);
  if (!changed) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Nothing changed: the statement of {0} stated {1} is kept as it is.', branch, entry.statement.created));
    return false;
  }
  await deps.store.refresh();
  void reportEdit(folder, entry, uri, branch, state.commit ?? false);
  return true;
}

async function reportEdit(folder: ReleaseFolder, entry: ReleaseEntry, uri: vscode.Uri, branch: string, commitNow: boolean): Promise<void> {
  const commit = async (): Promise<void> => {
    try {
      const sha = await branchOpsFor(folder.folder).commitFile(entry.file, [vscode.l10n.t('Edit the value statement of release {0}', entry.name)]);
      void vscode.window.showInformationMessage(vscode.l10n.t('Saved the statement of {0} in {1} and committed it as {2}.', branch, entry.file, sha.slice(0, 7)));
    } catch (e) {
      void vscode.window.showErrorMessage(vscode.l10n.t('{0} was saved but not committed: {1}', entry.file, gitFailureReason(e)));
    }
  };
  if (commitNow) return commit();
  const open = vscode.l10n.t('Open Statement');
  const commitIt = vscode.l10n.t('Commit It');
  const choice = await vscode.window.showInformationMessage(vscode.l10n.t('Saved the statement of {0} in {1}; it is not committed yet.', branch, entry.file), open, commitIt);
  if (choice === open) await vscode.window.showTextDocument(uri, { preview: false });
  if (choice === commitIt) await commit();
}
