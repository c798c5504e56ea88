import * as assert from 'assert';
import { isDeepStrictEqual } from 'util';
import fc from 'fast-check';
import { parseDocument } from 'yaml';
import type { YamlEdit, YamlValue } from '../../../src/core/yaml/yamlEdits';
import { applyYamlEdits } from '../../../src/core/yaml/yamlEdits';
import { checkProperty } from './propertyRun';
import type { NodeInfo, Path, RenderedDocument } from './yamlDocuments';
import { KEYS, NEW_KEYS, allNodes, documentArb, renderDocument } from './yamlDocuments';

type Js = unknown;

function parseYaml(text: string): Js {
  const doc = parseDocument(text.replace(/^\uFEFF/, ''));
  if (doc.errors.length > 0) throw new Error(`invalid YAML: ${doc.errors[0]?.message ?? ''}\n${text}`);
  return doc.toJS() as Js;
}

// ---- new values an edit writes

const scalarValueArb: fc.Arbitrary<YamlValue> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'yes', 'no', 'on', '007', '1e3', 'null', '~', 'true', 'a: b', 'x # y', '#x', '- item', '[x]', '{x}', 'multi\nline', 'ends\n',
      ' lead', 'trail ', "it's", '"q"', 'tab\tin', '😀', '', 'crlf\r\ninside', 'a, b', '@at', '*star', '&amp', '!bang', '%pct', '`tick', '日本語',
    ),
  },
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.boolean(),
  fc.constant(null),
);
const valueArb: fc.Arbitrary<YamlValue> = fc.oneof(
  { weight: 4, arbitrary: scalarValueArb },
  fc.array(scalarValueArb, { maxLength: 3 }),
  fc.dictionary(fc.constantFrom(...KEYS, ...NEW_KEYS), scalarValueArb, { maxKeys: 3, noNullPrototype: true }),
  fc.dictionary(fc.constantFrom(...NEW_KEYS), fc.array(scalarValueArb, { minLength: 1, maxLength: 2 }), { minKeys: 1, maxKeys: 2, noNullPrototype: true }),
);

/** What to do, resolved against the generated document (so every edit targets a real node). */
const choiceArb = fc.record({
  op: fc.constantFrom('set', 'setNewKey', 'add', 'addNewKey', 'remove', 'removeAbsent', 'delete'),
  pick: fc.nat(),
  value: valueArb,
  newKey: fc.constantFrom(...NEW_KEYS),
  deeper: fc.boolean(),
});
type Choice = typeof choiceArb extends fc.Arbitrary<infer T> ? T : never;

const isMap = (n: NodeInfo): boolean => n.kind === 'root' || n.kind === 'blockMap' || n.kind === 'flowMap' || n.kind === 'itemMap';
const isSeq = (n: NodeInfo): boolean => n.kind === 'blockSeq' || n.kind === 'flowSeq';

interface Planned {
  readonly edit: YamlEdit;
  /** The bytes the edit may change: [lo, hi) of the original text. */
  readonly region: readonly [number, number];
}

function lineStart(text: string, pos: number): number {
  return text.lastIndexOf('\n', pos - 1) + 1;
}
function lineEndExcl(text: string, pos: number): number {
  const nl = text.indexOf('\n', pos);
  if (nl < 0) return text.length;
  return text[nl - 1] === '\r' ? nl - 1 : nl;
}
function lineEndIncl(text: string, pos: number): number {
  const nl = text.indexOf('\n', pos);
  return nl < 0 ? text.length : nl + 1;
}

/** Where a new entry or item joins the collection `target`. */
function insertionRegion(text: string, target: NodeInfo): readonly [number, number] {
  if (target.kind === 'empty') return [target.start, target.start];
  if (target.open !== undefined && target.close !== undefined) {
    const last = target.children[target.children.length - 1];
    return last ? [last.end, target.close] : [target.open, target.close + 1];
  }
  const at = lineEndExcl(text, target.end);
  return [at, at];
}

/** The lines of one block entry or item, with the line break before them (the last line may have none). */
function removalRegion(text: string, parent: NodeInfo, index: number, eol: string): readonly [number, number] {
  const item = parent.children[index] as NodeInfo;
  const next = parent.children[index + 1];
  const prev = parent.children[index - 1];
  if (parent.open !== undefined && parent.close !== undefined) return [prev?.end ?? parent.open, next?.entryStart ?? parent.close + 1];
  if (parent.children.length === 1) return [item.entryStart, item.end];
  if (item.onDashLine) return [item.entryStart, next ? next.entryStart : item.end];
  let lo = Math.max(0, lineStart(text, item.entryStart) - eol.length);
  const hi = lineEndIncl(text, item.end);
  // The last line of a file without a final line break: blank lines above it go too.
  if (hi === text.length && !text.endsWith('\n')) while (lo > 0 && text[lo - 1] === '\n') lo -= text[lo - 2] === '\r' ? 2 : 1;
  return [lo, hi];
}

