import * as path from 'path';
import vscode = require('vscode');
import type { Confidence, ValuePeriod } from '../core/model/types';
import { CONFIDENCE_LEVELS, VALUE_PERIODS } from '../core/model/types';
import { INTENTS_DIR, VALUE_DIR } from '../core/valueFolder';
import { createFileAtomic } from '../core/yaml/atomicWrite';
import { intentIdProblem, parseCurrencyInput, parseNumberInput, requiredProblem } from '../core/yaml/intentInput';
import type { IntentAnswers } from '../core/yaml/intentTemplate';
import { renderIntentYaml, suggestIntentId } from '../core/yaml/intentTemplate';
import { localize } from '../ui/localize';
import type { InputStep } from '../ui/multiStepInput';
import type { DraftMemento } from '../ui/flowDrafts';
import { FlowDrafts } from '../ui/flowDrafts';
import { isWriteError, writeErrorText } from '../state/errorText';

export interface NewIntentFolder {
  readonly uri: vscode.Uri;
  readonly name: string;
  /** Ids of the intents already loaded for this folder. */
  readonly existingIds: ReadonlySet<string>;
}

export interface NewIntentDeps {
  readonly folders: readonly NewIntentFolder[];
  readonly drafts: DraftMemento;
}

interface State {
  folder: NewIntentFolder;
  title: string;
  id: string;
  why: string;
  owner: string;
  metricName: string;
  baseline: string;
  target: string;
  amount: string;
  currency: string;
  per: ValuePeriod;
  confidence: Confidence;
}

// Functions, not constants: vscode.l10n.t needs the extension's bundle, which loads with activation.
const title = (): string => vscode.l10n.t('New Intent');
/** title, id, why, owner, metric name, baseline, target, amount, currency, period, confidence */
const QUESTIONS = 11;

const periodLabels = (): Record<ValuePeriod, string> => ({ once: vscode.l10n.t('once'), month: vscode.l10n.t('per month'), quarter: vscode.l10n.t('per quarter'), year: vscode.l10n.t('per year') });
const confidenceDetails = (): Record<Confidence, string> => ({
  low: vscode.l10n.t('a rough guess'),
  medium: vscode.l10n.t('based on some data'),
  high: vscode.l10n.t('well measured or contracted'),
});

/**
 * **Value: New Intent…** — asks for the intent step by step and creates `.value/intents/<id>.yaml`
 * in the chosen workspace folder, never overwriting a file, then opens it. Escape at any step
 * writes nothing and keeps the answers as a draft, offered when the flow starts again. Returns the new file, or undefined when nothing was written.
 */
