import picomatch from 'picomatch';
import type { ParsedValueFile } from './parseValueFile';
import { closestMatch } from '../present/closeMatch';
import { message } from '../present/messages';
import { yamlPlain } from './quickFix';
import type { Problem } from './problem';
import { problemOf, shortened } from './problem';
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

const byFile = (a: ParsedValueFile, b: ParsedValueFile): number => a.file.localeCompare(b.file);

/** `files` sorted by name; the model passes them sorted already, so this is usually one pass. */
function inFileOrder(files: readonly ParsedValueFile[]): readonly ParsedValueFile[] {
  for (let i = 1; i < files.length; i++) if (byFile(files[i - 1]!, files[i]!) > 0) return [...files].sort(byFile);
  return files;
}

/** The bad-glob problems of each parsed intent, kept with it: they depend on that file alone. */
const globChecks = new WeakMap<ParsedValueFile, Problem[]>();

function globProblemsOf(parsed: ParsedValueFile): Problem[] {
  const known = globChecks.get(parsed);
  if (known) return known;
  const problems: Problem[] = [];
  const data = parsed.data as Record<string, unknown> | null;
  for (const field of ['paths', 'branches'] as const) {
    const globs = data?.[field];
    if (!Array.isArray(globs)) continue;
    globs.forEach((glob, i) => {
      const why = typeof glob === 'string' ? globProblem(glob) : undefined;
      if (why) problems.push(problemOf(parsed.file, parsed.locate([field, i]), 'error', 'bad-glob', message('problemBadGlob', shortened(String(glob)), field, why)));
    });
  }
  globChecks.set(parsed, problems);
  return problems;
}

/**
 * Checks that need more than one file, or today's date: id vs file name, unique ids, release
 * references to known intents, globs that compile, and reviews that are overdue.
 */
export function crossFileChecks(intents: readonly ParsedValueFile[], releases: readonly { parsed: ParsedValueFile; statement?: ReleaseStatement }[], today: string): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, string>();
  // Ids whose file exists but has errors: that file already says what is wrong, so a release
  // naming the id is not told the intent is unknown as well.
  const named = new Set<string>();
  for (const parsed of inFileOrder(intents)) {
    const id = declaredId(parsed);
    const expected = entryNameOf(baseName(parsed.file));
    if (expected !== undefined && (!parsed.valid || id !== expected)) named.add(expected);
    if (id === undefined) continue;
    const at = parsed.locate(['id']);
    // A malformed id already has its own schema error; naming a file after it would be bad advice.
    if (expected !== undefined && id !== expected && isIntentId(id)) {
      // A file name that is not a valid id (spaces, accents) must not be offered as the id.
      const ref = isIntentId(expected) ? message('problemIdMismatch', id, baseName(parsed.file), expected) : message('problemIdMismatchBadName', id, baseName(parsed.file));
      const problem = problemOf(parsed.file, at, 'error', 'id-mismatch', ref);
      problems.push(isIntentId(expected) ? { ...problem, fix: { title: message('fixSetId', expected), replacement: yamlPlain(expected) } } : problem);
    }
    const other = seen.get(id);
    if (other) problems.push(problemOf(parsed.file, at, 'error', 'duplicate-id', message('problemDuplicateId', id, other)));
    else seen.set(id, parsed.file);
    problems.push(...globProblemsOf(parsed));
  }

  for (const { parsed, statement } of releases) {
    const ids = (parsed.data as { expected?: { intents?: unknown } } | null)?.expected?.intents;
    if (Array.isArray(ids)) {
      ids.forEach((id, i) => {
        if (typeof id === 'string' && !seen.has(id) && !named.has(id)) {
          const ref = message('problemUnknownIntent', shortened(id));
          const near = closestMatch(id, seen.keys());
          const at = parsed.locate(['expected', 'intents', i]);
          problems.push(near === undefined
            ? problemOf(parsed.file, at, 'warning', 'unknown-intent', ref)
            : { ...problemOf(parsed.file, at, 'warning', 'unknown-intent', message('withDidYouMean', ref, near)), fix: { title: message('fixChangeTo', near), replacement: yamlPlain(near) } });
        }
      });
    }
    if (statement && !statement.outcome) {
      statement.expected.measures.forEach((m, i) => {
        if (m.review && m.review < today) {
          problems.push(problemOf(parsed.file, parsed.locate(['expected', 'measures', i, 'review']), 'info', 'review-overdue', message('problemReviewOverdue', m.metric, m.review)));
        }
      });
    }
  }
  return problems;
}
