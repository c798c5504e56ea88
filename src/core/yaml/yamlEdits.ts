import { isDeepStrictEqual } from 'node:util';
import type { Node as YamlNode, Pair, ToStringOptions } from 'yaml';
import { Document, Scalar, YAMLSeq, isAlias, isCollection, isMap, isNode, isPair, isScalar, isSeq, parse, parseDocument, visit } from 'yaml';
import { yamlErrorRange, YamlSource } from '../model/yamlSource';

export type YamlScalar = string | number | boolean | null;
export type YamlValue = YamlScalar | readonly YamlValue[] | { readonly [key: string]: YamlValue };
/** Keys of maps and indexes of lists from the document root, e.g. `['metric', 'target']`. */
export type YamlPath = readonly (string | number)[];

export type YamlEdit =
  /** Sets the value at `path`, creating missing maps on the way. */
  | { readonly kind: 'set'; readonly path: YamlPath; readonly value: YamlValue }
  /** Appends `value` to the list at `path`, creating the list when the key is absent or empty. */
  | { readonly kind: 'add'; readonly path: YamlPath; readonly value: YamlValue }
  /** Removes the first item of the list at `path` equal to `value`; nothing happens when there is none. */
  | { readonly kind: 'remove'; readonly path: YamlPath; readonly value: YamlValue }
  /** Removes the key at the end of `path` from its map; nothing happens when it is absent. */
  | { readonly kind: 'delete'; readonly path: YamlPath };

export interface YamlProblem {
  readonly message: string;
  /** 1-based. */
  readonly line: number;
  /** 1-based. */
  readonly column: number;
}

/** The text is not valid YAML, so it is not rewritten: the user fixes it first. */
export class YamlSyntaxError extends Error {
  override readonly name = 'YamlSyntaxError';
  constructor(readonly problems: readonly YamlProblem[]) {
    const first = problems[0];
    super(
      `The file has YAML errors, so it was not changed${first ? ` (line ${first.line}, column ${first.column}: ${first.message})` : ''}. Fix the file and try again.`,
    );
  }
}

/** The edit cannot be applied to this document (wrong shape, alias in the way, unsupported layout). */
export class YamlEditError extends Error {
  override readonly name = 'YamlEditError';
}

interface Splice {
  readonly start: number;
  readonly end: number;
  /** Uses `\n`; converted to the file's line break when applied. */
  readonly insert: string;
}

/** Layout habits of the file, so inserted lines look like their neighbours. */
interface Style {
  readonly indent: number;
  readonly indentSeq: boolean;
  readonly flowPadding: boolean;
}

const BOM = '\uFEFF';

/**
 * Applies `edits` in order to YAML `text` and returns the new text. Only the edited nodes change:
 * every other byte (comments, key order, quoting, flow or block style, blank lines, line breaks,
 * a trailing newline or its absence, a BOM) is kept, because each edit is spliced into the original
 * text instead of re-printing the document. Each result is checked against the same edit made with
 * the `yaml` Document API; a mismatch throws instead of returning a wrong file.
 * @throws YamlSyntaxError when the text (or an intermediate result) has YAML errors.
 * @throws YamlEditError when an edit does not fit the document's shape.
 */
export function applyYamlEdits(text: string, edits: readonly YamlEdit[]): string {
  const bom = text.startsWith(BOM) ? BOM : '';
  let body = bom ? text.slice(1) : text;
  const eol = /\r?\n/.exec(body)?.[0] ?? '\n';
  for (const edit of edits) body = applyOne(body, edit, eol);
  return bom + body;
}

/** Parses `text` for editing; refuses text with YAML errors. */
export function parseForEdit(text: string): Document.Parsed {
  const body = text.startsWith(BOM) ? text.slice(1) : text;
  const doc = parseDocument(body, { keepSourceTokens: false, prettyErrors: false });
  if (doc.errors.length > 0) {
    // prettyErrors: false leaves linePos unset; the position is the one `check` shows.
    const source = new YamlSource(body);
    throw new YamlSyntaxError(
      doc.errors.map((e) => {
        const { line, col } = yamlErrorRange(source, e).start;
        return { message: e.message.split('\n')[0] ?? e.message, line: line + 1, column: col + 1 };
      }),
    );
  }
  return doc;
}

