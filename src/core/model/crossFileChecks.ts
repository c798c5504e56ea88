import type { ParsedValueFile } from './parseValueFile';
import { globFault, globNotes, notReincluded, plainGlob } from '../linking/globCheck';
import type { GlobNote } from '../linking/globCheck';
import { closestMatch } from '../present/closeMatch';
import { message } from '../present/messages';
import type { MessageRef } from '../present/messages';
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

/**
 * Says why a path or branch glob can never match (an unclosed `[`, a trailing `\\`: git refuses
 * those too), or undefined when it is fine.
 */
export function globProblem(glob: string, field: 'paths' | 'branches' = 'branches'): string | undefined {
  return globFault(glob, field);
}

/** The reason part of a problemGlobReading message; too complex globs have their own message. */
function noteMessage(note: GlobNote & { readonly kind: Exclude<GlobNote['kind'], 'too-complex'> }): MessageRef {
  switch (note.kind) {
    case 'braces':
      return message('globNoteBraces', note.detail);
    case 'extglob':
      return message('globNoteExtglob', note.detail);
    case 'leading-blank':
      return message('globNoteLeadingBlank');
    case 'comment':
      return message('globNoteComment');
    case 'dot':
      return message('globNoteDot', note.detail);
    case 'not-reincluded':
      return message('globNoteNotReincluded', shortened(note.detail));
  }
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
    const hidden = field === 'paths' ? notReincluded(globs) : new Map<number, string>();
    globs.forEach((glob, i) => {
      if (typeof glob !== 'string') return;
      const covering = hidden.get(i);
      if (covering === undefined && plainGlob(glob)) return;
      const at = parsed.locate([field, i]);
      const shown = shortened(glob);
      const why = globProblem(glob, field);
      if (why) {
        problems.push(problemOf(parsed.file, at, 'error', 'bad-glob', message('problemBadGlob', shown, field, why)));
        return;
      }
      const notes = globNotes(glob, field);
      if (covering !== undefined) notes.push({ kind: 'not-reincluded', detail: covering });
      for (const note of notes) {
        if (note.kind === 'too-complex') problems.push(problemOf(parsed.file, at, 'warning', 'glob-too-complex', message('problemGlobTooComplex', shown, field, note.detail)));
        else problems.push(problemOf(parsed.file, at, 'warning', 'glob-not-gitignore', message('problemGlobReading', shown, field, noteMessage({ ...note, kind: note.kind }))));
      }
    });
  }
  globChecks.set(parsed, problems);
  return problems;
}

/**
 * Checks that need more than one file, or today's date: id vs file name, unique ids, release
 * references to known intents, globs that can match (and that read as git reads them), and
 * reviews that are overdue.
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
