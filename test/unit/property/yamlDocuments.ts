import fc from 'fast-check';

/**
 * Generated YAML documents shaped like `.value/` files (a block map at the root; nested block
 * maps and lists, flow lists and maps, block scalars, comments, blank lines), rendered with the
 * position of every node, so a test knows which bytes an edit may touch.
 */

type ScalarSource = string;

export type YamlNodeModel =
  | { readonly t: 'scalar'; readonly src: ScalarSource }
  /** `key:` with nothing after it (null). */
  | { readonly t: 'empty' }
  | { readonly t: 'block'; readonly header: string; readonly lines: readonly string[] }
  /** `lines`: one item per line, the `]` on a line of its own (as a map value). */
  | { readonly t: 'flowSeq'; readonly items: readonly ScalarSource[]; readonly pad: boolean; readonly lines?: boolean }
  | { readonly t: 'flowMap'; readonly entries: readonly (readonly [string, ScalarSource])[]; readonly pad: boolean }
  | { readonly t: 'blockSeq'; readonly items: readonly SeqItemModel[]; readonly footer?: string }
  | { readonly t: 'blockMap'; readonly entries: readonly EntryModel[]; readonly footer?: string };

/** A list item: a scalar, a flow collection, or a map whose first key sits behind the dash. */
export type SeqItemModel = {
  readonly value: YamlNodeModel | { readonly t: 'itemMap'; readonly entries: readonly (readonly [string, ScalarSource])[] };
  readonly comment?: string;
  readonly commentLines: readonly string[];
  readonly blankBefore: boolean;
};

export interface EntryModel {
  readonly key: string;
  readonly value: YamlNodeModel;
  readonly comment?: string;
  readonly commentLines: readonly string[];
  readonly blankBefore: boolean;
}

export interface DocumentModel {
  readonly entries: readonly EntryModel[];
  readonly eol: '\n' | '\r\n';
  readonly indent: number;
  readonly indentSeq: boolean;
  readonly bom: boolean;
  readonly finalNewline: boolean;
  readonly header?: string;
  readonly footer?: string;
  /** `---` before the first entry. */
  readonly marker: boolean;
}

export type Path = readonly (string | number)[];

/** Where a node stands in the rendered text (offsets into the whole text, BOM included). */
export interface NodeInfo {
  readonly path: Path;
  readonly kind: YamlNodeModel['t'] | 'itemMap' | 'root';
  /** First character of the value (for `key:` with no value: right after the colon). */
  readonly start: number;
  /** After the value's last character (the last content of a block collection). */
  readonly end: number;
  /** The key of a map entry or the dash of a list item (the item itself in flow style). */
  readonly entryStart: number;
  /** `[` / `{` and `]` / `}` of a flow collection. */
  readonly open?: number;
  readonly close?: number;
  /** The first key of a list item's map, on the dash's line. */
  readonly onDashLine?: boolean;
  readonly children: NodeInfo[];
}

export interface RenderedDocument {
  readonly text: string;
  readonly root: NodeInfo;
}

/** Keys as written in the file: plain, and a few quoted ones (see keyName). */
export const KEYS = ['id', 'title', 'why', 'owner', 'status', 'paths', 'branches', 'metric', 'value', 'expected', 'größe', '名前', 'café', 'x-y', 'snake_case', 'k1', '"two words"', "'quoted'", '"a: b"'];
/** Keys an edit adds (the writer quotes them as needed). */
export const NEW_KEYS = ['outcome', 'note', 'ünïcode', '新しい', 'review', 'zeta', 'yes', 'a: b', '#hash'];

/** The key a written key stands for. */
export function keyName(source: string): string {
  if (source.startsWith('"')) return JSON.parse(source) as string;
  if (source.startsWith("'")) return source.slice(1, -1).replace(/''/g, "'");
  return source;
}