function applyOne(text: string, edit: YamlEdit, eol: string): string {
  const doc = parseForEdit(text);
  const splice = planEdit(doc, text, edit);
  if (!splice) return text;
  const next = text.slice(0, splice.start) + splice.insert.replace(/\n/g, eol) + text.slice(splice.end);
  verify(text, edit, next);
  return next;
}

function planEdit(doc: Document.Parsed, text: string, edit: YamlEdit): Splice | undefined {
  if (edit.path.length === 0) throw new YamlEditError('An edit needs a path inside the document.');
  const style = detectStyle(doc, text);
  switch (edit.kind) {
    case 'set': {
      // The value is there already: no splice, or re-rendering would change padding, quotes or style.
      const current = doc.getIn(edit.path, true);
      if (isNode(current) && !isAlias(current) && isDeepStrictEqual(toJs(doc, current), edit.value)) return undefined;
      return planSet(doc, text, style, edit.path, edit.value);
    }
    case 'add': {
      const target = doc.getIn(edit.path, true);
      if (isSeq(target)) return appendItem(text, style, target, edit.value);
      if (target === undefined || target === null || (isScalar(target) && target.value === null)) {
        return planSet(doc, text, style, edit.path, [edit.value]);
      }
      throw new YamlEditError(`Cannot add to ${formatPath(edit.path)}: it is not a list.`);
    }
    case 'remove': {
      const target = doc.getIn(edit.path, true);
      if (target === undefined) return undefined;
      if (!isSeq(target)) throw new YamlEditError(`Cannot remove from ${formatPath(edit.path)}: it is not a list.`);
      const index = target.items.findIndex((item) => isDeepStrictEqual(toJs(doc, item), edit.value));
      return index < 0 ? undefined : removeItem(text, target, index, ownerKeyColumn(doc, text, edit.path), style.indent);
    }
    case 'delete': {
      const parent = doc.getIn(edit.path.slice(0, -1), true);
      const key = edit.path[edit.path.length - 1];
      if (!isMap(parent)) return undefined;
      const index = parent.items.findIndex((p) => keyMatches(p, key));
      return index < 0 ? undefined : removePair(text, parent, index);
    }
  }
}

function planSet(doc: Document.Parsed, text: string, style: Style, path: YamlPath, value: YamlValue): Splice {
  if (doc.contents === null) return appendRootMap(text, style, path, value);
  let node: unknown = doc.contents;
  let ownerKey: YamlNode | undefined;
  for (let depth = 0; depth < path.length; depth++) {
    const seg = path[depth] as string | number;
    if (isAlias(node)) throw new YamlEditError(`Cannot edit ${formatPath(path)}: ${formatPath(path.slice(0, depth))} is an alias.`);
    if (isMap(node)) {
      const pair = node.items.find((p) => keyMatches(p, seg));
      if (!pair) return insertPair(text, style, node, seg, nest(path.slice(depth + 1), value, path));
      if (pair.value === null) return fillEmptyValue(text, style, pair, nest(path.slice(depth + 1), value, path));
      node = pair.value;
      ownerKey = pair.key as YamlNode;
      continue;
    }
    if (isSeq(node) && typeof seg === 'number') {
      if (seg === node.items.length && depth === path.length - 1) return appendItem(text, style, node, value);
      if (seg < 0 || seg >= node.items.length) throw new YamlEditError(`Cannot set ${formatPath(path)}: the list has no item ${seg}.`);
      node = node.items[seg];
      ownerKey = undefined;
      continue;
    }
    if (isScalar(node) && node.value === null && isEmptySource(node)) {
      return replaceNode(text, style, node, nest(path.slice(depth), value, path), true);
    }
    throw new YamlEditError(`Cannot set ${formatPath(path)}: ${formatPath(path.slice(0, depth))} is not a map.`);
  }
  if (!isNode(node)) throw new YamlEditError(`Cannot set ${formatPath(path)}.`);
  if (isAlias(node) || node.anchor) throw new YamlEditError(`Cannot set ${formatPath(path)}: it is an alias or has an anchor that other nodes use.`);
  const ownerColumn = ownerKey ? columnOf(text, rangeOf(ownerKey)[0]) : undefined;
  return replaceNode(text, style, node, value, isOnItsKeyLine(text, node), ownerColumn);
}

