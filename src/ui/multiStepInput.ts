import vscode = require('vscode');

/** Thrown inside a step to move the flow; never escapes `MultiStepInput.run`. */
class InputFlowAction extends Error {
  static readonly back = new InputFlowAction('back');
  static readonly cancel = new InputFlowAction('cancel');
}

function toError(err: unknown): Error {
  return err instanceof Error ? err : new Error(String(err));
}

/** One step: asks one question, fills its part of the state, returns the next step (or nothing at the end). */
export type InputStep = (input: MultiStepInput) => Promise<InputStep | undefined>;

/** Returns the message to show under the input, or undefined when the value is acceptable. */
export type Validate = (value: string) => string | undefined | Promise<string | undefined>;

export interface InputBoxParams {
  readonly title: string;
  readonly step: number;
  readonly totalSteps: number;
  readonly value: string;
  readonly prompt: string;
  readonly placeholder?: string;
  readonly validate: Validate;
}

export interface QuickPickParams<T extends vscode.QuickPickItem> {
  readonly title: string;
  readonly step: number;
  readonly totalSteps: number;
  readonly items: readonly T[];
  readonly activeItem?: T | undefined;
  readonly placeholder: string;
}

/**
 * Where a cancelled flow stopped, so it can be resumed: the first `replay` steps are accepted again
 * with the answers the flow's state holds, and `pending` is what was typed into the step that was
 * open when it was cancelled. `step`/`totalSteps` are that step's numbers, for "step 4 of 9".
 */
export interface FlowProgress {
  readonly replay: number;
  readonly pending?: string;
  readonly step?: number;
  readonly totalSteps?: number;
}

export interface FlowResult {
  readonly completed: boolean;
  readonly progress: FlowProgress;
}

/**
 * A multi-step QuickInput in the style of the vscode-extension-samples quickinput sample: each step
 * shows one input ("k of n" in the title bar), Back returns to the previous step with its answer
 * kept, Escape (or focus lost) ends the whole flow. Errors show inline under the input.
 */
export class MultiStepInput {
  /** Runs the steps from `start`; true when the last step finished, false when the user cancelled. */
  static async run(start: InputStep): Promise<boolean> {
    return (await MultiStepInput.resumable(start)).completed;
  }

  /**
   * Runs the steps from `start`, first replaying `from` (see FlowProgress); says how far the flow
   * got, so a cancelled flow can keep a draft. A replay never answers the last step: the user does.
   */
  static async resumable(start: InputStep, from?: FlowProgress): Promise<FlowResult> {
    return new MultiStepInput(from).stepThrough(start);
  }

  private current?: vscode.QuickInput;
  private readonly steps: InputStep[] = [];
  private replayLeft: number;
  private pending: string | undefined;
  /** Whether the running step may be answered from the flow's state, and whether it was. */
  private replaying = false;
  private answeredFromState = false;
  private cancelledAt?: Omit<FlowProgress, 'replay'>;

  private constructor(from?: FlowProgress) {
    this.replayLeft = from?.replay ?? 0;
    this.pending = from?.pending;
  }

  private async stepThrough(start: InputStep): Promise<FlowResult> {
    let step: InputStep | undefined = start;
    let completed = false;
    try {
      while (step) {
        this.steps.push(step);
        if (this.current) {
          this.current.enabled = false;
          this.current.busy = true;
        }
        this.replaying = this.replayLeft > 0;
        if (this.replaying) this.replayLeft--;
        this.answeredFromState = false;
        try {
          const next: InputStep | undefined = await step(this);
          if (!next && this.answeredFromState) {
            // A replay never finishes a flow (the state may have changed since the draft): ask it.
            this.stopReplay();
            this.steps.pop();
            continue;
          }
          step = next;
          if (!step) completed = true;
        } catch (err) {
          if (err === InputFlowAction.back) {
            this.steps.pop();
            step = this.steps.pop();
          } else if (err === InputFlowAction.cancel) {
            step = undefined;
          } else {
            throw err;
          }
        }
      }
    } finally {
      this.current?.dispose();
    }
    const at = this.cancelledAt;
    // The step that was open when the flow ended is asked again, not replayed.
    const replay = Math.max(0, this.steps.length - 1);
    return { completed, progress: completed || !at ? { replay } : { replay, ...at } };
  }