function plan(doc: RenderedDocument, js: Js, choice: Choice): Planned | undefined {
  const nodes = allNodes(doc.root);
  const pickFrom = (list: NodeInfo[]): NodeInfo | undefined => list[choice.pick % Math.max(1, list.length)];
  const eol = doc.text.includes('\r\n') ? '\r\n' : '\n';
  switch (choice.op) {
    case 'set': {
      const node = pickFrom(nodes.filter((n) => n.path.length > 0));
      if (!node) return undefined;
      const region: readonly [number, number] = node.kind === 'empty' ? [node.start, node.start] : [node.start, node.end];
      return { edit: { kind: 'set', path: node.path, value: choice.value }, region };
    }
    case 'setNewKey':
    case 'addNewKey': {
      const map = pickFrom(nodes.filter((n) => (isMap(n) || n.kind === 'empty') && !has(getIn(js, n.path), choice.newKey)));
      if (!map) return undefined;
      const path = [...map.path, choice.newKey, ...(choice.deeper && choice.op === 'setNewKey' ? ['inner'] : [])];
      return { edit: { kind: choice.op === 'setNewKey' ? 'set' : 'add', path, value: choice.value }, region: insertionRegion(doc.text, map) };
    }
    case 'add': {
      const seq = pickFrom(nodes.filter(isSeq));
      if (!seq) return undefined;
      return { edit: { kind: 'add', path: seq.path, value: choice.value }, region: insertionRegion(doc.text, seq) };
    }
    case 'remove':
    case 'removeAbsent': {
      const seq = pickFrom(nodes.filter((n) => isSeq(n) && n.children.length > 0));
      if (!seq) return undefined;
      const items = getIn(js, seq.path) as Js[];
      if (choice.op === 'removeAbsent') {
        if (items.some((i) => isDeepStrictEqual(i, choice.value))) return undefined;
        return { edit: { kind: 'remove', path: seq.path, value: choice.value }, region: [0, 0] };
      }
      const wanted = items[choice.pick % items.length] as YamlValue;
      const index = items.findIndex((i) => isDeepStrictEqual(i, wanted));
      return { edit: { kind: 'remove', path: seq.path, value: wanted }, region: removalRegion(doc.text, seq, index, eol) };
    }
    case 'delete': {
      const parent = pickFrom(nodes.filter((n) => isMap(n) && n.children.length > 0));
      if (!parent) return undefined;
      const index = choice.pick % parent.children.length;
      const entry = parent.children[index] as NodeInfo;
      return { edit: { kind: 'delete', path: entry.path }, region: removalRegion(doc.text, parent, index, eol) };
    }
  }
}

// ---- the expected value, computed on plain JS values

function getIn(js: Js, path: Path): Js {
  let at = js;
  for (const seg of path) at = at === null || typeof at !== 'object' ? undefined : (at as Record<string, Js>)[seg];
  return at;
}

function has(js: Js, key: string): boolean {
  return js !== null && typeof js === 'object' && Object.prototype.hasOwnProperty.call(js, key);
}

function clone(js: Js): Js {
  return js === undefined ? undefined : structuredClone(js);
}

function setIn(js: Js, path: Path, value: Js): Js {
  const [seg, ...rest] = path;
  if (seg === undefined) return value;
  const container = js === null || typeof js !== 'object' ? {} : js;
  const child = (container as Record<string, Js>)[seg];
  (container as Record<string, Js>)[seg] = setIn(child, rest, value);
  return container;
}

function expectedAfter(js: Js, edit: YamlEdit): Js {
  const next = clone(js);
  switch (edit.kind) {
    case 'set':
      return setIn(next, edit.path, clone(edit.value));
    case 'add': {
      const list = getIn(next, edit.path);
      if (Array.isArray(list)) {
        list.push(clone(edit.value));
        return next;
      }
      return setIn(next, edit.path, [clone(edit.value)]);
    }
    case 'remove': {
      const list = getIn(next, edit.path) as Js[];
      const index = list.findIndex((i) => isDeepStrictEqual(i, edit.value));
      if (index >= 0) list.splice(index, 1);
      return next;
    }
    case 'delete': {
      const parent = getIn(next, edit.path.slice(0, -1)) as Record<string, Js>;
      delete parent[edit.path[edit.path.length - 1] as string];
      return next;
    }
  }
}

