import { isCollection, visit, YAMLError } from 'yaml';
import type { SchemaValidator } from '../schema/validators.generated';
import { validateConfig, validateIntent, validateRelease } from '../schema/validators.generated';
import { describeSchemaError, pathOfInstance } from '../schema/schemaMessages';
import type { MessageId, MessageRef } from '../present/messages';
import { message } from '../present/messages';
import type { Problem, Range, Severity } from './problem';
import { compareProblems, problemOf, shortened, START_OF_FILE } from './problem';
import type { ValueFileKind } from './valueFileKind';
import type { YamlPath } from './yamlSource';
import { yamlErrorRange, YamlSource } from './yamlSource';
import { parseSimpleYaml } from './simpleYaml';
import { configProblems } from './configChecks';

/** Files above this size are refused: `.value/` files are a few hundred bytes each. */
export const MAX_VALUE_FILE_BYTES = 1024 * 1024;
/** Aliases allowed when turning YAML into data; a "billion laughs" file needs far more. */
const MAX_ALIAS_COUNT = 100;

const VALIDATORS: Record<ValueFileKind, SchemaValidator> = {
  intent: validateIntent,
  release: validateRelease,
  config: validateConfig,
};

export interface ParsedValueFile {
  /** Path relative to the workspace folder, `/`-separated. */
  readonly file: string;
  readonly kind: ValueFileKind;
  /** The file's data when its YAML could be read (even if the schema found errors in it). */
  readonly data: unknown;
  /** True when the data passed the schema (unknown keys are only warnings and allowed). */
  readonly valid: boolean;
  readonly problems: readonly Problem[];
  /** Top-level keys whose values the schema refused (errors only): the other fields can still be used. */
  readonly invalidKeys?: readonly string[];
  /** Where the value (or key) at `path` is in the file; the file start if it cannot be found. */
  locate(path: YamlPath, part?: 'key' | 'value'): Range;
}

/** Messages that say how to fix a YAML error, by the yaml library's code; the library's own text follows in brackets. */
const YAML_HINTS: Record<string, MessageId> = {
  TAB_AS_INDENT: 'yamlTabAsIndent',
  DUPLICATE_KEY: 'yamlDuplicateKey',
  MULTIPLE_DOCS: 'yamlMultipleDocs',
  RESOURCE_EXHAUSTION: 'yamlTooDeep',
};

function problemAt(file: string, range: Range, severity: Severity, code: string, ref: MessageRef): Problem {
  return problemOf(file, range, severity, code, ref);
}

function unreadable(file: string, kind: ValueFileKind, code: string, ref: MessageRef): ParsedValueFile {
  return { file, kind, data: undefined, valid: false, problems: [problemAt(file, START_OF_FILE, 'error', code, ref)], locate: () => START_OF_FILE };
}

function valueAt(data: unknown, path: YamlPath): unknown {
  let value = data;
  for (const key of path) value = value !== null && typeof value === 'object' ? (value as Record<string | number, unknown>)[key] : undefined;
  return value;
}

/** Decodes file bytes as UTF-8 text, or says why they are not a `.value/` file. */
export function decodeValueFile(bytes: Uint8Array): { text: string } | { code: string; message: MessageRef } {
  if (bytes.byteLength > MAX_VALUE_FILE_BYTES) {
    const mb = (bytes.byteLength / (1024 * 1024)).toFixed(1);
    return { code: 'too-large', message: message('fileTooLargeMb', mb, MAX_VALUE_FILE_BYTES / (1024 * 1024)) };
  }
  if (bytes.includes(0)) return { code: 'binary', message: message('fileBinary') };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes) };
  } catch {
    return { code: 'encoding', message: message('fileEncoding') };
  }
}

/**
 * Parses one `.value/` file and validates it against its JSON Schema. Never throws: every
 * problem, from YAML syntax to a wrong type, comes back with a position and a fix.
 */
