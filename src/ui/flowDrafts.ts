import vscode = require('vscode');
import type { FlowProgress, InputStep } from './multiStepInput';
import { MultiStepInput } from './multiStepInput';

/** The slice of `vscode.Memento` drafts need; the extension passes its workspace state. */
export interface DraftMemento {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): Thenable<void>;
}

interface StoredDraft {
  readonly state: unknown;
  readonly progress: FlowProgress;
  /** When it was kept, as an ISO timestamp. */
  readonly saved: string;
}

export interface DraftedFlow<S> {
  /** One key per flow and what it is about, e.g. `createRelease:<folder uri>`. */
  readonly key: string;
  readonly title: string;
  readonly start: InputStep;
  /** The flow's answers as plain JSON. */
  readonly snapshot: () => S;
  /** Puts a kept snapshot back into the flow's state; false when it no longer fits (its folder is gone). */
  readonly restore: (saved: S) => boolean;
}

/** A flow that ended with every step answered; `discard` forgets its draft once its work is written. */
export interface FinishedFlow {
  readonly discard: () => Promise<void>;
}

const PREFIX = 'valueLens.draft.';

/**
 * Keeps a flow's answers when it is cancelled (Escape, focus lost), in the workspace's own state,
 * never in the repository. Starting the flow again offers to continue at the step it stopped at;
 * the draft is forgotten only once the flow's work has been written, so a failed write loses nothing.
 */
export class FlowDrafts {
  constructor(private readonly memento: DraftMemento) {}

  /** Runs the flow, offering its draft first; undefined when cancelled (the draft is kept). */
  async run<S>(flow: DraftedFlow<S>): Promise<FinishedFlow | undefined> {
    const key = PREFIX + flow.key;
    const kept = this.memento.get<StoredDraft>(key);
    let from: FlowProgress | undefined;
    if (kept) {
      const choice = await offerDraft(flow.title, kept);
      if (choice === undefined) return undefined;
      if (choice === 'continue' && flow.restore(kept.state as S)) from = kept.progress;
      else await this.memento.update(key, undefined);
    }
    const { completed, progress } = await MultiStepInput.resumable(flow.start, from);
    if (completed || progress.replay > 0 || progress.pending) {
      await this.memento.update(key, { state: flow.snapshot(), progress, saved: new Date().toISOString() } satisfies StoredDraft);
    }
    if (!completed) {
      if (progress.replay > 0 || progress.pending) {
        vscode.window.setStatusBarMessage(vscode.l10n.t('$(history) Value Lens kept your answers to {0}: run it again to continue.', flow.title), 8000);
      }
      return undefined;
    }
    return { discard: () => Promise.resolve(this.memento.update(key, undefined)) };
  }
}

async function offerDraft(title: string, kept: StoredDraft): Promise<'continue' | 'fresh' | undefined> {
  const saved = new Date(kept.saved);
  const when = Number.isNaN(saved.getTime()) ? '' : saved.toLocaleString(vscode.env.language, { dateStyle: 'medium', timeStyle: 'short' });
  const { step, totalSteps } = kept.progress;
  const where = step !== undefined && totalSteps !== undefined ? vscode.l10n.t('at step {0} of {1}', step, totalSteps) : vscode.l10n.t('after {0} answered steps', kept.progress.replay);
  const items = [
    { label: `$(history) ${vscode.l10n.t('Continue where you left off')}`, detail: vscode.l10n.t('{0}, kept {1}', where, when), choice: 'continue' as const },
    { label: `$(discard) ${vscode.l10n.t('Start over')}`, detail: vscode.l10n.t('the kept answers are forgotten'), choice: 'fresh' as const },
  ];
  const picked = await vscode.window.showQuickPick(items, { title, placeHolder: vscode.l10n.t('You left {0} unfinished: continue, or start over?', title) });
  return picked?.choice;
}