export async function newIntent(deps: NewIntentDeps): Promise<vscode.Uri | undefined> {
  if (deps.folders.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a folder first: intents are kept in its .value/intents/ folder.'));
    return undefined;
  }
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Value Lens writes no files in an untrusted workspace. Trust the workspace to add an intent.'));
    return undefined;
  }
  const state: Partial<State> = {};
  const multiRoot = deps.folders.length > 1;
  const total = QUESTIONS + (multiRoot ? 1 : 0);
  const offset = multiRoot ? 1 : 0;

  const pickFolder: InputStep = async (input) => {
    const items = deps.folders.map((folder) => ({ label: folder.name, description: folder.uri.fsPath, folder }));
    const picked = await input.showQuickPick({
      title: title(), step: 1, totalSteps: total, items,
      activeItem: items.find((i) => i.folder === state.folder),
      placeholder: vscode.l10n.t('Workspace folder for the new intent'),
    });
    state.folder = picked.folder;
    return askTitle;
  };

  const askTitle: InputStep = async (input) => {
    state.title = (await input.showInputBox({
      title: title(), step: 1 + offset, totalSteps: total, value: state.title ?? '',
      prompt: vscode.l10n.t('Title: a short name for the intent, as management would say it'),
      placeholder: vscode.l10n.t('Faster checkout'),
      validate: (v) => localize(requiredProblem(v, vscode.l10n.t('a title'))),
    })).trim();
    return askId;
  };

  const askId: InputStep = async (input) => {
    const folder = state.folder as NewIntentFolder;
    const suggested = suggestIntentId(state.title ?? '', (id) => folder.existingIds.has(id));
    state.id = await input.showInputBox({
      title: title(), step: 2 + offset, totalSteps: total, value: state.id ?? suggested,
      prompt: vscode.l10n.t('Id: lower-case letters, digits and dashes; the file will be {0}', `${VALUE_DIR}/${INTENTS_DIR}/<id>.yaml`),
      validate: async (v) => localize(intentIdProblem(v, (id) => folder.existingIds.has(id))) ?? (await fileClash(folder, v)),
    });
    return askWhy;
  };

  const askWhy: InputStep = async (input) => {
    state.why = (await input.showInputBox({
      title: title(), step: 3 + offset, totalSteps: total, value: state.why ?? '',
      prompt: vscode.l10n.t('Why: why it matters to the business, in a sentence or two'),
      placeholder: vscode.l10n.t('Cart abandonment is 68%; every 100 ms of checkout latency costs about 1% conversion.'),
      validate: (v) => localize(requiredProblem(v, vscode.l10n.t('why it matters'))),
    })).trim();
    return askOwner;
  };

  const askOwner: InputStep = async (input) => {
    state.owner = (await input.showInputBox({
      title: title(), step: 4 + offset, totalSteps: total, value: state.owner ?? '',
      prompt: vscode.l10n.t('Owner: the team or person who delivers it'),
      placeholder: 'payments-team',
      validate: (v) => localize(requiredProblem(v, vscode.l10n.t('an owner'))),
    })).trim();
    return askMetricName;
  };

  const askMetricName: InputStep = async (input) => {
    state.metricName = (await input.showInputBox({
      title: title(), step: 5 + offset, totalSteps: total, value: state.metricName ?? '',
      prompt: vscode.l10n.t('Metric (optional): the metric this intent should move; leave empty to skip'),
      placeholder: vscode.l10n.t('checkout conversion'),
      validate: () => undefined,
    })).trim();
    return state.metricName ? askBaseline : askAmount;
  };

  const askBaseline: InputStep = async (input) => {
    state.baseline = await input.showInputBox({
      title: title(), step: 6 + offset, totalSteps: total, value: state.baseline ?? '',
      prompt: vscode.l10n.t('Baseline (optional): {0} before the work', state.metricName ?? vscode.l10n.t('the metric')),
      placeholder: '2.1',
      validate: (v) => localize(parseNumberInput(v).problem),
    });
    return askTarget;
  };

  const askTarget: InputStep = async (input) => {
    state.target = await input.showInputBox({
      title: title(), step: 7 + offset, totalSteps: total, value: state.target ?? '',
      prompt: vscode.l10n.t('Target (optional): {0} the work aims for', state.metricName ?? vscode.l10n.t('the metric')),
      placeholder: '2.4',
      validate: (v) => localize(parseNumberInput(v).problem),
    });
    return askAmount;
  };

  const askAmount: InputStep = async (input) => {
    state.amount = await input.showInputBox({
      title: title(), step: 8 + offset, totalSteps: total, value: state.amount ?? '',
      prompt: vscode.l10n.t('Value (optional): what it is worth, as an amount of money; leave empty to skip'),
      placeholder: '120000',
      validate: (v) => {
        const { value, problem } = parseNumberInput(v);
        return localize(problem) ?? (value !== undefined && value < 0 ? vscode.l10n.t('Enter an amount of 0 or more.') : undefined);
      },
    });
    return state.amount.trim() ? askCurrency : undefined;
  };

  const askCurrency: InputStep = async (input) => {
    const answer = await input.showInputBox({
      title: title(), step: 9 + offset, totalSteps: total, value: state.currency ?? 'EUR',
      prompt: vscode.l10n.t('Currency: three-letter code'),
      validate: (v) => localize(parseCurrencyInput(v).problem),
    });
    state.currency = parseCurrencyInput(answer).value ?? 'EUR';
    return askPeriod;
  };

  const askPeriod: InputStep = async (input) => {
    const items = VALUE_PERIODS.map((per) => ({ label: per, description: periodLabels()[per], per }));
    const picked = await input.showQuickPick({
      title: title(), step: 10 + offset, totalSteps: total, items,
      activeItem: items.find((i) => i.per === (state.per ?? 'year')),
      placeholder: vscode.l10n.t('Is the value earned once, or per month, quarter or year?'),
    });
    state.per = picked.per;
    return askConfidence;
  };

  const askConfidence: InputStep = async (input) => {
    const items = CONFIDENCE_LEVELS.map((confidence) => ({ label: confidence, description: confidenceDetails()[confidence], confidence }));
    const picked = await input.showQuickPick({
      title: title(), step: 11 + offset, totalSteps: total, items,
      activeItem: items.find((i) => i.confidence === (state.confidence ?? 'medium')),
      placeholder: vscode.l10n.t('How sure is this estimate?'),
    });
    state.confidence = picked.confidence;
    return undefined;
  };

  const onlyFolder = deps.folders[0];
  if (!multiRoot && onlyFolder) state.folder = onlyFolder;
  const finished = await new FlowDrafts(deps.drafts).run<Omit<Partial<State>, 'folder'> & { folder?: string | undefined }>({
    key: 'newIntent',
    title: title(),
    start: multiRoot ? pickFolder : askTitle,
    snapshot: () => ({ ...state, folder: state.folder?.uri.toString() }),
    restore: ({ folder, ...answers }) => {
      const kept = deps.folders.find((f) => f.uri.toString() === folder);
      if (!kept) return false;
      Object.assign(state, answers, { folder: kept });
      return true;
    },
  });
  if (!finished) return undefined;
  const written = await writeIntent(state);
  if (written) await finished.discard();
  return written;
}

