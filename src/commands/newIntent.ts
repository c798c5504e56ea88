import * as path from 'path';
import * as vscode from 'vscode';
import type { Confidence, ValuePeriod } from '../core/model/types';
import { CONFIDENCE_LEVELS, VALUE_PERIODS } from '../core/model/types';
import { INTENTS_DIR, VALUE_DIR } from '../core/valueFolder';
import { UnsafeWritePathError, WriteConflictError, createFileAtomic } from '../core/yaml/atomicWrite';
import { checkIntentIdInput, checkRequiredInput, parseCurrencyInput, parseNumberInput } from '../core/yaml/intentInput';
import type { IntentAnswers } from '../core/yaml/intentTemplate';
import { renderIntentYaml, suggestIntentId } from '../core/yaml/intentTemplate';
import type { InputStep } from '../ui/multiStepInput';
import { MultiStepInput } from '../ui/multiStepInput';

export interface NewIntentFolder {
  readonly uri: vscode.Uri;
  readonly name: string;
  /** Ids of the intents already loaded for this folder. */
  readonly existingIds: ReadonlySet<string>;
}

export interface NewIntentDeps {
  readonly folders: readonly NewIntentFolder[];
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

const TITLE = 'New Intent';
/** title, id, why, owner, metric name, baseline, target, amount, currency, period, confidence */
const QUESTIONS = 11;

const PERIOD_LABELS: Record<ValuePeriod, string> = { once: 'once', month: 'per month', quarter: 'per quarter', year: 'per year' };
const CONFIDENCE_DETAILS: Record<Confidence, string> = {
  low: 'a rough guess',
  medium: 'based on some data',
  high: 'well measured or contracted',
};

/**
 * **Value: New Intent…** — asks for the intent step by step and creates `.value/intents/<id>.yaml`
 * in the chosen workspace folder, never overwriting a file, then opens it. Escape at any step
 * writes nothing. Returns the new file, or undefined when nothing was written.
 */
export async function newIntent(deps: { folders: readonly { uri: vscode.Uri; name: string; existingIds: ReadonlySet<string> }[] }): Promise<vscode.Uri | undefined> {
  if (deps.folders.length === 0) {
    void vscode.window.showInformationMessage('Open a folder first: intents are kept in its .value/intents/ folder.');
    return undefined;
  }
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showInformationMessage('Value Lens writes no files in an untrusted workspace. Trust the workspace to add an intent.');
    return undefined;
  }
  const state: Partial<State> = {};
  const multiRoot = deps.folders.length > 1;
  const total = QUESTIONS + (multiRoot ? 1 : 0);
  const offset = multiRoot ? 1 : 0;

  const pickFolder: InputStep = async (input) => {
    const items = deps.folders.map((folder) => ({ label: folder.name, description: folder.uri.fsPath, folder }));
    const picked = await input.showQuickPick({
      title: TITLE, step: 1, totalSteps: total, items,
      activeItem: items.find((i) => i.folder === state.folder),
      placeholder: 'Workspace folder for the new intent',
    });
    state.folder = picked.folder;
    return askTitle;
  };

  const askTitle: InputStep = async (input) => {
    state.title = (await input.showInputBox({
      title: TITLE, step: 1 + offset, totalSteps: total, value: state.title ?? '',
      prompt: 'Title: a short name for the intent, as management would say it',
      placeholder: 'Faster checkout',
      validate: (v) => checkRequiredInput(v, 'a title'),
    })).trim();
    return askId;
  };

  const askId: InputStep = async (input) => {
    const folder = state.folder as NewIntentFolder;
    const suggested = suggestIntentId(state.title ?? '', (id) => folder.existingIds.has(id));
    state.id = await input.showInputBox({
      title: TITLE, step: 2 + offset, totalSteps: total, value: state.id ?? suggested,
      prompt: `Id: lower-case letters, digits and dashes; the file will be ${VALUE_DIR}/${INTENTS_DIR}/<id>.yaml`,
      validate: async (v) => checkIntentIdInput(v, (id) => folder.existingIds.has(id)) ?? (await fileClash(folder, v)),
    });
    return askWhy;
  };

  const askWhy: InputStep = async (input) => {
    state.why = (await input.showInputBox({
      title: TITLE, step: 3 + offset, totalSteps: total, value: state.why ?? '',
      prompt: 'Why: why it matters to the business, in a sentence or two',
      placeholder: 'Cart abandonment is 68%; every 100 ms of checkout latency costs about 1% conversion.',
      validate: (v) => checkRequiredInput(v, 'why it matters'),
    })).trim();
    return askOwner;
  };

  const askOwner: InputStep = async (input) => {
    state.owner = (await input.showInputBox({
      title: TITLE, step: 4 + offset, totalSteps: total, value: state.owner ?? '',
      prompt: 'Owner: the team or person who delivers it',
      placeholder: 'payments-team',
      validate: (v) => checkRequiredInput(v, 'an owner'),
    })).trim();
    return askMetricName;
  };

