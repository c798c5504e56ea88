import type { Position, Range } from './problem';
import { START_OF_FILE } from './problem';
import type { YamlPath } from './yamlSource';

/**
 * A quick reader for the plain YAML that `.value/` files are written in: block maps with
 * simple keys, block lists, one-line flow lists and maps, plain and quoted one-line scalars,
 * and `>`/`|` block text. It returns the same data as the `yaml` library (core schema) and the
 * same ranges for scalars and flow collections, at a fraction of the cost. Anything outside
 * that subset — anchors, tags, multi-line plain or quoted text, tabs, a lone CR, odd indentation,
 * duplicate keys, anything the library would warn about — makes it return undefined, and the
 * caller parses the text with the library instead. It never guesses.
 */
export interface SimpleYaml {
  readonly data: Record<string, unknown>;
  /**
   * Where YamlSource.locate() would put `path` (same algorithm), or undefined when the answer
   * needs the range of a node this reader does not place (block collections, block text,
   * empty values): then ask the full parser.
   */
  locate(path: YamlPath, part?: 'key' | 'value'): Range | undefined;
}

/** Start and end offsets of a placed node (yaml's `range[0]` and `range[1]`); absent when unknown. */
type Span = readonly [number, number] | undefined;

interface MapNode {
  readonly kind: 'map';
  readonly span: Span;
  readonly pairs: Map<string, { readonly key: Span; readonly value: TreeNode }>;
}
interface SeqNode {
  readonly kind: 'seq';
  readonly span: Span;
  readonly items: TreeNode[];
}
interface ScalarNode {
  readonly kind: 'scalar';
  readonly span: Span;
}
type TreeNode = MapNode | SeqNode | ScalarNode;

class Unsupported extends Error {}

function unsupported(): never {
  throw new Unsupported();
}

