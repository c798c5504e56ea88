import type { Document, Node, Pair, YAMLError } from 'yaml';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, visit } from 'yaml';
import type { Position, Range } from './problem';
import { START_OF_FILE } from './problem';

export type YamlPath = readonly (string | number)[];

/**
 * A parsed YAML document that remembers where every node came from, so any problem found in
 * its data (by the schema or by cross-file checks) can be shown at the right line and column.
 */
export class YamlSource {
  readonly doc: Document.Parsed;
  private readonly lines = new LineCounter();

  constructor(private readonly text: string) {
    this.doc = parseDocument(text, { lineCounter: this.lines, uniqueKeys: true, prettyErrors: false, keepSourceTokens: false });
  }

  position(offset: number): Position {
    const { line, col } = this.lines.linePos(offset);
    return { line: line - 1, col: col - 1 };
  }

  rangeOf(node: { range?: readonly [number, number, number] | null | undefined } | null | undefined): Range | undefined {
    if (!node?.range) return undefined;
    return { start: this.position(node.range[0]), end: this.position(node.range[1]) };
  }

  /**
   * Where the flow collection or quoted text that the parser found unclosed at `offset` opens,
   * when that is on an earlier line: the parser notices a missing `}`, `]` or quote only where
   * the next line starts (or at the end of the file), past the line to fix.
   */
  openingOf(offset: number, kind: 'map' | 'seq' | 'quote'): Range | undefined {
    let opening: number | undefined;
    visit(this.doc, (_key, node) => {
      const matches = kind === 'quote'
        ? isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE')
        : (kind === 'map' ? isMap(node) : isSeq(node)) && (node as { flow?: boolean }).flow === true;
      if (!matches) return;
      const range = (node as { range?: readonly [number, number, number] | null }).range;
      // The outermost one that ends there.
      if (range && (range[1] === offset || range[2] === offset) && opening === undefined) opening = range[0];
    });
    if (opening === undefined) return undefined;
    const start = this.position(opening);
    return start.line < this.position(offset).line ? { start, end: { line: start.line, col: start.col + 1 } } : undefined;
  }

  /**
   * Where the run of `[` and `{` that holds `offset` starts. The parser runs out of stack somewhere
   * inside it, at a depth that depends on the build and the Node version; its start does not.
   */
  nestingStart(offset: number): Range {
    let start = Math.min(offset, this.text.length);
    while (start > 0 && '[{ \t'.includes(this.text[start - 1]!)) start--;
    while (start < offset && ' \t'.includes(this.text[start]!)) start++;
    const at = this.position(start);
    return { start: at, end: { line: at.line, col: at.col + 1 } };
  }

  /** The value node at `path`, or undefined. */
  nodeAt(path: YamlPath): Node | undefined {
    if (path.length === 0) return (this.doc.contents ?? undefined);
    let node: unknown = this.doc.contents;
    for (const key of path) {
      if (isMap(node)) node = this.pairIn(node.items, key)?.value;
      else if (isSeq(node) && typeof key === 'number') node = node.items[key];
      else return undefined;
    }
    return (node ?? undefined) as Node | undefined;
  }

  /**
   * Where to show a problem about `path`: its key (`part: 'key'`) or its value. Falls back to the
   * nearest ancestor that exists, and to the start of the file.
   */
  locate(path: YamlPath, part: 'key' | 'value' = 'value'): Range {
    for (let n = path.length; n >= 0; n--) {
      const prefix = path.slice(0, n);
      if (part === 'key' || n < path.length) {
        const key = this.keyNodeAt(prefix);
        if (key) return this.rangeOf(key) ?? START_OF_FILE;
      }
      const range = this.rangeOf(this.nodeAt(prefix));
      if (range) return range;
    }
    return START_OF_FILE;
  }

  private keyNodeAt(path: YamlPath): Node | undefined {
    if (path.length === 0) return undefined;
    const parent = this.nodeAt(path.slice(0, -1));
    if (!isMap(parent)) return undefined;
    const key = this.pairIn(parent.items, path[path.length - 1]!)?.key;
    return isScalar(key) ? key : undefined;
  }

  private pairIn(items: readonly Pair<unknown, unknown>[], key: string | number): Pair<unknown, unknown> | undefined {
    return items.find((p) => isScalar(p.key) && String(p.key.value) === String(key));
  }
}

/**
 * Where to show a YAML error: at the parser's position, or where the map, list or quoted text
 * opens when the error is a missing `}`, `]` or quote noticed on a later line.
 */
export function yamlErrorRange(source: YamlSource, e: YAMLError): Range {
  if (e.code === 'RESOURCE_EXHAUSTION') return source.nestingStart(e.pos[0]);
  return unclosedOpening(source, e) ?? { start: source.position(e.pos[0]), end: source.position(e.pos[1]) };
}

function unclosedOpening(source: YamlSource, e: YAMLError): Range | undefined {
  const flow = e.code === 'BAD_INDENT' ? /^Flow (map|sequence)/.exec(e.message) : null;
  if (flow) return source.openingOf(e.pos[0], flow[1] === 'map' ? 'map' : 'seq');
  return e.code === 'MISSING_CHAR' && /^Missing closing .quote/.test(e.message) ? source.openingOf(e.pos[0], 'quote') : undefined;
}