const plainArb = fc.constantFrom(
  'plain', 'two words', 'café', '日本語', '😀 smile', '42', '3.5', '-7', 'true', 'false', 'null', '~', '2026-01-15', 'yes', 'a-b',
  'http://example.com/a?b=c', 'x.y', 'ünï code',
);
const plainInFlowArb = fc.constantFrom('plain', 'two words', 'café', '日本語', '42', 'true', 'null', 'a-b', 'x.y', '2026-01-15');
const singleArb = fc.constantFrom("'it''s'", "'a: b'", "'#x'", "''", "'日本'", "'yes'", "'a, b'");
const doubleArb = fc.oneof(
  fc.constantFrom('"tab\\there"', '"é\\u00e9"', '"line\\nbreak"', '"q\\"uote"', '""', '"😀"', '"a # b"', '"007"'),
  fc.string({ unit: 'grapheme', maxLength: 10 }).map((s) => JSON.stringify(s)),
);
const scalarSrcArb = fc.oneof({ weight: 3, arbitrary: plainArb }, singleArb, doubleArb);
const flowScalarSrcArb = fc.oneof({ weight: 3, arbitrary: plainInFlowArb }, singleArb, doubleArb);
const commentArb = fc.constantFrom('note', 'ünïcode ✓', 'TODO: later', '', 'a # b', '日本', '- not a list');
const blockLineArb = fc.constantFrom('first line', 'second: line', '# not a comment', 'ünï 😀', 'x', '- dash');
const keyArb = fc.constantFrom(...KEYS);

function uniqueEntries<T>(arb: fc.Arbitrary<T>, key: (t: T) => string, maxLength: number, minLength = 1): fc.Arbitrary<T[]> {
  return fc.uniqueArray(arb, { minLength, maxLength, selector: key });
}

const flowSeqArb = fc.record({ t: fc.constant('flowSeq' as const), items: fc.array(flowScalarSrcArb, { maxLength: 4 }), pad: fc.boolean(), lines: fc.boolean() });
const flowMapArb = fc.record({
  t: fc.constant('flowMap' as const),
  entries: uniqueEntries(fc.tuple(keyArb, flowScalarSrcArb), (e) => keyName(e[0]), 3, 0),
  pad: fc.boolean(),
});
const leafArb: fc.Arbitrary<YamlNodeModel> = fc.oneof(
  { weight: 4, arbitrary: scalarSrcArb.map((src) => ({ t: 'scalar' as const, src })) },
  { weight: 1, arbitrary: fc.constant({ t: 'empty' as const }) },
  {
    weight: 1,
    arbitrary: fc.record({
      t: fc.constant('block' as const),
      header: fc.constantFrom('|', '>', '|-', '>-'),
      lines: fc.tuple(blockLineArb.filter((l) => !l.startsWith(' ')), fc.array(blockLineArb, { maxLength: 2 })).map(([a, rest]) => [a, ...rest]),
    }),
  },
  { weight: 2, arbitrary: flowSeqArb },
  { weight: 2, arbitrary: flowMapArb },
);

const seqItemArb: fc.Arbitrary<SeqItemModel> = fc.record(
  {
    value: fc.oneof(
      { weight: 4, arbitrary: scalarSrcArb.map((src) => ({ t: 'scalar' as const, src })) },
      { weight: 1, arbitrary: flowSeqArb.filter((s) => s.items.length > 0) },
      { weight: 1, arbitrary: flowMapArb.filter((m) => m.entries.length > 0) },
      { weight: 1, arbitrary: fc.record({ t: fc.constant('itemMap' as const), entries: uniqueEntries(fc.tuple(keyArb, scalarSrcArb), (e) => keyName(e[0]), 3) }) },
    ),
    comment: commentArb,
    commentLines: fc.array(commentArb, { maxLength: 1 }),
    blankBefore: fc.boolean(),
  },
  { requiredKeys: ['value', 'commentLines', 'blankBefore'] },
);

function entryArb(value: fc.Arbitrary<YamlNodeModel>): fc.Arbitrary<EntryModel> {
  return fc.record(
    { key: keyArb, value, comment: commentArb, commentLines: fc.array(commentArb, { maxLength: 1 }), blankBefore: fc.boolean() },
    { requiredKeys: ['key', 'value', 'commentLines', 'blankBefore'] },
  );
}

