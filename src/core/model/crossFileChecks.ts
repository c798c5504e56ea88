import picomatch from 'picomatch';
import type { ParsedValueFile } from './parseValueFile';
import type { Problem } from './problem';
import { shortened } from './problem';
import type { ReleaseStatement } from './types';
import { entryNameOf, isIntentId } from '../valueFolder';

/** An intent file's id as written, when it is text (even if the rest of the file is broken). */
export function declaredId(file: ParsedValueFile): string | undefined {
  const id = (file.data as Record<string, unknown> | null | undefined)?.['id'];
  return typeof id === 'string' ? id : undefined;
}

function baseName(file: string): string {
  return file.slice(file.lastIndexOf('/') + 1);
}

// picomatch refuses a glob only when it is longer than this or, with strictBrackets, when a
// ( [ { or ) ] } is unbalanced: any other glob compiles, so checking it needs no compile.
const PICOMATCH_MAX_LENGTH = 64 * 1024;
const BRACKETS = /[()[\]{}]/;
/** Answers for globs with brackets, kept because every change to .value/ checks them all again. */
const bracketGlobs = new Map<string, string | undefined>();

/** Says why a path or branch glob cannot be compiled, or undefined when it is fine. */
export function globProblem(glob: string): string | undefined {
  const body = glob.startsWith('!') ? glob.slice(1) : glob;
  if (body.trim() === '') return 'is empty';
  if (body.length <= PICOMATCH_MAX_LENGTH && !BRACKETS.test(body)) return undefined;
  if (bracketGlobs.has(body)) return bracketGlobs.get(body);
  let why: string | undefined;
  try {
    picomatch.makeRe(body, { strictBrackets: true });
  } catch (e) {
    why = e instanceof Error ? e.message : String(e);
  }
  if (bracketGlobs.size >= 5_000) bracketGlobs.clear();
  bracketGlobs.set(body, why);
  return why;
}

/**
 * Checks that need more than one file, or today's date: id vs file name, unique ids, release
 * references to known intents, globs that compile, and reviews that are overdue.
 */
export function crossFileChecks(intents: readonly ParsedValueFile[], releases: readonly { parsed: ParsedValueFile; statement?: ReleaseStatement }[], today: string): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, string>();
  for (const parsed of [...intents].sort((a, b) => a.file.localeCompare(b.file))) {
    const id = declaredId(parsed);
    if (id === undefined) continue;
    const expected = entryNameOf(baseName(parsed.file));
    const at = parsed.locate(['id']);
    // A malformed id already has its own schema error; naming a file after it would be bad advice.
    if (expected !== undefined && id !== expected && isIntentId(id)) {
      // A file name that is not a valid id (spaces, accents) must not be offered as the id.
      const fix = isIntentId(expected) ? `rename the file to ${id}.yaml or set id: ${expected}` : `rename the file to ${id}.yaml (the file name is not a valid id)`;
      problems.push({ file: parsed.file, range: at, severity: 'error', code: 'id-mismatch', message: `id "${id}" does not match the file name "${baseName(parsed.file)}": ${fix}.` });
    }
    const other = seen.get(id);
    if (other) problems.push({ file: parsed.file, range: at, severity: 'error', code: 'duplicate-id', message: `id "${id}" is already used by ${other}: every intent needs its own id.` });
    else seen.set(id, parsed.file);
    const data = parsed.data as Record<string, unknown> | null;
    for (const field of ['paths', 'branches'] as const) {
      const globs = data?.[field];
      if (!Array.isArray(globs)) continue;
      globs.forEach((glob, i) => {
        const why = typeof glob === 'string' ? globProblem(glob) : undefined;
        if (why) problems.push({ file: parsed.file, range: parsed.locate([field, i]), severity: 'error', code: 'bad-glob', message: `The glob "${shortened(String(glob))}" in ${field} cannot be used: ${why}.` });
      });
    }
  }

  for (const { parsed, statement } of releases) {
    const ids = (parsed.data as { expected?: { intents?: unknown } } | null)?.expected?.intents;
    if (Array.isArray(ids)) {
      ids.forEach((id, i) => {
        if (typeof id === 'string' && !seen.has(id)) {
          problems.push({ file: parsed.file, range: parsed.locate(['expected', 'intents', i]), severity: 'warning', code: 'unknown-intent', message: `Unknown intent "${shortened(id)}": no .value/intents/ file has this id. Fix the id or create the intent.` });
        }
      });
    }
    if (statement && !statement.outcome) {
      statement.expected.measures.forEach((m, i) => {
        if (m.review && m.review < today) {
          problems.push({ file: parsed.file, range: parsed.locate(['expected', 'measures', i, 'review']), severity: 'info', code: 'review-overdue', message: `Review overdue: "${m.metric}" was due for review on ${m.review}. Add an outcome: section with what actually happened.` });
        }
      });
    }
  }
  return problems;
}