export function parseValueFile(file: string, kind: ValueFileKind, content: string | Uint8Array): ParsedValueFile {
  let text: string;
  if (typeof content === 'string') {
    if (content.length > MAX_VALUE_FILE_BYTES) return unreadable(file, kind, 'too-large', message('fileTooLarge', MAX_VALUE_FILE_BYTES / (1024 * 1024)));
    text = content;
  } else {
    const decoded = decodeValueFile(content);
    if (!('text' in decoded)) return unreadable(file, kind, decoded.code, decoded.message);
    text = decoded.text;
  }
  if (text.includes('\0')) return unreadable(file, kind, 'binary', message('fileBinary'));
  // Most files are plain YAML that the quick reader gets exactly right. The rest, and every file
  // with a YAML mistake, go to the full parser; it also places what the quick reader did not.
  const simple = parseSimpleYaml(text);
  if (simple) {
    let full: YamlSource | undefined;
    return validated(file, kind, simple.data, [], (path, part) => simple.locate(path, part) ?? (full ??= new YamlSource(text)).locate(path, part));
  }
  // The yaml parser reads a leading BOM as a byte-order mark, so a BOM is tolerated as is.
  const source = new YamlSource(text);
  const locate = (path: YamlPath, part?: 'key' | 'value'): Range => source.locate(path, part);
  const problems: Problem[] = [];

  for (const [issues, severity] of [[source.doc.errors, 'error'], [source.doc.warnings, 'warning']] as const) {
    for (const e of issues) {
      const range = yamlErrorRange(source, e);
      // The library quotes the token it stumbled on: a long one is cut like any quoted value.
      const detail = shortened(e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '').replace(/"([^"]{60})[^"]+"/g, '"$1…"'), 160);
      const hint = YAML_HINTS[e.code];
      problems.push(problemAt(file, range, severity, `yaml.${e.code}`, message(hint ?? 'yamlOther', detail)));
    }
  }
  if (source.doc.errors.length > 0) return { file, kind, data: undefined, valid: false, problems, locate };

  // A list or map as a key: toJS would stringify it and print a Node warning on stderr.
  const collectionKeys: Range[] = [];
  visit(source.doc, {
    Pair: (_key, pair) => {
      if (isCollection(pair.key)) collectionKeys.push(source.rangeOf(pair.key) ?? START_OF_FILE);
    },
  });
  if (collectionKeys.length > 0) {
    for (const range of collectionKeys) problems.push(problemAt(file, range, 'error', 'yaml.collection-key', message('yamlCollectionKey')));
    return { file, kind, data: undefined, valid: false, problems, locate };
  }

  let data: unknown;
  try {
    data = source.doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    // Only an alias bomb is "too many"; an alias to an anchor that does not exist is a plain mistake.
    const tooManyAliases = e instanceof Error && /excessive alias count/i.test(e.message);
    const ref = tooManyAliases
      ? message('yamlTooManyAliases', MAX_ALIAS_COUNT)
      : message('yamlUnreadable', shortened(e instanceof YAMLError || e instanceof Error ? e.message : String(e), 160));
    problems.push(problemAt(file, START_OF_FILE, 'error', tooManyAliases ? 'yaml.aliases' : 'yaml.data', ref));
    return { file, kind, data: undefined, valid: false, problems, locate };
  }
  return validated(file, kind, data, problems, locate);
}

/** The checks on the file's data, whichever reader produced it: not empty, and as the schema says. */
function validated(file: string, kind: ValueFileKind, data: unknown, problems: Problem[], locate: ParsedValueFile['locate']): ParsedValueFile {
  if ((data === null || data === undefined) && kind !== 'config') {
    problems.push(problemAt(file, START_OF_FILE, 'error', 'empty', message(kind === 'intent' ? 'fileEmptyIntent' : 'fileEmptyRelease')));
    return { file, kind, data, valid: false, problems, locate };
  }

  const validate = VALIDATORS[kind];
  let valid = true;
  const invalidKeys = new Set<string>();
  if (!validate(data)) {
    for (const error of validate.errors ?? []) {
      const at = pathOfInstance(error.instancePath);
      const p = describeSchemaError(kind, error, valueAt(data, at));
      const problem = problemAt(file, locate(p.path, p.atKey ? 'key' : 'value'), p.severity, p.code, p.messageRef);
      problems.push(p.fix ? { ...problem, fix: p.fix } : problem);
      if (p.severity === 'error') {
        valid = false;
        if (typeof at[0] === 'string') invalidKeys.add(at[0]);
      }
    }
  }
  if (valid && kind === 'config') {
    const more = configProblems(file, data, locate);
    problems.push(...more);
    if (more.length > 0) valid = false;
  }
  return { file, kind, data, valid, problems: problems.sort(compareProblems), locate, ...(valid ? {} : { invalidKeys: [...invalidKeys] }) };
}
