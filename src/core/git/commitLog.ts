import { InvalidGitInputError } from './gitErrors';
import { isValidTrailerKey } from './refName';

/** One commit as the linking engine needs it. */
export interface CommitRecord {
  readonly sha: string;
  readonly subject: string;
  readonly author: string;
  readonly authorEmail: string;
  /** Author date, ISO 8601 with offset. */
  readonly date: string;
  readonly parents: readonly string[];
  /** Intent ids named by the trailer (trimmed, comma lists split, deduplicated, in order). */
  readonly trailerIds: readonly string[];
  /** Paths the commit touched (repository-relative); only when asked for, empty for merges. */
  readonly files: readonly string[];
}

// Each record starts with a record separator glued to the sha, so a file list (which may hold
// any byte but NUL) cannot be confused with the start of the next commit.
const RECORD_MARK = '\x1e';
// Between trailer values: with `unfold` a value is one line, so a line break cannot be part of it
// (a value may hold any other byte, \x1f included).
const TRAILER_SEPARATOR = '\n';
const FIELDS = ['%x1e%H', '%s', '%an', '%ae', '%aI', '%P'] as const;
const FIELD_COUNT = FIELDS.length + 1;
// eslint-disable-next-line no-control-regex -- the record mark is a control character on purpose
const RECORD_START = /^\x1e[0-9a-f]{40}(?:[0-9a-f]{24})?$/;

/**
 * The `--format` for `git log -z` that yields commit fields and the trailer values of `key`
 * through git's own trailer parser (`%(trailers:key=…,valueonly)`): git decides what the
 * trailer block is, matches the key case-insensitively and unfolds continuation lines.
 */
export function commitLogFormat(trailerKey: string): string {
  return `--format=${FIELDS.join('%x00')}%x00%(trailers:key=${checkedKey(trailerKey)},valueonly,unfold,separator=%x0a)`;
}

/** `--format` for `git log -z` that yields only the trailer values of `key`, one record per commit. */
export function trailerValuesFormat(trailerKey: string): string {
  return `--format=%(trailers:key=${checkedKey(trailerKey)},valueonly,unfold,separator=%x0a)`;
}

/** Intent ids named in the output of `git log -z <trailerValuesFormat>`, deduplicated, newest commit first. */
export function parseTrailerValues(output: string): string[] {
  return splitTrailerValues(output.split('\0').flatMap((record) => record.split(TRAILER_SEPARATOR)));
}

/**
 * `--grep` arguments that keep the commits with a line starting with the trailer key (any
 * case): every commit whose trailer block can name it, plus the few whose prose line does.
 * The pattern syntax is pinned, so `grep.patternType` in a user's config cannot change it.
 */
export function trailerKeyGrep(trailerKey: string): string[] {
  // The key is letters, digits and `-` only, none of which is special in a basic regex.
  return ['--basic-regexp', '--regexp-ignore-case', `--grep=^${checkedKey(trailerKey)}`];
}

/** `--format` for `git log -z --name-only` that yields only the commit id before each file list. */
export const FILE_LIST_FORMAT = '--format=%x1e%H';

/** Parses `git log -z <FILE_LIST_FORMAT> --name-only`: the paths each listed commit touched, by sha. */
export function parseFileLists(output: string): Map<string, string[]> {
  const lists = new Map<string, string[]>();
  let files: string[] | undefined;
  let first = false;
  for (const token of output.split('\0')) {
    if (isRecordStart(token)) {
      files = [];
      first = true;
      lists.set(token.slice(RECORD_MARK.length), files);
      continue;
    }
    // git puts a newline between a record and its first path only.
    const name = first && token.startsWith('\n') ? token.slice(1) : token;
    first = false;
    if (name.length > 0) files?.push(name);
  }
  return lists;
}

function checkedKey(trailerKey: string): string {
  if (!isValidTrailerKey(trailerKey)) throw new InvalidGitInputError(`Invalid commit trailer key: ${JSON.stringify(trailerKey)}`);
  return trailerKey;
}

/**
 * Parses the output of `git log -z <commitLogFormat> [--name-only]`. Fields are NUL-separated;
 * with `--name-only` the touched paths follow a record, NUL-separated, the first one after a newline.
 */
export function parseCommitLog(output: string): CommitRecord[] {
  const tokens = output.split('\0');
  const commits: CommitRecord[] = [];
  let i = 0;
  while (i + FIELD_COUNT <= tokens.length) {
    const head = tokens[i] ?? '';
    if (!isRecordStart(head)) {
      i += 1;
      continue;
    }
    const files: string[] = [];
    let j = i + FIELD_COUNT;
    for (; j < tokens.length; j++) {
      const token = tokens[j] ?? '';
      if (isRecordStart(token)) break;
      const name = token.startsWith('\n') ? token.slice(1) : token;
      if (name.length > 0) files.push(name);
    }
    const parents = tokens[i + 5] ?? '';
    const trailers = tokens[i + 6] ?? '';
    commits.push({
      sha: head.slice(RECORD_MARK.length),
      subject: tokens[i + 1] ?? '',
      author: tokens[i + 2] ?? '',
      authorEmail: tokens[i + 3] ?? '',
      date: tokens[i + 4] ?? '',
      parents: parents.length === 0 ? [] : parents.split(' '),
      trailerIds: trailers.length === 0 ? [] : splitTrailerValues(trailers.split(TRAILER_SEPARATOR)),
      files,
    });
    i = j;
  }
  return commits;
}

/** Cheap checks first: most tokens are file names or fields that do not start with the mark. */
function isRecordStart(token: string): boolean {
  return token.charCodeAt(0) === 0x1e && (token.length === 41 || token.length === 65) && RECORD_START.test(token);
}

/**
 * Turns trailer values into ids: each value may be a comma list (`a, b`); ids are trimmed,
 * empty ones dropped, duplicates removed (first occurrence kept).
 */
export function splitTrailerValues(values: readonly string[]): string[] {
  const ids = new Set<string>();
  for (const value of values) {
    for (const part of value.split(',')) {
      const id = part.trim();
      if (id.length > 0) ids.add(id);
    }
  }
  return [...ids];
}
