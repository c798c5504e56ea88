import * as assert from 'assert';
import type * as vscode from 'vscode';
import type { FirstLoad } from '../../../src/lazy/untilLoaded';
import { untilLoaded } from '../../../src/lazy/untilLoaded';

/** A store whose first read of .value/ lands when the test says so. */
function firstLoad(): FirstLoad & { land(): void } {
  let land = (): void => undefined;
  const idle = new Promise<void>((resolve) => (land = resolve));
  const store = { loaded: false, whenIdle: () => idle, land: () => ((store.loaded = true), land()) };
  return store;
}

/** A tree over `intents`, as the Intents view has before and after the first read. */
function tree(intents: () => string[]): vscode.TreeDataProvider<string> {
  return { getTreeItem: (label) => ({ label }), getChildren: () => intents(), getParent: (label) => (label === 'root' ? undefined : 'root') };
}

describe('views until the first read of .value/ lands (lazy/untilLoaded)', () => {
  it('keeps the tree waiting (VS Code shows progress, not the "No intents yet" welcome) and then shows the intents', async () => {
    const store = firstLoad();
    let intents: string[] = [];
    const view = untilLoaded(store, tree(() => intents));
    const result = view.getChildren(undefined);
    assert.ok(result instanceof Promise, 'an empty array now would show the empty-state welcome');
    const pending = result as Promise<string[]>;
    let answered: string[] | undefined;
    void pending.then((children) => (answered = children));
    await new Promise((r) => setImmediate(r));
    assert.strictEqual(answered, undefined, 'answered before the model was read');
    intents = ['checkout-speed', 'guided-onboarding'];
    store.land();
    assert.deepStrictEqual(await pending, ['checkout-speed', 'guided-onboarding']);
  });

  it('answers at once once the model is loaded, and keeps reveal() working through getParent', () => {
    const store = firstLoad();
    store.land();
    const view = untilLoaded(store, tree(() => ['checkout-speed']));
    assert.deepStrictEqual(view.getChildren(undefined), ['checkout-speed']);
    assert.strictEqual(view.getParent?.('checkout-speed'), 'root');
    assert.deepStrictEqual(view.getTreeItem('checkout-speed'), { label: 'checkout-speed' });
  });
});