/** Wraps `value` in maps for the keys still missing below an existing node. */
function nest(missing: YamlPath, value: YamlValue, path: YamlPath): YamlValue {
  let result = value;
  for (let i = missing.length - 1; i >= 0; i--) {
    const key = missing[i];
    if (typeof key !== 'string') throw new YamlEditError(`Cannot set ${formatPath(path)}: list item ${String(key)} does not exist.`);
    result = { [key]: result };
  }
  return result;
}

/** `ownerColumn` is the column of the key that owns `node`, when it is a map value. */
function replaceNode(text: string, style: Style, node: YamlNode, value: YamlValue, inline: boolean, ownerColumn?: number): Splice {
  const range = rangeOf(node);
  if (isScalar(node) && isEmptySource(node)) {
    // `key:` with nothing after it: the value goes right after the colon, before any comment.
    const colon = text.lastIndexOf(':', range[0]);
    return { start: colon + 1, end: colon + 1, insert: ` ${renderInline(style, value, false)}` };
  }
  const start = range[0];
  const end = contentEnd(text, node);
  const inFlow = isInFlow(text, start);
  if (isScalar(node) && isScalarValue(value)) {
    const indent = blockContentIndent(text, node, lineIndent(text, start) + style.indent);
    return { start, end, insert: renderScalarLike(style, value, node, inFlow, indent) };
  }
  if (inFlow || inline) return { start, end, insert: renderInline(style, value, inFlow) };
  // A block collection on the lines below its key: the new value goes in the same place. Only a
  // list may sit at its key's column (`key:\n- a`); anything else moves one indent deeper.
  const column = columnOf(text, start);
  const block = !isScalarValue(value) && !isLeaf(value);
  const mayStayAtKeyColumn = block && Array.isArray(value);
  const wanted = ownerColumn !== undefined && (column < ownerColumn || (column === ownerColumn && !mayStayAtKeyColumn))
    ? ownerColumn + style.indent
    : column;
  const rendered = block ? renderBlockValue(style, value) : renderInline(style, value, false);
  return { start, end, insert: ' '.repeat(wanted - column) + indentTail(rendered, wanted) };
}

/** A list or map of scalars only, which is written in flow style. */
function isLeaf(value: YamlValue): boolean {
  if (isScalarValue(value)) return true;
  const items: readonly YamlValue[] = Array.isArray(value) ? value : Object.values(value as Record<string, YamlValue>);
  return items.every(isScalarValue);
}

function fillEmptyValue(text: string, style: Style, pair: Pair, value: YamlValue): Splice {
  const keyEnd = contentEnd(text, pair.key as YamlNode);
  const colon = text.indexOf(':', keyEnd);
  if (colon < 0) return { start: keyEnd, end: keyEnd, insert: `: ${renderInline(style, value, true)}` };
  return { start: colon + 1, end: colon + 1, insert: ` ${renderInline(style, value, isInFlow(text, keyEnd))}` };
}

