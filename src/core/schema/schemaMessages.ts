import configSchema from '../../../schemas/config.schema.json';
import intentSchema from '../../../schemas/intent.schema.json';
import releaseSchema from '../../../schemas/release.schema.json';
import type { QuickFix } from '../model/problem';
import { shortened } from '../model/problem';
import { yamlPlain } from '../model/quickFix';
import { closestMatch, editDistance } from '../present/closeMatch';
import type { ValueFileKind } from '../model/valueFileKind';
import type { MessageArg, MessageId, MessageRef } from '../present/messages';
import { message, renderMessage } from '../present/messages';
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

/** The message for a failed pattern, by field name: what the field must look like. */
const PATTERN_MESSAGES: Record<string, MessageId> = {
  id: 'schemaPatternId',
  links: 'schemaPatternLinks',
  currency: 'schemaPatternCurrency',
  trailer: 'schemaPatternTrailer',
};

/** What to write for a missing required field, by field name. */
const REQUIRED_HINTS: Record<string, MessageId> = {
  id: 'hintId',
  title: 'hintTitle',
  why: 'hintWhy',
  owner: 'hintOwner',
  status: 'hintStatus',
  release: 'hintRelease',
  branch: 'hintBranch',
  base: 'hintBase',
  created: 'hintCreated',
  expected: 'hintExpected',
  summary: 'hintSummary',
  intents: 'hintIntents',
  recorded: 'hintRecorded',
  metric: 'hintMetricName',
  amount: 'hintAmount',
  currency: 'hintCurrency',
  name: 'hintMetricName',
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

function describeValue(value: unknown): MessageArg {
  if (value === null || value === undefined) return message('valueNothing');
  if (Array.isArray(value)) return message('valueList');
  if (typeof value === 'object') return message('valueMap');
  if (typeof value === 'string') return message('valueText', value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number') return message('valueNumber', value);
  if (typeof value === 'boolean') return message('valueBoolean', String(value));
  return typeof value;
}

const TYPE_NAMES: Record<string, MessageId> = {
  string: 'typeString',
  number: 'typeNumber',
  integer: 'typeInteger',
  boolean: 'typeBoolean',
  array: 'typeArray',
  object: 'typeObject',
  null: 'typeNull',
};

function fieldLabel(path: readonly (string | number)[]): MessageArg {
  if (path.length === 0) return message('schemaTheFile');
  return `"${path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i > 0 ? '.' : ''}${p}`)).join('')}"`;
}

/** "a number or text": the kinds joined with "or", each translated. */
function kindsOf(types: readonly string[]): MessageArg {
  const names: MessageArg[] = types.map((t) => {
    const id = TYPE_NAMES[t];
    return id ? message(id) : t;
  });
  return names.reduce((all, name) => message('typeOr', all, name));
}

export interface SchemaProblem {
  readonly path: (string | number)[];
  /** Show at the key rather than at the value. */
  readonly atKey: boolean;
  readonly severity: 'error' | 'warning';
  readonly code: string;
  readonly message: string;
  /** `message` as an id and its data, for the extension to translate. */
  readonly messageRef: MessageRef;
  /** The value to put in place of the wrong one, when one is close. */
  readonly fix?: QuickFix;
}

/** Turns one ajv error into a message that says what is wrong and how to fix it. */
export function describeSchemaError(kind: ValueFileKind, error: SchemaError, value: unknown): SchemaProblem {
  const path = pathOfInstance(error.instancePath);
  const label = fieldLabel(path);
  const lastName = [...path].reverse().find((p): p is string => typeof p === 'string') ?? '';
  const code = `schema.${error.keyword}`;
  const problem = (at: (string | number)[], atKey: boolean, severity: 'error' | 'warning', ref: MessageRef): SchemaProblem =>
    ({ path: at, atKey, severity, code, message: renderMessage(ref), messageRef: ref });
  switch (error.keyword) {
    case 'required': {
      const missing = String(error.params['missingProperty']);
      const hint = REQUIRED_HINTS[missing];
      if (path.length === 0) return problem(path, true, 'error', hint ? message('schemaRequiredWith', missing, message(hint)) : message('schemaRequired', missing));
      return problem(path, true, 'error', hint ? message('schemaRequiredInWith', missing, label, message(hint)) : message('schemaRequiredIn', missing, label));
    }
    case 'additionalProperties': {
      const unknown = String(error.params['additionalProperty']);
      const suggestion = knownFields(kind, path).find((k) => editDistance(k.toLowerCase(), unknown.toLowerCase()) <= 2);
      const ref = suggestion
        ? message('schemaUnknownFieldDidYouMean', shortened(unknown), suggestion)
        : message('schemaUnknownFieldKnown', shortened(unknown), knownFields(kind, path).join(', '));
      return problem([...path, unknown], true, 'warning', ref);
    }
    case 'type': {
      const wanted = kindsOf(String(error.params['type']).split(',').filter((t) => t !== 'null'));
      return problem(path, false, 'error', message('schemaType', label, wanted, describeValue(value)));
    }
    case 'enum': {
      const values = (error.params['allowedValues'] as unknown[]).map(String);
      const ref = message('schemaEnum', label, values.join(', '), describeValue(value));
      // `activ` is a typo of `active`; `finished` is no typo of anything, so gets no fix.
      const near = typeof value === 'string' ? closestMatch(value, values) : undefined;
      if (near === undefined) return problem(path, false, 'error', ref);
      return { ...problem(path, false, 'error', message('withDidYouMean', ref, near)), fix: { title: message('fixChangeTo', near), replacement: yamlPlain(near) } };
    }
    case 'pattern': {
      const specific = PATTERN_MESSAGES[lastName];
      return problem(path, false, 'error', specific ? message(specific, label, describeValue(value)) : message('schemaPattern', label, String(error.params['pattern']), describeValue(value)));
    }
    case 'format':
      return problem(path, false, 'error', message('schemaFormatDate', label, describeValue(value)));
    case 'minLength':
      return problem(path, false, 'error', message('schemaMinLength', label));
    case 'minimum':
      return problem(path, false, 'error', message('schemaMinimum', label, describeValue(value)));
    default:
      return problem(path, false, 'error', error.message ? message('schemaOther', label, error.message) : message('schemaInvalid', label));
  }
}