  /** Called by a step whose answer the state cannot give: the replay ends and the step is shown. */
  private stopReplay(): void {
    this.replaying = false;
    this.replayLeft = 0;
    this.pending = undefined;
  }

  /** What was typed before the cancel, for the first step shown after the replay (then gone). */
  private takePending(): string | undefined {
    const pending = this.pending;
    this.pending = undefined;
    return pending;
  }

  private noteCancel(input: vscode.QuickInput, value?: string): void {
    this.cancelledAt = { ...(value ? { pending: value } : {}), ...(input.step !== undefined ? { step: input.step } : {}), ...(input.totalSteps !== undefined ? { totalSteps: input.totalSteps } : {}) };
  }

  /** Answers the running step from the state when replaying and `answer` can; else ends the replay. */
  private async fromState<T>(answer: () => T | undefined | Promise<T | undefined>): Promise<T | undefined> {
    if (!this.replaying) return undefined;
    const value = await answer();
    if (value === undefined) {
      this.stopReplay();
      return undefined;
    }
    this.answeredFromState = true;
    return value;
  }

  async showInputBox(params: InputBoxParams): Promise<string> {
    const replayed = await this.fromState(async () => ((await params.validate(params.value)) === undefined ? params.value : undefined));
    if (replayed !== undefined) return replayed;
    const pending = this.takePending();
    const disposables: vscode.Disposable[] = [];
    try {
      return await new Promise<string>((resolve, reject) => {
        const input = vscode.window.createInputBox();
        input.title = params.title;
        input.step = params.step;
        input.totalSteps = params.totalSteps;
        input.value = pending ?? params.value;
        // Typing goes on after what was typed before the cancel, rather than replacing it.
        if (pending !== undefined) input.valueSelection = [pending.length, pending.length];
        input.prompt = params.prompt;
        input.placeholder = params.placeholder;
        input.ignoreFocusOut = true;
        input.buttons = this.steps.length > 1 ? [vscode.QuickInputButtons.Back] : [];
        // Only the newest validation may set the message, so a slow one never overwrites a newer answer's.
        let latest: Promise<string | undefined> | undefined;
        const validate = async (value: string): Promise<string | undefined> => {
          const check = Promise.resolve(params.validate(value));
          latest = check;
          const message = await check;
          if (latest === check) input.validationMessage = message;
          return message;
        };
        disposables.push(
          input.onDidTriggerButton((button) => {
            if (button === vscode.QuickInputButtons.Back) reject(InputFlowAction.back);
          }),
          input.onDidAccept(async () => {
            const value = input.value;
            input.enabled = false;
            input.busy = true;
            try {
              if ((await validate(value)) === undefined) resolve(value);
            } catch (err) {
              reject(toError(err));
            } finally {
              input.enabled = true;
              input.busy = false;
            }
          }),
          input.onDidChangeValue(async (value) => {
            try {
              await validate(value);
            } catch (err) {
              reject(toError(err));
            }
          }),
          input.onDidHide(() => {
            this.noteCancel(input, input.value);
            reject(InputFlowAction.cancel);
          }),
        );
        this.replaceCurrent(input);
        // A prefilled value is checked at once, so a suggested id that clashes is flagged before
        // Enter; an empty field is not, so a step never opens with an error the user did not cause.
        if (input.value) void validate(input.value).catch((err: unknown) => reject(toError(err)));
      });
    } finally {
      for (const d of disposables) d.dispose();
    }
  }