function insertPair(text: string, docStyle: Style, map: YamlNode & { items: Pair[]; flow?: boolean }, key: string | number, value: YamlValue): Splice {
  if (typeof key !== 'string') throw new YamlEditError(`Cannot add key ${key} to a map: keys are names.`);
  const last = map.items[map.items.length - 1];
  const style = siblingStyle(text, docStyle, map.items.map((p) => p.value));
  const quote = quoteOf(last?.value);
  if (map.flow || !last) {
    const rendered = renderFlowEntry(style, { [key]: value }, '{', '}', quote);
    if (!last) return replaceEmptyFlow(text, style, map, rendered, '{', '}');
    const at = contentEnd(text, (last.value ?? last.key) as YamlNode);
    return { start: at, end: at, insert: `, ${rendered}` };
  }
  const at = lineEndExcl(text, contentEnd(text, (last.value ?? last.key) as YamlNode));
  const column = columnOf(text, rangeOf(map)[0]);
  return { start: at, end: at, insert: `\n${' '.repeat(column)}${indentTail(renderBlockValue(style, { [key]: value }, quote), column)}` };
}

function appendItem(text: string, docStyle: Style, seq: YamlNode & { items: unknown[]; flow?: boolean }, value: YamlValue): Splice {
  const last = seq.items[seq.items.length - 1];
  const style = siblingStyle(text, docStyle, seq.items);
  const quote = quoteOf(last);
  if (seq.flow || !isNode(last)) {
    const rendered = renderFlowEntry(style, [value], '[', ']', quote);
    if (!isNode(last)) return replaceEmptyFlow(text, style, seq, rendered, '[', ']');
    const at = contentEnd(text, last);
    return { start: at, end: at, insert: `, ${rendered}` };
  }
  const dash = dashBefore(text, last);
  const at = lineEndExcl(text, contentEnd(text, last));
  const column = columnOf(text, dash);
  return { start: at, end: at, insert: `\n${' '.repeat(column)}${indentTail(renderBlockValue(style, [value], quote), column)}` };
}

function replaceEmptyFlow(text: string, style: Style, node: YamlNode, rendered: string, open: string, close: string): Splice {
  const [start] = rangeOf(node);
  const end = contentEnd(text, node);
  const pad = style.flowPadding ? ' ' : '';
  if (text[start] !== open) throw new YamlEditError('Unsupported layout of an empty collection.');
  return { start, end, insert: `${open}${pad}${rendered}${pad}${close}` };
}

/** `ownerColumn` is the column of the key whose value the list is, when it is a map value. */
function removeItem(text: string, seq: YamlNode & { items: unknown[]; flow?: boolean }, index: number, ownerColumn: number | undefined, indent: number): Splice {
  const items = seq.items.map((item) => {
    if (!isNode(item)) throw new YamlEditError('Unsupported list item.');
    return item;
  });
  const item = items[index] as YamlNode;
  if (seq.flow) return removeFlowEntry(text, seq, items.map((i) => [rangeOf(i)[0], contentEnd(text, i)] as const), index);
  const dash = dashBefore(text, item);
  if (items.length === 1) {
    // Only a block list may stand at its key's column (`key:\n- a`); the `[]` replacing it goes one indent deeper.
    const column = columnOf(text, dash);
    const pad = ownerColumn !== undefined && column <= ownerColumn ? ' '.repeat(ownerColumn + indent - column) : '';
    return { start: dash, end: contentEnd(text, item), insert: `${pad}[]` };
  }
  if (text.slice(lineStart(text, dash), dash).trim() !== '') {
    throw new YamlEditError('Cannot remove an item that shares its line with another list item.');
  }
  return removeLines(text, lineStart(text, dash), contentEnd(text, item));
}

function ownerKeyColumn(doc: Document.Parsed, text: string, path: YamlPath): number | undefined {
  const parent = path.length > 1 ? doc.getIn(path.slice(0, -1), true) : doc.contents;
  const pair = isMap(parent) ? parent.items.find((p) => keyMatches(p, path[path.length - 1])) : undefined;
  return pair && isNode(pair.key) ? columnOf(text, rangeOf(pair.key)[0]) : undefined;
}

