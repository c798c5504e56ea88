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
 * A multi-step QuickInput in the style of the vscode-extension-samples quickinput sample: each step
 * shows one input ("k of n" in the title bar), Back returns to the previous step with its answer
 * kept, Escape (or focus lost) ends the whole flow. Errors show inline under the input.
 */
export class MultiStepInput {
  /** Runs the steps from `start`; true when the last step finished, false when the user cancelled. */
  static async run(start: InputStep): Promise<boolean> {
    return new MultiStepInput().stepThrough(start);
  }

  private current?: vscode.QuickInput;
  private readonly steps: InputStep[] = [];

  private async stepThrough(start: InputStep): Promise<boolean> {
    let step: InputStep | undefined = start;
    let completed = false;
    try {
      while (step) {
        this.steps.push(step);
        if (this.current) {
          this.current.enabled = false;
          this.current.busy = true;
        }
        try {
          step = await step(this);
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
    return completed;
  }

  async showInputBox(params: InputBoxParams): Promise<string> {
    const disposables: vscode.Disposable[] = [];
    try {
      return await new Promise<string>((resolve, reject) => {
        const input = vscode.window.createInputBox();
        input.title = params.title;
        input.step = params.step;
        input.totalSteps = params.totalSteps;
        input.value = params.value;
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
          input.onDidHide(() => reject(InputFlowAction.cancel)),
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
          input.onDidHide(() => reject(InputFlowAction.cancel)),
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
          input.onDidHide(() => reject(InputFlowAction.cancel)),
        );
        this.replaceCurrent(input);
      });
    } finally {
      for (const d of disposables) d.dispose();
    }
  }

  /** A multi-select pick list; `selected` items start checked; Enter accepts the checked items (none is fine). */
  async showMultiPick<T extends vscode.QuickPickItem>(params: QuickPickParams<T> & { readonly selected: readonly T[] }): Promise<readonly T[]> {
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
          input.onDidHide(() => reject(InputFlowAction.cancel)),
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