/** Another file (`<id>.yaml` or `<id>.yml`) may exist that the store has not loaded, e.g. a broken one. */
async function fileClash(folder: NewIntentFolder, id: string): Promise<string | undefined> {
  for (const ext of ['yaml', 'yml']) {
    const uri = vscode.Uri.joinPath(folder.uri, VALUE_DIR, INTENTS_DIR, `${id}.${ext}`);
    try {
      await vscode.workspace.fs.stat(uri);
      return vscode.l10n.t('{0} already exists; choose another id.', `${VALUE_DIR}/${INTENTS_DIR}/${id}.${ext}`);
    } catch {
      // Not there: fine.
    }
  }
  return undefined;
}

function answersOf(state: Partial<State>): IntentAnswers {
  const baseline = parseNumberInput(state.baseline ?? '').value;
  const target = parseNumberInput(state.target ?? '').value;
  const amount = parseNumberInput(state.amount ?? '').value;
  return {
    id: state.id ?? '',
    title: state.title ?? '',
    why: state.why ?? '',
    owner: state.owner ?? '',
    status: 'proposed',
    ...(state.metricName
      ? { metric: { name: state.metricName, ...(baseline !== undefined ? { baseline } : {}), ...(target !== undefined ? { target } : {}) } }
      : {}),
    ...(amount !== undefined
      ? {
          value: {
            amount,
            currency: state.currency ?? 'EUR',
            ...(state.per ? { per: state.per } : {}),
            ...(state.confidence ? { confidence: state.confidence } : {}),
          },
        }
      : {}),
  };
}

async function writeIntent(state: Partial<State>): Promise<vscode.Uri | undefined> {
  const folder = state.folder;
  if (!folder) return undefined;
  if (folder.uri.scheme !== 'file') {
    void vscode.window.showErrorMessage(vscode.l10n.t('Value Lens can only create intents in folders on disk, not in {0}.', folder.uri.toString()));
    return undefined;
  }
  const answers = answersOf(state);
  const file = path.join(folder.uri.fsPath, VALUE_DIR, INTENTS_DIR, `${answers.id}.yaml`);
  try {
    await createFileAtomic(file, renderIntentYaml(answers), { root: folder.uri.fsPath, makeFolders: true });
  } catch (err) {
    // Our own errors already say what happened and what to do; anything else gets the file name around it.
    const why = isWriteError(err) ? writeErrorText(err) : vscode.l10n.t('Could not write {0}: {1}', file, err instanceof Error ? err.message : String(err));
    void vscode.window.showErrorMessage(why);
    return undefined;
  }
  const uri = vscode.Uri.file(file);
  await vscode.window.showTextDocument(uri, { preview: false });
  return uri;
}