  async showQuickPick<T extends vscode.QuickPickItem>(params: QuickPickParams<T>): Promise<T> {
    const replayed = await this.fromState(() => params.activeItem);
    if (replayed !== undefined) return replayed;
    this.takePending();
    const disposables: vscode.Disposable[] = [];
    try {
      return await new Promise<T>((resolve, reject) => {
        const input = vscode.window.createQuickPick<T>();
        this.configurePick(input, params);
        disposables.push(
          input.onDidTriggerButton((button) => {
            if (button === vscode.QuickInputButtons.Back) reject(InputFlowAction.back);
          }),
          input.onDidChangeSelection((items) => {
            const picked = items[0];
            if (picked) resolve(picked);
          }),
          input.onDidHide(() => {
            this.noteCancel(input);
            reject(InputFlowAction.cancel);
          }),
        );
        this.replaceCurrent(input);
      });
    } finally {
      for (const d of disposables) d.dispose();
    }
  }

  /**
   * A pick list that also hands back what the user typed into its filter, so a step can offer
   * suggestions and still take free text (an item with `alwaysShow` stays visible while typing).
   */
  async showQuickPickWithValue<T extends vscode.QuickPickItem>(params: QuickPickParams<T>): Promise<{ readonly item: T; readonly value: string }> {
    const replayed = await this.fromState(() => (params.activeItem ? { item: params.activeItem, value: '' } : undefined));
    if (replayed !== undefined) return replayed;
    this.takePending();
    const disposables: vscode.Disposable[] = [];
    try {
      return await new Promise<{ item: T; value: string }>((resolve, reject) => {
        const input = vscode.window.createQuickPick<T>();
        this.configurePick(input, params);
        disposables.push(
          input.onDidTriggerButton((button) => {
            if (button === vscode.QuickInputButtons.Back) reject(InputFlowAction.back);
          }),
          input.onDidAccept(() => {
            const picked = input.activeItems[0];
            if (picked) resolve({ item: picked, value: input.value });
          }),
          input.onDidHide(() => {
            this.noteCancel(input);
            reject(InputFlowAction.cancel);
          }),
        );
        this.replaceCurrent(input);
      });
    } finally {
      for (const d of disposables) d.dispose();
    }
  }

  /** A multi-select pick list; `selected` items start checked; Enter accepts the checked items (none is fine). */
  async showMultiPick<T extends vscode.QuickPickItem>(params: QuickPickParams<T> & { readonly selected: readonly T[] }): Promise<readonly T[]> {
    const replayed = await this.fromState(() => params.selected);
    if (replayed !== undefined) return replayed;
    this.takePending();
    const disposables: vscode.Disposable[] = [];
    try {
      return await new Promise<readonly T[]>((resolve, reject) => {
        const input = vscode.window.createQuickPick<T>();
        input.canSelectMany = true;
        this.configurePick(input, params);
        input.selectedItems = params.selected;
        disposables.push(
          input.onDidTriggerButton((button) => {
            if (button === vscode.QuickInputButtons.Back) reject(InputFlowAction.back);
          }),
          input.onDidAccept(() => resolve([...input.selectedItems])),
          input.onDidHide(() => {
            this.noteCancel(input);
            reject(InputFlowAction.cancel);
          }),
        );
        this.replaceCurrent(input);
      });
    } finally {
      for (const d of disposables) d.dispose();
    }
  }

  private configurePick<T extends vscode.QuickPickItem>(input: vscode.QuickPick<T>, params: QuickPickParams<T>): void {
    input.title = params.title;
    input.step = params.step;
    input.totalSteps = params.totalSteps;
    input.placeholder = params.placeholder;
    input.ignoreFocusOut = true;
    input.items = params.items;
    if (params.activeItem) input.activeItems = [params.activeItem];
    input.buttons = this.steps.length > 1 ? [vscode.QuickInputButtons.Back] : [];
  }

  private replaceCurrent(input: vscode.QuickInput): void {
    // Dispose the old input before showing the new one; its hide event then fires while its
    // listeners are already gone, so it cannot cancel the flow.
    this.current?.dispose();
    this.current = input;
    input.show();
  }
}