// Characters whose meaning the library decides in ways this reader does not copy.
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const UNSUPPORTED_CHARS = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff]/;
const KEY = /[A-Za-z_][A-Za-z0-9_-]*/y;
// Keys the core schema reads as null or booleans: their JS key would not be their text.
const NON_STRING_KEYS = /^(?:[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const FLOW_INDICATORS = ',[]{}';
const MAX_DEPTH = 64;
const ESCAPES: Record<string, string> = { '\\': '\\', '"': '"', '/': '/', n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' };

/** A plain scalar's value under the YAML 1.2 core schema, tested in the library's order. */
function resolvePlain(text: string): unknown {
  if (/^(?:~|[Nn]ull|NULL)?$/.test(text)) return null;
  if (/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(text)) return text[0] === 't' || text[0] === 'T';
  if (/^0o[0-7]+$/.test(text)) return parseInt(text.substring(2), 8);
  if (/^[-+]?[0-9]+$/.test(text)) return parseInt(text, 10);
  if (/^0x[0-9a-fA-F]+$/.test(text)) return parseInt(text.substring(2), 16);
  if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(text)) {
    return text.slice(-3).toLowerCase() === 'nan' ? NaN : text[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(text)) return parseFloat(text);
  if (/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(text)) return parseFloat(text);
  return text;
}

/** Sets `key` the way the library's toJS does, so keys such as `constructor` come out the same. */
function setKey(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key in target) Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  else target[key] = value;
}

class SimpleYamlReader {
  /** Offset of the current position; block parsing keeps it at the start of a line. */
  private pos = 0;
  /** Open block maps and lists: the library runs out of stack near a thousand, so stay far below. */
  private depth = 0;

  constructor(private readonly text: string) {}

  read(): { data: Record<string, unknown>; root: MapNode } {
    this.skipBlankLines();
    if (this.pos >= this.text.length || this.indentAt(this.pos) !== 0) unsupported();
    const { value, node } = this.blockMap(0, this.pos);
    if (this.pos < this.text.length) unsupported();
    return { data: value, root: node };
  }

  private lineEnd(from: number): number {
    const end = this.text.indexOf('\n', from);
    return end === -1 ? this.text.length : end;
  }

  private indentAt(lineStart: number): number {
    let i = lineStart;
    while (this.text.charCodeAt(i) === 32) i++;
    return i - lineStart;
  }

  /** Moves `pos` past empty, space-only and comment-only lines. */
  private skipBlankLines(): void {
    while (this.pos < this.text.length) {
      const first = this.pos + this.indentAt(this.pos);
      const ch = this.text[first];
      if (ch !== '\n' && ch !== '#' && first < this.text.length) return;
      this.pos = Math.min(this.lineEnd(first) + 1, this.text.length);
    }
  }

  /** After a value ends at `at`: only spaces and a comment may follow on the line; moves to the next line. */
  private finishLine(at: number): void {
    let i = at;
    while (this.text.charCodeAt(i) === 32) i++;
    const ch = this.text[i];
    if (ch === '#' && i === at) unsupported();
    if (ch !== undefined && ch !== '\n' && ch !== '#') unsupported();
    this.pos = Math.min(this.lineEnd(i) + 1, this.text.length);
  }

  private isSeqEntry(at: number): boolean {
    const next = this.text[at + 1];
    return this.text[at] === '-' && (next === ' ' || next === '\n' || next === undefined);
  }

  /** A key followed by `: ` or `:` at the end of the line, or undefined. */
  private keyAt(at: number): string | undefined {
    KEY.lastIndex = at;
    const match = KEY.exec(this.text);
    // The library refuses a block key longer than 1,024 characters; leave such keys to it.
    if (!match || match[0].length > 1024) return undefined;
    const colon = at + match[0].length;
    const after = this.text[colon + 1];
    if (this.text[colon] !== ':' || (after !== ' ' && after !== '\n' && after !== undefined)) return undefined;
    return match[0];
  }

  /**
   * The block map whose entries start at column `indent`; the first entry starts at `first`
   * (mid-line for a map inside a list item). Leaves `pos` at the first line after the map.
   */
  private blockMap(indent: number, first: number): { value: Record<string, unknown>; node: MapNode } {
    if (++this.depth > MAX_DEPTH) unsupported();
    const value: Record<string, unknown> = {};
    const pairs: MapNode['pairs'] = new Map();
    let at = first;
    for (;;) {
      const key = this.keyAt(at);
      if (key === undefined || NON_STRING_KEYS.test(key) || pairs.has(key)) unsupported();
      const keyEnd = at + key.length;
      const entry = this.blockValue(indent, keyEnd + 1, false);
      setKey(value, key, entry.value);
      pairs.set(key, { key: [at, keyEnd], value: entry.node });
      if (!this.continuesAt(indent)) break;
      at = this.pos + indent;
    }
    this.depth--;
    return { value, node: { kind: 'map', span: undefined, pairs } };
  }

  /**
   * Whether the next line with content continues the block whose entries are at column `indent`:
   * false at the end or at a line further left; deeper is a layout the quick reader leaves alone.
   */
  private continuesAt(indent: number): boolean {
    this.skipBlankLines();
    if (this.pos >= this.text.length) return false;
    const next = this.indentAt(this.pos);
    if (next > indent) unsupported();
    return next === indent;
  }

  /** The block list whose `-` marks are at column `indent`, starting at the line at `pos`. */
  private blockSeq(indent: number): { value: unknown[]; node: SeqNode } {
    if (++this.depth > MAX_DEPTH) unsupported();
    const value: unknown[] = [];
    const items: TreeNode[] = [];
    for (;;) {
      const dash = this.pos + indent;
      if (!this.isSeqEntry(dash)) break;
      let at = dash + 1;
      while (this.text.charCodeAt(at) === 32) at++;
      let entry: { value: unknown; node: TreeNode };
      if (this.isSeqEntry(at)) unsupported();
      if (at > dash + 1 && this.keyAt(at) !== undefined) entry = this.blockMap(at - this.pos, at);
      else entry = this.blockValue(indent, dash + 1, true);
      value.push(entry.value);
      items.push(entry.node);
      if (!this.continuesAt(indent)) break;
    }
    this.depth--;
    return { value, node: { kind: 'seq', span: undefined, items } };
  }

  /**
   * The value after `key:` or `-` (at `from`, before its spaces) of an entry at column
   * `indent`: on the same line, or a block map or list on the lines below.
   */
  private blockValue(indent: number, from: number, inSeq: boolean): { value: unknown; node: TreeNode } {
    let at = from;
    while (this.text.charCodeAt(at) === 32) at++;
    const ch = this.text[at];
    if (ch === undefined || ch === '\n' || (ch === '#' && at > from)) {
      this.pos = Math.min(this.lineEnd(at) + 1, this.text.length);
      return this.nestedBlock(indent, inSeq);
    }
    if (at === from) unsupported();
    if (ch === '"' || ch === "'") {
      const { value, end } = ch === '"' ? this.doubleQuoted(at) : this.singleQuoted(at);
      this.finishLine(end);
      return { value, node: { kind: 'scalar', span: [at, end] } };
    }
    if (ch === '[' || ch === '{') {
      const flow = this.flowCollection(at);
      this.finishLine(flow.end);
      return flow;
    }
    if ((ch === '>' || ch === '|') && !inSeq) return { value: this.blockScalar(indent, at), node: { kind: 'scalar', span: undefined } };
    const end = this.plainEnd(at, false);
    this.finishLine(end);
    return { value: resolvePlain(this.text.slice(at, end)), node: { kind: 'scalar', span: [at, end] } };
  }

  /** A map or list on the lines below an entry with no value on its own line, else null. */
  private nestedBlock(indent: number, inSeq: boolean): { value: unknown; node: TreeNode } {
    this.skipBlankLines();
    if (this.pos < this.text.length) {
      const next = this.indentAt(this.pos);
      const start = this.pos + next;
      // A list may sit at its key's own column ("key:\n- a"); a list item's content must be deeper.
      if (this.isSeqEntry(start) && (next > indent || (next === indent && !inSeq))) return this.blockSeq(next);
      if (next > indent) {
        if (this.keyAt(start) === undefined) unsupported();
        return this.blockMap(next, start);
      }
    }
    return { value: null, node: { kind: 'scalar', span: undefined } };
  }

  /** The end of a plain scalar starting at `at`: before ` #`, the line end, or (in flow) an indicator. */
  private plainEnd(at: number, inFlow: boolean): number {
    const first = this.text[at]!;
    const second = this.text[at + 1];
    if ('?:,[]{}#&*!|>\'"%@`'.includes(first) || first === ' ') unsupported();
    if (first === '-' && (second === undefined || second === ' ' || second === '\n' || (inFlow && FLOW_INDICATORS.includes(second)))) unsupported();
    let end = at;
    for (let i = at; i < this.text.length; i++) {
      const ch = this.text[i]!;
      if (ch === '\n') break;
      if (ch === ' ') {
        if (this.text[i + 1] === '#') break;
        continue;
      }
      if (ch === ':') {
        const next = this.text[i + 1];
        // `a: b` inside a value, or a flow pair: the library reads a nested key; leave it to it.
        if (next === undefined || next === ' ' || next === '\n' || (inFlow && FLOW_INDICATORS.includes(next))) unsupported();
      }
      if (inFlow && FLOW_INDICATORS.includes(ch)) break;
      end = i + 1;
    }
    return end;
  }

  private doubleQuoted(at: number): { value: string; end: number } {
    let value = '';
    let i = at + 1;
    let run = i;
    for (;;) {
      const ch = this.text[i];
      if (ch === undefined || ch === '\n') unsupported();
      if (ch === '"') break;
      if (ch === '\\') {
        value += this.text.slice(run, i);
        const code = this.text[i + 1]!;
        if (code === 'u') {
          const hex = this.text.slice(i + 2, i + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) unsupported();
          value += String.fromCodePoint(parseInt(hex, 16));
          i += 6;
        } else {
          const escaped = ESCAPES[code];
          if (escaped === undefined) unsupported();
          value += escaped;
          i += 2;
        }
        run = i;
        continue;
      }
      i++;
    }
    return { value: value + this.text.slice(run, i), end: i + 1 };
  }

  private singleQuoted(at: number): { value: string; end: number } {
    let value = '';
    let i = at + 1;
    for (;;) {
      const close = this.text.indexOf("'", i);
      const newline = this.text.indexOf('\n', i);
      if (close === -1 || (newline !== -1 && newline < close)) unsupported();
      value += this.text.slice(i, close);
      if (this.text[close + 1] !== "'") return { value, end: close + 1 };
      value += "'";
      i = close + 2;
    }
  }

  /** One scalar inside a one-line flow collection. */
  private flowScalar(at: number): { value: unknown; end: number } {
    const ch = this.text[at];
    if (ch === '"') return this.doubleQuoted(at);
    if (ch === "'") return this.singleQuoted(at);
    const end = this.plainEnd(at, true);
    let trimmed = end;
    while (this.text.charCodeAt(trimmed - 1) === 32) trimmed--;
    return { value: resolvePlain(this.text.slice(at, trimmed)), end: trimmed };
  }

  private skipSpaces(at: number): number {
    let i = at;
    while (this.text.charCodeAt(i) === 32) i++;
    return i;
  }

  /** `[a, b]` or `{ k: v }` on one line, no nesting; returns the offset after the closing bracket. */
  private flowCollection(open: number): { value: unknown; node: TreeNode; end: number } {
    const isMap = this.text[open] === '{';
    const close = isMap ? '}' : ']';
    const list: unknown[] = [];
    const map: Record<string, unknown> = {};
    const items: TreeNode[] = [];
    const pairs: MapNode['pairs'] = new Map();
    let at = this.skipSpaces(open + 1);
    if (this.text[at] !== close) {
      for (;;) {
        if (isMap) {
          const key = this.keyAt(at);
          if (key === undefined || this.text[at + key.length + 1] !== ' ' || NON_STRING_KEYS.test(key) || pairs.has(key)) unsupported();
          const valueAt = this.skipSpaces(at + key.length + 1);
          const ch = this.text[valueAt];
          if (ch === ',' || ch === close || ch === '[' || ch === '{') unsupported();
          const scalar = this.flowScalar(valueAt);
          setKey(map, key, scalar.value);
          pairs.set(key, { key: [at, at + key.length], value: { kind: 'scalar', span: [valueAt, scalar.end] } });
          at = this.skipSpaces(scalar.end);
        } else {
          const ch = this.text[at];
          if (ch === ',' || ch === '[' || ch === '{') unsupported();
          const scalar = this.flowScalar(at);
          list.push(scalar.value);
          items.push({ kind: 'scalar', span: [at, scalar.end] });
          at = this.skipSpaces(scalar.end);
        }
        if (this.text[at] === close) break;
        if (this.text[at] !== ',') unsupported();
        at = this.skipSpaces(at + 1);
        // A trailing comma, a comment or a line break inside the brackets: leave them to the library.
        if (this.text[at] === close || this.text[at] === ',' || this.text[at] === '#' || this.text[at] === '\n' || at >= this.text.length) unsupported();
      }
    }
    const end = at + 1;
    const span: Span = [open, end];
    return isMap ? { value: map, node: { kind: 'map', span, pairs }, end } : { value: list, node: { kind: 'seq', span, items }, end };
  }

  /**
   * `>` or `|` text (clip or strip chomping) whose lines all sit at one indentation deeper than
   * `indent`; empty lines between them are kept as YAML folds them.
   */
  private blockScalar(indent: number, at: number): string {
    const folded = this.text[at] === '>';
    let i = at + 1;
    let strip = false;
    if (this.text[i] === '-') {
      strip = true;
      i++;
    }
    const headerEnd = this.skipSpaces(i);
    const after = this.text[headerEnd];
    if (after !== '\n' && !(after === '#' && headerEnd > i)) unsupported();
    this.pos = this.lineEnd(headerEnd) + 1;
    const contentIndent = this.indentAt(this.pos);
    if (contentIndent <= indent) unsupported();
    let emptyBefore = 0;
    let value: string | undefined;
    while (this.pos < this.text.length) {
      const lineIndent = this.indentAt(this.pos);
      const first = this.pos + lineIndent;
      const end = this.lineEnd(this.pos);
      if (first === end) {
        // Space-only lines inside block text follow rules this reader does not copy.
        if (lineIndent > 0) unsupported();
        emptyBefore++;
        this.pos = end + 1;
        continue;
      }
      if (lineIndent < contentIndent) break;
      if (lineIndent > contentIndent || this.text.charCodeAt(end - 1) === 32 || end >= this.text.length) unsupported();
      const line = this.text.slice(first, end);
      if (value === undefined) value = line;
      else value += (emptyBefore > 0 ? '\n'.repeat(folded ? emptyBefore : emptyBefore + 1) : folded ? ' ' : '\n') + line;
      emptyBefore = 0;
      this.pos = end + 1;
    }
    // Empty lines after the text belong to it (and are chomped); the line after them is the parent's.
    if (this.pos > this.text.length) this.pos = this.text.length;
    if (value === undefined) unsupported();
    return strip ? value : `${value}\n`;
  }
}

function spanAt(node: TreeNode | undefined): Span | 'none' {
  return node ? node.span : 'none';
}

function childOf(node: TreeNode | undefined, key: string | number): TreeNode | undefined {
  if (node?.kind === 'map') return node.pairs.get(String(key))?.value;
  if (node?.kind === 'seq' && typeof key === 'number') return node.items[key];
  return undefined;
}

function nodeAt(root: TreeNode, path: YamlPath): TreeNode | undefined {
  let node: TreeNode | undefined = root;
  for (const key of path) node = childOf(node, key);
  return node;
}

function makePosition(text: string): (offset: number) => Position {
  let starts: number[] | undefined;
  return (offset) => {
    if (!starts) {
      starts = [0];
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    }
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low, col: offset - starts[low]! };
  };
}

/** Reads `text` if it is in the subset described on SimpleYaml, else undefined. */
export function parseSimpleYaml(original: string): SimpleYaml | undefined {
  let text = original;
  // CRLF files (git on Windows) read as LF: a line break is a line break, and as every \r sits at a
  // line end, lines and columns stay the same. A lone \r is left to the library.
  if (text.includes('\r')) {
    if (/\r(?!\n)/.test(text)) return undefined;
    text = text.replace(/\r\n/g, '\n');
  }
  if (UNSUPPORTED_CHARS.test(text)) return undefined;
  let read;
  try {
    read = new SimpleYamlReader(text).read();
  } catch (e) {
    // Nesting deep enough to exhaust the stack is the full parser's to report.
    if (e instanceof Unsupported || e instanceof RangeError) return undefined;
    throw e;
  }
  const { data, root } = read;
  const position = makePosition(text);
  const rangeOf = (span: readonly [number, number]): Range => ({ start: position(span[0]), end: position(span[1]) });
  return {
    data,
    // The same walk as YamlSource.locate(): the key or value at `path`, else the nearest ancestor.
    locate(path, part = 'value') {
      for (let n = path.length; n >= 0; n--) {
        const prefix = path.slice(0, n);
        if ((part === 'key' || n < path.length) && n > 0) {
          const parent = nodeAt(root, prefix.slice(0, -1));
          const pair = parent?.kind === 'map' ? parent.pairs.get(String(prefix[n - 1])) : undefined;
          if (pair?.key) return rangeOf(pair.key);
        }
        const span = spanAt(nodeAt(root, prefix));
        if (span === undefined) return undefined;
        if (span !== 'none') return rangeOf(span);
      }
      return START_OF_FILE;
    },
  };
}
