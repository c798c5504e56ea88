// The parts of the extension that activate() does not need, each loaded on first use.
// In the shipped build (esbuild.js) every `require('./xBundle')` below becomes a separate file,
// dist/lazy/x.js, required only when first called; in the test builds they are bundled inline.
// A class or cache that crosses a boundary lives in exactly one bundle (OWNED in esbuild.js): the
// other bundles require that bundle for it, so Node's module cache hands every caller one instance.
import type * as CommandsBundle from './commandsBundle';
import type * as GitBundle from './gitBundle';
import type * as ModelBundle from './modelBundle';
import type * as ReportBundle from './reportBundle';

export interface LazyBundle<T> {
  /** Loads the bundle on the first call (synchronously), then returns the same module. */
  (): T;
  /** True once loaded: lets callers with nothing to do skip the load (e.g. no report open yet). */
  readonly loaded: boolean;
}

function lazy<T>(load: () => T): LazyBundle<T> {
  let module: T | undefined;
  const get = (): T => (module ??= load());
  return Object.defineProperty(get, 'loaded', { get: () => module !== undefined }) as LazyBundle<T>;
}

/* eslint-disable @typescript-eslint/no-require-imports -- a string-literal require is what esbuild can split into a file loaded on demand */
/** The `.value/` parser: yaml and the schema validators. */
export const modelBundle = lazy(() => require('./modelBundle') as typeof ModelBundle);
/** Git and the linking engine: simple-git, core/git, core/linking. */
export const gitBundle = lazy(() => require('./gitBundle') as typeof GitBundle);
/** The command implementations (multi-step inputs, release flows, YAML edits). */
export const commandsBundle = lazy(() => require('./commandsBundle') as typeof CommandsBundle);
/** The value report: its model, HTML and the webview panel. */
export const reportBundle = lazy(() => require('./reportBundle') as typeof ReportBundle);
/* eslint-enable @typescript-eslint/no-require-imports */

/**
 * The model bundle, loaded after the current macrotask: activate() resolves before the
 * extension host spends time compiling the parser, and the first refresh picks it up.
 */
export function modelBundleSoon(): Promise<typeof ModelBundle> {
  if (modelBundle.loaded) return Promise.resolve(modelBundle());
  return new Promise((resolve, reject) => setImmediate(() => {
    try {
      resolve(modelBundle());
    } catch (e) {
      reject(e instanceof Error ? e : new Error(String(e)));
    }
  }));
}