function removePair(text: string, map: YamlNode & { items: Pair[]; flow?: boolean }, index: number): Splice {
  const spans = map.items.map((p) => [rangeOf(p.key as YamlNode)[0], contentEnd(text, (p.value ?? p.key) as YamlNode)] as const);
  if (map.flow) return removeFlowEntry(text, map, spans, index);
  const [start, end] = spans[index] as readonly [number, number];
  if (spans.length === 1) return { start, end, insert: '{}' };
  if (text.slice(lineStart(text, start), start).trim() !== '') {
    // The first key of a map that is a list item (`- a: 1`): the next key moves up behind the dash.
    const next = spans[index + 1];
    if (!next || /#/.test(text.slice(end, next[0]))) throw new YamlEditError('Cannot remove a key that shares its line with a list dash here.');
    return { start, end: next[0], insert: '' };
  }
  return removeLines(text, lineStart(text, start), end);
}

function removeFlowEntry(text: string, node: YamlNode, spans: readonly (readonly [number, number])[], index: number): Splice {
  const span = spans[index] as readonly [number, number];
  const next = spans[index + 1];
  const prev = spans[index - 1];
  if (next) return { start: span[0], end: next[0], insert: '' };
  if (prev) return { start: prev[1], end: span[1], insert: '' };
  return { start: rangeOf(node)[0], end: contentEnd(text, node), insert: isSeq(node) ? '[]' : '{}' };
}

/** Removes whole lines from `start` (a line start) through the line holding `contentEnd`. */
function removeLines(text: string, start: number, contentEndPos: number): Splice {
  const end = lineEndIncl(text, contentEndPos);
  if (end === text.length && !text.endsWith('\n') && start > 0) {
    // The last line has no line break: remove the one before it instead, so the file still has none
    // (and those of blank lines above it, or the file would end with one).
    let breakStart = start;
    do breakStart -= text[breakStart - 2] === '\r' ? 2 : 1;
    while (breakStart > 0 && text[breakStart - 1] === '\n');
    return { start: breakStart, end, insert: '' };
  }
  return { start, end, insert: '' };
}

function appendRootMap(text: string, style: Style, path: YamlPath, value: YamlValue): Splice {
  const rendered = renderBlockValue(style, nest(path, value, path));
  if (text.trim() === '') return { start: 0, end: text.length, insert: `${rendered}\n` };
  const needsBreak = !text.endsWith('\n');
  return { start: text.length, end: text.length, insert: needsBreak ? `\n${rendered}` : `${rendered}\n` };
}

// ---- rendering, with the `yaml` stringifier so quoting is always right

function toStringOptions(style: Style, flowPadding = style.flowPadding): ToStringOptions {
  return { indent: style.indent, indentSeq: style.indentSeq, flowCollectionPadding: flowPadding, lineWidth: 0, minContentWidth: 0 };
}

/**
 * Builds a node for `value`; lists and maps of scalars are written in flow style, like `[a, b]`.
 * `quote` is the quoting of the neighbour the value joins, so a new string looks like its siblings.
 */
function createNode(doc: Document, value: YamlValue, quote?: Scalar.Type): YamlNode {
  const node = doc.createNode(value) as YamlNode;
  visit(node, {
    Scalar(key, scalar) {
      if (typeof scalar.value !== 'string') return;
      if (needsQuotesForOldParsers(scalar.value)) scalar.type = Scalar.QUOTE_DOUBLE;
      else if (key !== 'key' && (quote === Scalar.QUOTE_DOUBLE || quote === Scalar.QUOTE_SINGLE)) scalar.type = quote;
    },
  });
  visit(node, {
    Map(_, map) {
      if (map.items.length > 0 && map.items.every((p) => !isCollection(p.value))) map.flow = true;
    },
    Seq(_, seq) {
      if (seq.items.every((i) => !isCollection(i))) seq.flow = true;
    },
  });
  return node;
}

/**
 * `yes`, `no`, `on`, `off`, `y`, `n` and octal-looking digits are strings in YAML 1.2 but booleans
 * or numbers to YAML 1.1 readers (many CI tools); quoting them keeps every reader in agreement.
 */
export function needsQuotesForOldParsers(value: string): boolean {
  try {
    const asOld: unknown = parse(value, { version: '1.1', logLevel: 'silent' });
    // Dates stay plain: our own reader (YAML 1.2) keeps them as strings, and so do users.
    return typeof asOld !== 'string' && !(asOld instanceof Date);
  } catch {
    return true;
  }
}

function stringifyNode(style: Style, node: YamlNode, flowPadding?: boolean): string {
  // Inside `[ ]` or `{ }` a string with a line break would be folded over lines the flow
  // collection's indentation may not allow: escape the break in double quotes instead.
  visit(node, {
    Scalar(_, scalar, path) {
      if (typeof scalar.value === 'string' && /[\n\r]/.test(scalar.value) && path.some((p) => isCollection(p) && p.flow)) scalar.type = Scalar.QUOTE_DOUBLE;
    },
  });
  const doc = new Document();
  doc.contents = node;
  return doc.toString(toStringOptions(style, flowPadding)).replace(/\n$/, '');
}

/** `value` as block YAML starting at column 0 (`key: v` lines or `- item` lines). */
function renderBlockValue(style: Style, value: YamlValue, quote?: Scalar.Type): string {
  const node = createNode(new Document(), value, quote);
  if (isCollection(node)) node.flow = false;
  // A block scalar (`|`) runs on until a less indented line, so a comment line after the new
  // text could join it: strings with line breaks are written double-quoted on one line.
  visit(node, {
    Scalar(_, scalar) {
      if (typeof scalar.value === 'string' && /[\n\r]/.test(scalar.value)) scalar.type = Scalar.QUOTE_DOUBLE;
    },
  });
  return stringifyNode(style, node);
}

/** `value` on one line, as it would stand after `key: ` (or inside a flow collection). */
function renderInline(style: Style, value: YamlValue, inFlow: boolean): string {
  const doc = new Document();
  const node = createNode(doc, value);
  if (isCollection(node)) {
    visit(node, { Map: (_, m) => void (m.flow = true), Seq: (_, s) => void (s.flow = true) });
    return stringifyNode(style, node);
  }
  return inFlow ? renderFlowEntry(style, [value], '[', ']') : stringifyScalarInline(style, node as Scalar);
}

/** One entry of a flow collection: render it inside a one-entry collection and take the brackets off. */
function renderFlowEntry(style: Style, container: YamlValue, open: string, close: string, quote?: Scalar.Type): string {
  const node = createNode(new Document(), container, quote);
  if (isCollection(node)) node.flow = true;
  const text = stringifyNode(style, node, false);
  if (!text.startsWith(open) || !text.endsWith(close)) throw new YamlEditError('Could not render the value.');
  return text.slice(1, -1);
}

function stringifyScalarInline(style: Style, scalar: Scalar): string {
  const text = stringifyNode(style, scalar);
  if (!text.includes('\n')) return text;
  scalar.type = Scalar.QUOTE_DOUBLE;
  return stringifyNode(style, scalar);
}

/** A new scalar in the old one's place, keeping its quoting style where the new value allows it. */
function renderScalarLike(style: Style, value: YamlScalar, old: Scalar, inFlow: boolean, contentIndent: number): string {
  const doc = new Document();
  const node = createNode(doc, value) as Scalar;
  if (typeof value === 'string' && old.type && (node.type !== Scalar.QUOTE_DOUBLE || old.type === Scalar.QUOTE_SINGLE)) {
    node.type = old.type;
  }
  if (inFlow) {
    if (node.type === Scalar.BLOCK_FOLDED || node.type === Scalar.BLOCK_LITERAL) node.type = Scalar.QUOTE_DOUBLE;
    const seq = new YAMLSeq();
    seq.flow = true;
    seq.items.push(node);
    return stringifyNode(style, seq, false).slice(1, -1);
  }
  if (node.type === Scalar.BLOCK_FOLDED || node.type === Scalar.BLOCK_LITERAL) {
    // Rendered as a map value at column 0 (content at `style.indent`), then shifted to where the
    // old block's content lines were.
    const map = doc.createNode({});
    map.items.push(doc.createPair('k', node));
    const text = stringifyNode(style, map).replace(/^k: /, '');
    if (!text.includes('\n')) return text;
    return indentTail(text, Math.max(0, contentIndent - style.indent));
  }
  return stringifyScalarInline(style, node);
}

/** Indentation of a block scalar's first content line (where its replacement's lines go). */
function blockContentIndent(text: string, node: Scalar, fallback: number): number {
  if (node.type !== Scalar.BLOCK_FOLDED && node.type !== Scalar.BLOCK_LITERAL) return fallback;
  const [start, end] = rangeOf(node);
  for (const line of text.slice(lineEndIncl(text, start), end).split('\n')) {
    if (line.trim() !== '') return line.length - line.trimStart().length;
  }
  return fallback;
}

/** Prefixes every line but the first with `column` spaces (empty lines stay empty). */
function indentTail(text: string, column: number): string {
  if (column === 0) return text;
  const pad = ' '.repeat(column);
  return text.split('\n').map((line, i) => (i === 0 || line === '' ? line : pad + line)).join('\n');
}

// ---- positions

function rangeOf(node: YamlNode): [number, number, number] {
  if (!node.range) throw new YamlEditError('Internal error: a parsed node has no position.');
  return node.range;
}

/** End of a node's own text: after its last character, before trailing comments and blank lines. */
function contentEnd(text: string, node: YamlNode): number {
  if (isCollection(node) && !node.flow && node.items.length > 0) {
    const last = node.items[node.items.length - 1];
    if (isPair(last)) return contentEnd(text, (last.value ?? last.key) as YamlNode);
    if (isNode(last)) return contentEnd(text, last);
  }
  const [start, end] = rangeOf(node);
  let at = end;
  while (at > start && /\s/.test(text[at - 1] ?? '')) at--;
  // An empty value (`key:   # note`) starts at its comment: its content ends at the `:` or `-` before it.
  if (start === end) while (at > 0 && /\s/.test(text[at - 1] ?? '')) at--;
  return at;
}

function isEmptySource(node: YamlNode): boolean {
  const [start, end] = rangeOf(node);
  return start === end;
}

function dashBefore(text: string, item: YamlNode): number {
  let at = rangeOf(item)[0] - 1;
  while (at >= 0 && (text[at] === ' ' || text[at] === '\t')) at--;
  if (text[at] !== '-') throw new YamlEditError('Unsupported layout of a list item (the dash is not on its line).');
  return at;
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

/** Leading spaces of the line holding `pos`. */
function lineIndent(text: string, pos: number): number {
  const start = lineStart(text, pos);
  let at = start;
  while (text[at] === ' ') at++;
  return at - start;
}

function columnOf(text: string, pos: number): number {
  return pos - lineStart(text, pos);
}

/** True when `node` starts on the same line as the key or dash that owns it. */
function isOnItsKeyLine(text: string, node: YamlNode): boolean {
  const start = rangeOf(node)[0];
  return text.slice(lineStart(text, start), start).trim() !== '';
}

/** True when `pos` lies inside an open `[` or `{` (a flow collection), ignoring quoted text. */
function isInFlow(text: string, pos: number): boolean {
  let depth = 0;
  let quote: string | undefined;
  for (let i = 0; i < pos; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if (c === '#' && (i === 0 || /\s/.test(text[i - 1] ?? ''))) {
      i = text.indexOf('\n', i);
      if (i < 0) break;
    } else if ((c === '"' || c === "'") && (depth > 0 || /[\s:\-[{,]/.test(text[i - 1] ?? ' '))) quote = c;
    else if (c === '[' || c === '{') depth++;
    else if ((c === ']' || c === '}') && depth > 0) depth--;
  }
  return depth > 0;
}

/** A new entry's flow collections are spaced like its neighbour's (`{ a: 1 }` or `{a: 1}`). */
function siblingStyle(text: string, style: Style, siblings: readonly unknown[]): Style {
  for (let i = siblings.length - 1; i >= 0; i--) {
    const sibling = siblings[i];
    if (isCollection(sibling) && sibling.flow && sibling.items.length > 0 && sibling.range) {
      return { ...style, flowPadding: /^[[{]\s/.test(text.slice(sibling.range[0], sibling.range[0] + 2)) };
    }
  }
  return style;
}

function detectStyle(doc: Document.Parsed, text: string): Style {
  let indent: number | undefined;
  let indentSeq: boolean | undefined;
  let flowPadding: boolean | undefined;
  visit(doc, {
    Pair(_, pair) {
      const value = pair.value;
      if (!isNode(value) || !isCollection(value) || !isNode(pair.key) || !value.range || !pair.key.range) return;
      if (value.flow) {
        if (value.items.length > 0) flowPadding ??= /^[[{]\s/.test(text.slice(value.range[0], value.range[0] + 2));
        return;
      }
      const keyColumn = columnOf(text, pair.key.range[0]);
      if (isMap(value)) indent ??= columnOf(text, value.range[0]) - keyColumn || undefined;
      if (isSeq(value)) indentSeq ??= columnOf(text, value.range[0]) > keyColumn;
    },
  });
  return { indent: indent && indent > 0 && indent <= 8 ? indent : 2, indentSeq: indentSeq ?? true, flowPadding: flowPadding ?? true };
}

// ---- checking the result against the Document API

function verify(before: string, edit: YamlEdit, after: string): void {
  const actual = parseForEdit(after);
  const parsed = parseForEdit(before);
  const expected: Document = parsed.contents === null ? new Document({}) : parsed;
  switch (edit.kind) {
    case 'set':
      fillNullsOnPath(expected, edit.path);
      expected.setIn(edit.path, edit.value);
      break;
    case 'add': {
      const target = expected.getIn(edit.path, true);
      if (isSeq(target)) expected.addIn(edit.path, edit.value);
      else {
        fillNullsOnPath(expected, edit.path);
        expected.setIn(edit.path, [edit.value]);
      }
      break;
    }
    case 'remove': {
      const target = expected.getIn(edit.path, true);
      if (isSeq(target)) {
        const index = target.items.findIndex((item) => isDeepStrictEqual(toJs(expected, item), edit.value));
        if (index >= 0) expected.deleteIn([...edit.path, index]);
      }
      break;
    }
    case 'delete':
      expected.deleteIn(edit.path);
      break;
  }
  if (!isDeepStrictEqual(actual.toJS(), expected.toJS())) {
    throw new YamlEditError(`Editing ${formatPath(edit.path)} would change more than that value, so the file was not changed.`);
  }
}

/** `key:` with no value on the way to a deeper key becomes a map (as the edit writes it); the Document API throws there. */
function fillNullsOnPath(doc: Document, path: YamlPath): void {
  for (let depth = 1; depth < path.length; depth++) {
    const node = doc.getIn(path.slice(0, depth), true);
    if (isScalar(node) && node.value === null) doc.setIn(path.slice(0, depth), doc.createNode({}));
  }
}

function quoteOf(node: unknown): Scalar.Type | undefined {
  return isScalar(node) && typeof node.value === 'string' ? node.type : undefined;
}

function toJs(doc: Document, item: unknown): unknown {
  return isNode(item) ? item.toJS(doc) : item;
}

function keyMatches(pair: Pair, key: string | number | undefined): boolean {
  return isScalar(pair.key) && (pair.key.value === key || String(pair.key.value) === String(key));
}

function isScalarValue(value: YamlValue): value is YamlScalar {
  return value === null || typeof value !== 'object';
}

function formatPath(path: YamlPath): string {
  return path.length === 0 ? 'the document' : path.map((s) => (typeof s === 'number' ? `[${s}]` : s)).join('.').replace(/\.\[/g, '[');
}
