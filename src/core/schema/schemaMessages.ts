import configSchema from '../../../schemas/config.schema.json';
import intentSchema from '../../../schemas/intent.schema.json';
import releaseSchema from '../../../schemas/release.schema.json';
import { shortened } from '../model/problem';
import type { ValueFileKind } from '../model/valueFileKind';
import type { SchemaError } from './validators.generated';

interface SchemaNode {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  definitions?: Record<string, SchemaNode>;
}

const ROOTS: Record<ValueFileKind, SchemaNode> = {
  intent: intentSchema as SchemaNode,
  release: releaseSchema as SchemaNode,
  config: configSchema,
};

/** What a field must look like when its pattern fails, by field name. */
const PATTERN_HINTS: Record<string, string> = {
  id: 'must be lower-case letters, digits and dashes (at most 64), starting with a letter or digit, e.g. checkout-speed',
  links: 'must be an http:// or https:// address; other kinds of links are not opened',
  currency: 'must be a three-letter ISO 4217 code in capitals, e.g. EUR or USD',
  trailer: 'must be a git trailer key: letters, digits and dashes, e.g. Intent',
};

/** What to write for a missing required field, by field name. */
const REQUIRED_HINTS: Record<string, string> = {
  id: 'the file name without .yaml',
  title: 'a short name for the intent',
  why: 'why it matters to the business',
  owner: 'the team or person who delivers it',
  status: 'proposed, active, delivered or dropped',
  release: 'the release name, e.g. "2.4.0"',
  branch: 'the release branch, e.g. release/2.4.0',
  base: 'the branch it was cut from, e.g. main',
  created: 'the date, e.g. 2026-11-26',
  expected: 'a map with summary and intents',
  summary: 'one sentence on the value expected',
  intents: 'a list of intent ids, e.g. [checkout-speed]',
  recorded: 'the date of the review, e.g. 2026-12-01',
  metric: 'the metric name',
  amount: 'a number',
  currency: 'e.g. EUR',
  name: 'the metric name',
};

/** Splits an ajv instancePath (`/expected/intents/0`) into YAML path segments. */
export function pathOfInstance(instancePath: string): (string | number)[] {
  if (!instancePath) return [];
  return instancePath.slice(1).split('/').map((s) => {
    const key = s.replace(/~1/g, '/').replace(/~0/g, '~');
    return /^\d+$/.test(key) ? Number(key) : key;
  });
}

function resolve(root: SchemaNode, node: SchemaNode | undefined): SchemaNode | undefined {
  const ref = node?.$ref;
  if (!ref?.startsWith('#/definitions/')) return node;
  return root.definitions?.[ref.slice('#/definitions/'.length)];
}

/** The schema node that describes the value at `path`. */
function schemaAt(kind: ValueFileKind, path: readonly (string | number)[]): SchemaNode | undefined {
  const root = ROOTS[kind];
  let node: SchemaNode | undefined = root;
  for (const key of path) {
    node = resolve(root, node);
    node = typeof key === 'number' ? node?.items : node?.properties?.[key];
  }
  return resolve(root, node);
}

/** The fields the schema knows at `path`, for "did you mean" and for completions. */
export function knownFields(kind: ValueFileKind, path: readonly (string | number)[]): string[] {
  return Object.keys(schemaAt(kind, path)?.properties ?? {});
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  if (typeof value === 'string') return `text ("${value.length > 40 ? `${value.slice(0, 40)}…` : value}")`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `${value} (a yes/no value)`;
  return typeof value;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  array: 'a list (one "- item" per line, or [a, b])',
  object: 'a map of fields ("key: value" lines)',
  null: 'empty',
};

function fieldLabel(path: readonly (string | number)[]): string {
  if (path.length === 0) return 'The file';
  return `"${path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i > 0 ? '.' : ''}${p}`)).join('')}"`;
}

export interface SchemaProblem {
  readonly path: (string | number)[];
  /** Show at the key rather than at the value. */
  readonly atKey: boolean;
  readonly severity: 'error' | 'warning';
  readonly code: string;
  readonly message: string;
}

/** Turns one ajv error into a message that says what is wrong and how to fix it. */
export function describeSchemaError(kind: ValueFileKind, error: SchemaError, value: unknown): SchemaProblem {
  const path = pathOfInstance(error.instancePath);
  const label = fieldLabel(path);
  const lastName = [...path].reverse().find((p): p is string => typeof p === 'string') ?? '';
  const code = `schema.${error.keyword}`;
  switch (error.keyword) {
    case 'required': {
      const missing = String(error.params['missingProperty']);
      const hint = REQUIRED_HINTS[missing];
      const where = path.length ? ` in ${label}` : '';
      return { path, atKey: true, severity: 'error', code, message: `Missing required field "${missing}"${where}: add "${missing}:"${hint ? ` with ${hint}` : ''}.` };
    }
    case 'additionalProperties': {
      const unknown = String(error.params['additionalProperty']);
      const suggestion = knownFields(kind, path).find((k) => editDistance(k.toLowerCase(), unknown.toLowerCase()) <= 2);
      const fix = suggestion ? `did you mean "${suggestion}"?` : `known fields here: ${knownFields(kind, path).join(', ')}.`;
      return { path: [...path, unknown], atKey: true, severity: 'warning', code, message: `Unknown field "${shortened(unknown)}" is ignored (and kept when Value Lens edits the file): ${fix}` };
    }
    case 'type': {
      const wanted = String(error.params['type']).split(',').filter((t) => t !== 'null').map((t) => TYPE_NAMES[t] ?? t).join(' or ');
      return { path, atKey: false, severity: 'error', code, message: `${label} should be ${wanted}, not ${describeValue(value)}.` };
    }
    case 'enum': {
      const allowed = (error.params['allowedValues'] as unknown[]).map(String).join(', ');
      return { path, atKey: false, severity: 'error', code, message: `${label} must be one of ${allowed}; found ${describeValue(value)}.` };
    }
    case 'pattern': {
      const hint = PATTERN_HINTS[lastName] ?? `must match ${String(error.params['pattern'])}`;
      return { path, atKey: false, severity: 'error', code, message: `${label} ${hint}; found ${describeValue(value)}.` };
    }
    case 'format':
      return { path, atKey: false, severity: 'error', code, message: `${label} must be a real date written YYYY-MM-DD; found ${describeValue(value)}.` };
    case 'minLength':
      return { path, atKey: false, severity: 'error', code, message: `${label} must not be empty.` };
    case 'minimum':
      return { path, atKey: false, severity: 'error', code, message: `${label} must not be negative; found ${describeValue(value)}.` };
    default:
      return { path, atKey: false, severity: 'error', code, message: `${label} ${error.message ?? 'is not valid'}.` };
  }
}