describe('property: a YAML edit changes the intended node and no other byte', () => {
  it('gives the expected value and keeps every byte outside the edited region (400 runs)', async function () {
    this.timeout(60_000);
    const counts: Record<string, number> = {};
    await checkProperty(
      'yaml writer round-trip',
      fc.property(documentArb, choiceArb, (model, choice) => {
        const doc = renderDocument(model);
        const before = doc.text;
        const js = parseYaml(before);
        const planned = plan(doc, js, choice);
        fc.pre(planned !== undefined);
        const { edit, region } = planned;
        const after = applyYamlEdits(before, [edit]);
        const context = `edit ${JSON.stringify(edit)}\n--- before\n${before}\n--- after\n${after}`;
        assert.deepStrictEqual(parseYaml(after), expectedAfter(js, edit), `value differs: ${context}`);
        const [lo, hi] = region;
        assert.ok(after.startsWith(before.slice(0, lo)), `changed a byte before ${lo}: ${context}`);
        assert.ok(after.endsWith(before.slice(hi)) && after.length >= lo + before.length - hi, `changed a byte after ${hi}: ${context}`);
        assert.strictEqual(after.startsWith('\uFEFF'), model.bom, `BOM: ${context}`);
        assert.strictEqual(after.endsWith('\n'), before.endsWith('\n'), `final newline: ${context}`);
        if (model.eol === '\r\n') assert.ok(!/(^|[^\r])\n/.test(after), `a bare LF in a CRLF file: ${context}`);
        else assert.ok(!after.includes('\r\n'), `a CRLF in an LF file: ${context}`);
        counts[choice.op] = (counts[choice.op] ?? 0) + 1;
      }),
      400,
      20261126,
    );
    // Every kind of edit must have been tried a fair number of times.
    for (const op of ['set', 'setNewKey', 'add', 'addNewKey', 'remove', 'removeAbsent', 'delete']) assert.ok((counts[op] ?? 0) >= 20, `${op}: ${counts[op] ?? 0} runs`);
  });
});

describe('YAML writer: cases the property found', () => {
  const edit = (text: string, e: YamlEdit): string => applyYamlEdits(text, [e]);

  it('sets and adds below a key with no value (`expected:`), instead of failing inside the yaml library', () => {
    assert.strictEqual(edit('id: a\nexpected:\nstatus: active\n', { kind: 'set', path: ['expected', 'summary'], value: 'x' }), 'id: a\nexpected: { summary: x }\nstatus: active\n');
    assert.strictEqual(
      edit('id: a\nexpected:   # later\nstatus: active\n', { kind: 'add', path: ['expected', 'intents'], value: 'checkout-speed' }),
      'id: a\nexpected: { intents: [ checkout-speed ] }   # later\nstatus: active\n',
    );
  });

  it('replaces a map whose last key has no value but a comment, keeping the comment', () => {
    assert.strictEqual(edit('outcome:\n  notes: done\n  value:   # later\n', { kind: 'set', path: ['outcome'], value: 'none' }), 'outcome:\n  none   # later\n');
  });

  it('removes the last item of a list written at its key\'s column, leaving a valid `[]` one indent deeper', () => {
    assert.strictEqual(edit('branches:\n- feature/x\nlinks: []\n', { kind: 'remove', path: ['branches'], value: 'feature/x' }), 'branches:\n  []\nlinks: []\n');
  });

  it('writes a string with a line break into a flow list or map on one line, double-quoted', () => {
    assert.strictEqual(edit("expected:\n  intents: ['a']\n", { kind: 'add', path: ['expected', 'intents'], value: 'two\nlines' }), 'expected:\n  intents: [\'a\', "two\\nlines"]\n');
    assert.strictEqual(edit('metric: {name: x}\n', { kind: 'set', path: ['metric', 'note'], value: 'two\nlines' }), 'metric: {name: x, note: "two\\nlines"}\n');
  });

  it('keeps a file without a final line break without one when its last key goes after a blank line', () => {
    assert.strictEqual(edit('a: 1\n\nb: 2', { kind: 'delete', path: ['b'] }), 'a: 1');
    assert.strictEqual(edit('a: 1\r\n\r\nb: 2', { kind: 'delete', path: ['b'] }), 'a: 1');
  });

  it('adds a key with a multi-line value before an indented comment line without the comment joining the value', () => {
    assert.strictEqual(edit('id:\n  - plain\n  # note\n', { kind: 'set', path: ['outcome'], value: 'multi\nline' }), 'id:\n  - plain\noutcome: "multi\\nline"\n  # note\n');
  });
});