/** A comment line after the last child, at the children's column. */
const footerArb = { footer: commentArb };
const blockSeqArb = fc.record(
  { t: fc.constant('blockSeq' as const), items: fc.array(seqItemArb, { minLength: 1, maxLength: 4 }), ...footerArb },
  { requiredKeys: ['t', 'items'] },
);
function blockMapArb(values: fc.Arbitrary<YamlNodeModel>): fc.Arbitrary<YamlNodeModel> {
  return fc.record(
    { t: fc.constant('blockMap' as const), entries: uniqueEntries(entryArb(values), (e) => keyName(e.key), 3), ...footerArb },
    { requiredKeys: ['t', 'entries'] },
  );
}
const innerMapArb = blockMapArb(fc.oneof({ weight: 3, arbitrary: leafArb }, blockSeqArb));
const nestedMapArb = blockMapArb(fc.oneof({ weight: 3, arbitrary: leafArb }, blockSeqArb, innerMapArb));
const valueArb: fc.Arbitrary<YamlNodeModel> = fc.oneof({ weight: 4, arbitrary: leafArb }, { weight: 2, arbitrary: blockSeqArb }, { weight: 1, arbitrary: nestedMapArb });

export const documentArb: fc.Arbitrary<DocumentModel> = fc.record(
  {
    entries: uniqueEntries(entryArb(valueArb), (e) => keyName(e.key), 6),
    eol: fc.constantFrom('\n' as const, '\r\n' as const),
    indent: fc.constantFrom(2, 4),
    indentSeq: fc.boolean(),
    bom: fc.boolean(),
    finalNewline: fc.boolean(),
    header: commentArb,
    footer: commentArb,
    marker: fc.boolean(),
  },
  { requiredKeys: ['entries', 'eol', 'indent', 'indentSeq', 'bom', 'finalNewline', 'marker'] },
);

