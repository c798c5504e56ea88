import { isDeepStrictEqual } from 'node:util';
import type { YamlEdit, YamlPath, YamlValue } from './yamlEdits';
import { parseForEdit } from './yamlEdits';

/** What a flow knows about the part of a file it rewrites. */
export interface Ownership {
  /** Whether the flow controls `key` of the map at `path`: only such keys may be removed. */
  readonly owns: (path: YamlPath, key: string) => boolean;
  /** The identity of a list item (e.g. a measure's metric), so a re-ordered list keeps each item's other keys. */
  readonly identity?: (path: YamlPath, item: unknown) => string | undefined;
}

type Plain = { readonly [key: string]: unknown };
const isMap = (v: unknown): v is Plain => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * `next` laid over `current`: the flow's answers win, and every key of `current` the flow does not
 * own is kept where it was, so a field the user never saw in the flow is never dropped.
 */
export function overlay(path: YamlPath, current: unknown, next: YamlValue, own: Ownership): YamlValue {
  if (isMap(current) && isMap(next)) {
    const out: Record<string, YamlValue> = {};
    for (const [key, value] of Object.entries(current)) {
      if (key in next) out[key] = overlay([...path, key], value, next[key] as YamlValue, own);
      else if (!own.owns(path, key)) out[key] = value as YamlValue;
    }
    for (const [key, value] of Object.entries(next)) if (!(key in out)) out[key] = value;
    return out;
  }
  if (Array.isArray(current) && Array.isArray(next)) {
    const ids = (item: unknown): string | undefined => own.identity?.(path, item);
    return next.map((item: YamlValue, i: number) => {
      const id = ids(item);
      const match: unknown = id !== undefined ? current.find((c) => ids(c) === id) : current.length === next.length ? current[i] : undefined;
      return match === undefined ? item : overlay([...path, i], match, item, own);
    });
  }
  return next;
}

/** The smallest edits (per key, per list item) that turn `current` at `path` into `next`. */
export function diffEdits(path: YamlPath, current: unknown, next: YamlValue): YamlEdit[] {
  if (isDeepStrictEqual(current, next)) return [];
  if (isMap(current) && isMap(next)) {
    const edits: YamlEdit[] = [];
    for (const key of Object.keys(current)) if (!(key in next)) edits.push({ kind: 'delete', path: [...path, key] });
    for (const [key, value] of Object.entries(next)) edits.push(...diffEdits([...path, key], current[key], value));
    return edits;
  }
  if (Array.isArray(current) && Array.isArray(next) && current.length === next.length) {
    return next.flatMap((item: YamlValue, i: number) => diffEdits([...path, i], current[i], item));
  }
  return [{ kind: 'set', path, value: next }];
}

/**
 * The edits that write a flow's answers (`next`, the whole value at `path`) into the YAML `text`:
 * only what differs changes, and keys the flow does not own survive. None when nothing differs.
 * @throws YamlSyntaxError when the text has YAML errors.
 */
export function editsToward(text: string, path: YamlPath, next: YamlValue, own: Ownership): YamlEdit[] {
  const at = valueAt(parseForEdit(text).toJS() as unknown, path);
  return diffEdits(path, at, overlay(path, at, next, own));
}

function valueAt(root: unknown, path: YamlPath): unknown {
  let node = root;
  for (const seg of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[seg];
  }
  return node;
}
