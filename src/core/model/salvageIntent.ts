import { entryNameOf, isIntentId } from '../valueFolder';
import { toIntent } from './normalize';
import type { ParsedValueFile } from './parseValueFile';
import type { Intent } from './types';

const FIELDS = ['id', 'title', 'why', 'owner', 'status', 'sponsor', 'metric', 'value', 'paths', 'branches', 'links'] as const;

/**
 * The intent an intent file with errors still stands for: each field the schema accepted, else
 * that field of the file's last valid content, else a stand-in. One typo (`status: finshed`)
 * must not make the intent unknown to links, trailers and releases. Undefined when no id can be
 * told, neither from the file, its last valid content, nor its name.
 */
export function salvageIntent(parsed: ParsedValueFile, last: Intent | undefined): Intent | undefined {
  const data = parsed.data !== null && typeof parsed.data === 'object' && !Array.isArray(parsed.data) ? (parsed.data as Record<string, unknown>) : {};
  // Without the schema's verdict per field (a YAML error), nothing of the file's data is trusted.
  const bad = parsed.invalidKeys === undefined ? undefined : new Set(parsed.invalidKeys);
  const fields: Record<string, unknown> = {};
  for (const key of FIELDS) {
    if (bad && key in data && !bad.has(key)) fields[key] = data[key];
    else if (last?.[key] !== undefined) fields[key] = last[key];
  }
  if (typeof fields['id'] !== 'string' || !isIntentId(fields['id'])) {
    const name = entryNameOf(parsed.file.slice(parsed.file.lastIndexOf('/') + 1));
    if (name === undefined || !isIntentId(name)) return undefined;
    fields['id'] = name;
  }
  const id = fields['id'] as string;
  fields['title'] ??= id;
  fields['why'] ??= '';
  fields['owner'] ??= '';
  fields['status'] ??= 'proposed';
  return toIntent(fields);
}
