import { StringDecoder } from 'string_decoder';
import { InvalidGitInputError } from './gitErrors';
import { isObjectId, isValidTrailerKey } from './refName';

/** One commit as the linking engine needs it. */
export interface CommitRecord {
  readonly sha: string;
  readonly subject: string;
  readonly author: string;
  /** Author date, ISO 8601 with offset. */
  readonly date: string;
  /** Intent ids named by the trailer (trimmed, comma lists split, deduplicated, in order). */
  readonly trailerIds: readonly string[];
  /** Paths the commit touched (repository-relative): listed by a log with `--name-only`, else empty; none for a merge. */
  readonly files: readonly string[];
}

// Each record starts with an empty token (a NUL before the sha): a file name is never empty, so
// no name can pass for the start of the next commit, as a marker byte glued to the sha could.
// Between trailer values: with `unfold` a value is one line, so a line break cannot be part of it
// (a value may hold any other byte, \x1f included).
const TRAILER_SEPARATOR = '\n';
// Only what the views, the report and coverage show: every field costs parsing on 10,000 commits.
const FIELDS = ['%x00%H', '%s', '%an', '%aI'] as const;
const FIELD_COUNT = FIELDS.length + 1;
// Shared by every commit without trailers or files: 10,000 empty arrays would only feed the collector.
const NONE: readonly string[] = Object.freeze([]);
/**
 * The longest field (subject, author, trailer values, a path) kept, in UTF-16 units: the rest of
 * it is dropped as it arrives, so a 512 MiB subject costs time, not memory. Paths and intent
 * ids are far shorter.
 */
export const MAX_FIELD_CHARS = 64 * 1024;
/** Subjects are cut shorter still: no view shows more of one line. */
const MAX_SUBJECT_CHARS = 4 * 1024;

/**
 * Splits `-z` output into its NUL-ended tokens as git writes it, each cut to `maxChars`. Pieces
 * may split a token, or a UTF-8 character, anywhere: the tokens are the same as when splitting
 * the whole output at once.
 */
abstract class TokenReader {
  private readonly decoder = new StringDecoder('utf8');
  /** The text after the last NUL: the start of a token git is still writing. */
  private rest = '';
  /** Whether `rest` reached the cap: what follows of its token is dropped. */
  private cut = false;

  constructor(private readonly maxChars: number) {}

  /** Takes the next bytes of git's output. */
  push(piece: Buffer): void {
    this.pushText(this.decoder.write(piece));
  }

  /** Takes the next decoded text of git's output. */
  pushText(text: string): void {
    let start = 0;
    for (let nul = text.indexOf('\0'); nul >= 0; nul = text.indexOf('\0', start)) {
      this.append(text, start, nul);
      const token = this.rest;
      this.rest = '';
      this.cut = false;
      this.token(token);
      start = nul + 1;
    }
    this.append(text, start, text.length);
  }

  /** The last token, once git has ended. */
  protected flush(): void {
    this.pushText(this.decoder.end());
    const token = this.rest;
    this.rest = '';
    this.cut = false;
    this.token(token);
  }

  protected abstract token(token: string): void;

  private append(text: string, from: number, to: number): void {
    if (this.cut || to === from) return;
    const room = this.maxChars - this.rest.length;
    if (to - from <= room) {
      this.rest += from === 0 && to === text.length ? text : text.slice(from, to);
      return;
    }
    this.rest += cutAt(from === 0 ? text : text.slice(from), room);
    this.cut = true;
  }
}