/** Renders the model and records where each node stands. */
export function renderDocument(model: DocumentModel): RenderedDocument {
  let out = model.bom ? '\uFEFF' : '';
  const pad = (n: number): void => void (out += ' '.repeat(n));
  const nl = (): void => void (out += model.eol);
  const trailing = (comment: string | undefined): void => {
    if (comment !== undefined) out += `   # ${comment}`;
  };

  /** Writes a one-line value where the cursor stands; returns its info. */
  function inline(path: Path, value: YamlNodeModel, entryStart: number): NodeInfo {
    const start = out.length;
    switch (value.t) {
      case 'scalar':
        out += value.src;
        return { path, kind: 'scalar', start, end: out.length, entryStart, children: [] };
      case 'flowSeq': {
        const children: NodeInfo[] = [];
        out += value.items.length > 0 && value.pad ? '[ ' : '[';
        value.items.forEach((src, i) => {
          if (i > 0) out += ', ';
          const s = out.length;
          out += src;
          children.push({ path: [...path, i], kind: 'scalar', start: s, end: out.length, entryStart: s, children: [] });
        });
        if (value.items.length > 0 && value.pad) out += ' ';
        const close = out.length;
        out += ']';
        return { path, kind: 'flowSeq', start, end: out.length, entryStart, open: start, close, children };
      }
      case 'flowMap': {
        const children: NodeInfo[] = [];
        out += value.entries.length > 0 && value.pad ? '{ ' : '{';
        value.entries.forEach(([key, src], i) => {
          if (i > 0) out += ', ';
          const keyStart = out.length;
          out += `${key}: `;
          const s = out.length;
          out += src;
          children.push({ path: [...path, keyName(key)], kind: 'scalar', start: s, end: out.length, entryStart: keyStart, children: [] });
        });
        if (value.entries.length > 0 && value.pad) out += ' ';
        const close = out.length;
        out += '}';
        return { path, kind: 'flowMap', start, end: out.length, entryStart, open: start, close, children };
      }
      default:
        throw new Error(`not an inline value: ${value.t}`);
    }
  }

  /** Writes map entries, each ending with a line break; the first may continue a `- ` line. */
  function entries(path: Path, list: readonly EntryModel[], column: number, firstOnDashLine: boolean): NodeInfo[] {
    return list.map((entry, i) => {
      const onDashLine = firstOnDashLine && i === 0;
      if (!onDashLine) {
        if (entry.blankBefore) nl();
        for (const c of entry.commentLines) {
          pad(column);
          out += `# ${c}`;
          nl();
        }
        pad(column);
      }
      const keyStart = out.length;
      out += `${entry.key}:`;
      const info = value([...path, keyName(entry.key)], entry.value, column, keyStart, entry.comment);
      return onDashLine ? { ...info, onDashLine } : info;
    });
  }

  /** `key: [` then one item per line, the `]` on a line of its own at the key's column. */
  function flowSeqOnLines(path: Path, items: readonly ScalarSource[], column: number, entryStart: number, comment: string | undefined): NodeInfo {
    out += ' ';
    const start = out.length;
    out += '[';
    const children = items.map((src, i): NodeInfo => {
      nl();
      pad(column + model.indent);
      const s = out.length;
      out += src;
      const child = { path: [...path, i], kind: 'scalar' as const, start: s, end: out.length, entryStart: s, children: [] };
      if (i < items.length - 1) out += ',';
      return child;
    });
    nl();
    pad(column);
    const close = out.length;
    out += ']';
    const info: NodeInfo = { path, kind: 'flowSeq', start, end: out.length, entryStart, open: start, close, children };
    trailing(comment);
    nl();
    return info;
  }

  /** Writes the value after `key:` through its last line break. */
  function value(path: Path, node: YamlNodeModel, column: number, entryStart: number, comment: string | undefined): NodeInfo {
    switch (node.t) {
      case 'empty': {
        const at = out.length;
        trailing(comment);
        nl();
        return { path, kind: 'empty', start: at, end: at, entryStart, children: [] };
      }
      case 'block': {
        out += ' ';
        const start = out.length;
        out += node.header;
        nl();
        let end = start;
        for (const line of node.lines) {
          pad(column + model.indent);
          out += line;
          end = out.length;
          nl();
        }
        return { path, kind: 'block', start, end, entryStart, children: [] };
      }
      case 'scalar':
      case 'flowSeq':
      case 'flowMap': {
        if (node.t === 'flowSeq' && node.lines && node.items.length > 0) return flowSeqOnLines(path, node.items, column, entryStart, comment);
        out += ' ';
        const info = inline(path, node, entryStart);
        trailing(comment);
        nl();
        return info;
      }
      case 'blockSeq': {
        trailing(comment);
        nl();
        const itemColumn = column + (model.indentSeq ? model.indent : 0);
        const children = node.items.map((item, i) => {
          if (item.blankBefore) nl();
          for (const c of item.commentLines) {
            pad(itemColumn);
            out += `# ${c}`;
            nl();
          }
          pad(itemColumn);
          const dash = out.length;
          out += '- ';
          if (item.value.t === 'itemMap') {
            const start = out.length;
            const kids = entries(
              [...path, i],
              item.value.entries.map(([key, src]) => ({ key, value: { t: 'scalar' as const, src }, commentLines: [], blankBefore: false })),
              itemColumn + 2,
              true,
            );
            return { path: [...path, i], kind: 'itemMap' as const, start, end: kids[kids.length - 1]?.end ?? start, entryStart: dash, children: kids };
          }
          const info = inline([...path, i], item.value, dash);
          trailing(item.comment);
          nl();
          return info;
        });
        footer(itemColumn, node.footer);
        const first = children[0];
        return { path, kind: 'blockSeq', start: first?.entryStart ?? out.length, end: children[children.length - 1]?.end ?? out.length, entryStart, children };
      }
      case 'blockMap': {
        trailing(comment);
        nl();
        const children = entries(path, node.entries, column + model.indent, false);
        footer(column + model.indent, node.footer);
        return { path, kind: 'blockMap', start: children[0]?.entryStart ?? out.length, end: children[children.length - 1]?.end ?? out.length, entryStart, children };
      }
    }
  }

  function footer(column: number, comment: string | undefined): void {
    if (comment === undefined) return;
    pad(column);
    out += `# ${comment}`;
    nl();
  }

  if (model.header !== undefined) {
    out += `# ${model.header}`;
    nl();
  }
  if (model.marker) {
    out += '---';
    nl();
  }
  const children = entries([], model.entries, 0, false);
  if (model.footer !== undefined) {
    out += `# ${model.footer}`;
    nl();
  }
  if (!model.finalNewline && out.endsWith(model.eol)) out = out.slice(0, -model.eol.length);
  const first = children[0];
  const root: NodeInfo = { path: [], kind: 'root', start: first?.entryStart ?? 0, end: children[children.length - 1]?.end ?? 0, entryStart: 0, children };
  return { text: out, root };
}

/** Every node of the tree, root first. */
export function allNodes(info: NodeInfo): NodeInfo[] {
  return [info, ...info.children.flatMap(allNodes)];
}