  const askMetricName: InputStep = async (input) => {
    state.metricName = (await input.showInputBox({
      title: TITLE, step: 5 + offset, totalSteps: total, value: state.metricName ?? '',
      prompt: 'Metric (optional): the metric this intent should move; leave empty to skip',
      placeholder: 'checkout conversion',
      validate: () => undefined,
    })).trim();
    return state.metricName ? askBaseline : askAmount;
  };

  const askBaseline: InputStep = async (input) => {
    state.baseline = await input.showInputBox({
      title: TITLE, step: 6 + offset, totalSteps: total, value: state.baseline ?? '',
      prompt: `Baseline (optional): ${state.metricName ?? 'the metric'} before the work`,
      placeholder: '2.1',
      validate: (v) => parseNumberInput(v).problem,
    });
    return askTarget;
  };

  const askTarget: InputStep = async (input) => {
    state.target = await input.showInputBox({
      title: TITLE, step: 7 + offset, totalSteps: total, value: state.target ?? '',
      prompt: `Target (optional): ${state.metricName ?? 'the metric'} the work aims for`,
      placeholder: '2.4',
      validate: (v) => parseNumberInput(v).problem,
    });
    return askAmount;
  };

  const askAmount: InputStep = async (input) => {
    state.amount = await input.showInputBox({
      title: TITLE, step: 8 + offset, totalSteps: total, value: state.amount ?? '',
      prompt: 'Value (optional): what it is worth, as an amount of money; leave empty to skip',
      placeholder: '120000',
      validate: (v) => {
        const { value, problem } = parseNumberInput(v);
        return problem ?? (value !== undefined && value < 0 ? 'Enter an amount of 0 or more.' : undefined);
      },
    });
    return state.amount.trim() ? askCurrency : undefined;
  };

  const askCurrency: InputStep = async (input) => {
    const answer = await input.showInputBox({
      title: TITLE, step: 9 + offset, totalSteps: total, value: state.currency ?? 'EUR',
      prompt: 'Currency: three-letter code',
      validate: (v) => parseCurrencyInput(v).problem,
    });
    state.currency = parseCurrencyInput(answer).value ?? 'EUR';
    return askPeriod;
  };

  const askPeriod: InputStep = async (input) => {
    const items = VALUE_PERIODS.map((per) => ({ label: per, description: PERIOD_LABELS[per], per }));
    const picked = await input.showQuickPick({
      title: TITLE, step: 10 + offset, totalSteps: total, items,
      activeItem: items.find((i) => i.per === (state.per ?? 'year')),
      placeholder: 'Is the value earned once, or per month, quarter or year?',
    });
    state.per = picked.per;
    return askConfidence;
  };

  const askConfidence: InputStep = async (input) => {
    const items = CONFIDENCE_LEVELS.map((confidence) => ({ label: confidence, description: CONFIDENCE_DETAILS[confidence], confidence }));
    const picked = await input.showQuickPick({
      title: TITLE, step: 11 + offset, totalSteps: total, items,
      activeItem: items.find((i) => i.confidence === (state.confidence ?? 'medium')),
      placeholder: 'How sure is this estimate?',
    });
    state.confidence = picked.confidence;
    return undefined;
  };

  const onlyFolder = deps.folders[0];
  if (!multiRoot && onlyFolder) state.folder = onlyFolder;
  const completed = await MultiStepInput.run(multiRoot ? pickFolder : askTitle);
  if (!completed) return undefined;
  return writeIntent(state);
}

/** Another file (`<id>.yaml` or `<id>.yml`) may exist that the store has not loaded, e.g. a broken one. */
async function fileClash(folder: NewIntentFolder, id: string): Promise<string | undefined> {
  for (const ext of ['yaml', 'yml']) {
    const uri = vscode.Uri.joinPath(folder.uri, VALUE_DIR, INTENTS_DIR, `${id}.${ext}`);
    try {
      await vscode.workspace.fs.stat(uri);
      return `${VALUE_DIR}/${INTENTS_DIR}/${id}.${ext} already exists; choose another id.`;
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
    void vscode.window.showErrorMessage(`Value Lens can only create intents in folders on disk, not in ${folder.uri.toString()}.`);
    return undefined;
  }
  const answers = answersOf(state);
  const file = path.join(folder.uri.fsPath, VALUE_DIR, INTENTS_DIR, `${answers.id}.yaml`);
  try {
    await createFileAtomic(file, renderIntentYaml(answers), { root: folder.uri.fsPath, makeFolders: true });
  } catch (err) {
    const why = err instanceof WriteConflictError || err instanceof UnsafeWritePathError ? err.message : `Could not write ${file}: ${String(err)}`;
    void vscode.window.showErrorMessage(why);
    return undefined;
  }
  const uri = vscode.Uri.file(file);
  await vscode.window.showTextDocument(uri, { preview: false });
  return uri;
}