/** The first `length` UTF-16 units of `text`, without half a surrogate pair at the end. */
function cutAt(text: string, length: number): string {
  return text.slice(0, length > 0 && isHighSurrogate(text.charCodeAt(length - 1)) ? length - 1 : length);
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/**
 * The `--format` for `git log -z` that yields commit fields and the trailer values of `key`
 * through git's own trailer parser (`%(trailers:key=…,valueonly)`): git decides what the
 * trailer block is, matches the key case-insensitively and unfolds continuation lines.
 */
export function commitLogFormat(trailerKey: string): string {
  return logFormat(FIELDS, trailerKey);
}

/**
 * {@link commitLogFormat} with git's `%m` mark as the second field, for `git log --boundary`:
 * `-` marks a boundary commit (a parent of a listed commit that the range leaves out).
 */
export function markedCommitLogFormat(trailerKey: string): string {
  const [sha, ...rest] = FIELDS;
  return logFormat([sha, '%m', ...rest], trailerKey);
}

function logFormat(fields: readonly string[], trailerKey: string): string {
  return `--format=${fields.join('%x00')}%x00%(trailers:key=${checkedKey(trailerKey)},valueonly,unfold,separator=%x0a)`;
}

/** `--format` for `git log -z` that yields only the trailer values of `key`, one record per commit. */
export function trailerValuesFormat(trailerKey: string): string {
  return `--format=%(trailers:key=${checkedKey(trailerKey)},valueonly,unfold,separator=%x0a)`;
}

/** Intent ids named in the output of `git log -z <trailerValuesFormat>`, deduplicated, newest commit first. */
export function parseTrailerValues(output: string): string[] {
  const reader = new TrailerValuesReader();
  reader.pushText(output);
  return reader.end();
}

/** {@link parseTrailerValues} piece by piece as git writes its output, each commit's values cut to `maxChars`. */
export class TrailerValuesReader extends TokenReader {
  private readonly values: string[] = [];

  constructor(maxChars = MAX_FIELD_CHARS) {
    super(maxChars);
  }

  /** The intent ids of the whole output, once git has ended. */
  end(): string[] {
    this.flush();
    return splitTrailerValues(this.values);
  }

  protected token(token: string): void {
    for (const value of token.split(TRAILER_SEPARATOR)) this.values.push(value);
  }
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
export const FILE_LIST_FORMAT = '--format=%x00%H';

/**
 * Parses `git log -z <FILE_LIST_FORMAT> --name-only`: the paths each listed commit touched, by sha
 * (by the record `isRecord` accepts, for a format with more than the sha).
 */
export function parseFileLists(output: string, isRecord: (token: string) => boolean = isObjectId): Map<string, string[]> {
  const lists = new Map<string, string[]>();
  let files: string[] | undefined;
  // The token after a record's empty start token is its sha; then come its paths.
  let shaNext = false;
  let first = false;
  for (const token of output.split('\0')) {
    if (shaNext) {
      shaNext = false;
      files = isRecord(token) ? [] : undefined;
      if (files) lists.set(token, files);
      first = true;
    } else if (token.length === 0) {
      shaNext = true;
    } else if (files) {
      // git puts a newline between a record and its first path only.
      files.push(first && token.charCodeAt(0) === 0x0a ? token.slice(1) : token);
      first = false;
    }
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
  return parseRecords(output, false).commits;
}

/** Commits ahead of a range's base, and the boundary commits under them. */
export interface BranchLog {
  readonly commits: CommitRecord[];
  /** Shas of the boundary commits: each is a common ancestor of HEAD and the base. */
  readonly boundary: string[];
}

/** Parses `git log -z --boundary <markedCommitLogFormat>`. */
export function parseBranchLog(output: string): BranchLog {
  return parseRecords(output, true);
}

function parseRecords(output: string, marked: boolean): BranchLog {
  const reader = new CommitLogReader(marked);
  reader.pushText(output);
  return reader.end();
}

/**
 * Reads `git log -z` output of {@link commitLogFormat} (or {@link markedCommitLogFormat} when
 * `marked`) piece by piece as git writes it, so that parsing 10,000 commits overlaps git's own
 * work. Pieces may split a token, or a UTF-8 character, anywhere: the result is the same as
 * parsing the whole output at once. Fields longer than `maxFieldChars` are cut to it.
 */
export class CommitLogReader extends TokenReader {
  private readonly commits: CommitRecord[] = [];
  private readonly boundary: string[] = [];
  // With the mark, every field after the sha sits one token further on.
  private readonly at: number;
  private readonly fieldCount: number;
  private readonly maxSubject: number;
  /** The tokens of the record being read, its sha first: `filled` of them so far, -1 before any record. */
  private readonly fields: string[];
  private filled = -1;
  /** With `--name-only`, the paths listed after the record's fields. */
  private files: string[] | undefined;

  /** `onCommit` is told each commit (not boundary commit) as soon as its record is complete. */
  constructor(
    private readonly marked: boolean,
    private readonly onCommit?: (commit: CommitRecord) => void,
    maxFieldChars = MAX_FIELD_CHARS,
  ) {
    super(maxFieldChars);
    this.maxSubject = Math.min(MAX_SUBJECT_CHARS, maxFieldChars);
    this.at = marked ? 1 : 0;
    this.fieldCount = FIELD_COUNT + this.at;
    this.fields = new Array<string>(this.fieldCount).fill('');
  }

  /** The commits (and boundary commits) of the whole output, once git has ended. */
  end(): BranchLog {
    this.flush();
    this.finishRecord();
    return { commits: this.commits, boundary: this.boundary };
  }

  protected token(token: string): void {
    // The fields of a record are positional: a subject may look like anything.
    if (this.filled >= 0 && this.filled < this.fieldCount) {
      this.fields[this.filled++] = token;
    } else if (token.length === 0) {
      // No file name is empty: this is the next record's start.
      this.finishRecord();
      this.filled = 0;
    } else if (this.filled >= 0) {
      // git puts a newline between a record and its first path only.
      const files = (this.files ??= []);
      files.push(files.length === 0 && token.charCodeAt(0) === 0x0a ? token.slice(1) : token);
    }
  }

  /** Keeps the record read so far, unless the output ended inside its fields. */
  private finishRecord(): void {
    const { fields, files, at } = this;
    const complete = this.filled === this.fieldCount && isObjectId(fields[0]!);
    this.filled = -1;
    this.files = undefined;
    if (!complete) return;
    const sha = fields[0]!;
    if (this.marked && fields[1] === '-') {
      this.boundary.push(sha);
      return;
    }
    const trailers = fields[at + 4]!;
    const subject = fields[at + 1]!;
    const commit: CommitRecord = {
      sha,
      subject: subject.length > this.maxSubject ? cutAt(subject, this.maxSubject) : subject,
      author: fields[at + 2]!,
      date: fields[at + 3]!,
      trailerIds: trailers.length === 0 ? NONE : splitTrailerValues(trailers.split(TRAILER_SEPARATOR)),
      files: files ?? NONE,
    };
    this.commits.push(commit);
    this.onCommit?.(commit);
  }
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
