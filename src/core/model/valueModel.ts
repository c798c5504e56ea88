import type { MessageRef } from '../present/messages';
import { compareNatural, CONFIG_FILE, entryNameOf, INTENTS_DIR, RELEASES_DIR, VALUE_DIR } from '../valueFolder';
import { crossFileChecks } from './crossFileChecks';
import { toConfig, toIntent, toReleaseStatement } from './normalize';
import type { ParsedValueFile } from './parseValueFile';
import { parseValueFile } from './parseValueFile';
import type { Problem, Severity } from './problem';
import { compareProblems, problemOf, START_OF_FILE, withoutQuotes } from './problem';
import { salvageIntent } from './salvageIntent';
import type { Intent, ReleaseStatement, ValueConfig } from './types';
import { DEFAULT_CONFIG } from './types';
import type { ValueFileKind } from './valueFileKind';


export interface IntentEntry {
  readonly intent: Intent;
  /** Path relative to the workspace folder. */
  readonly file: string;
  /**
   * True when the file has errors: the intent is still known by its id, built from the fields
   * that passed the schema and the file's last valid content (see salvageIntent).
   */
  readonly hasErrors?: boolean;
}

export interface ReleaseEntry {
  /** The file's entry name (`2.4.0` for `releases/2.4.0.yaml`). */
  readonly name: string;
  readonly statement: ReleaseStatement;
  readonly file: string;
}

/** Which kind of `.value/` file a workspace-relative path is, or undefined when it is none. */
export function kindOfValuePath(file: string): ValueFileKind | undefined {
  const parts = file.split('/');
  if (parts[0] !== VALUE_DIR) return undefined;
  if (parts.length === 2 && parts[1] === CONFIG_FILE) return 'config';
  if (parts.length === 3 && entryNameOf(parts[2]!) !== undefined) {
    if (parts[1] === INTENTS_DIR) return 'intent';
    if (parts[1] === RELEASES_DIR) return 'release';
  }
  return undefined;
}

/**
 * The value model of one workspace folder. Files are added, changed and removed one at a time:
 * a change re-parses only that file, then the cross-file checks run again on demand.
 */
export class ValueModel {
  private readonly files = new Map<string, ParsedValueFile>();
  /** Each intent file's last valid content, for while it has errors. */
  private readonly lastValid = new Map<string, Intent>();
  /** Files that could not be read at all (refused links, permissions): no intent is made up from their name alone. */
  private readonly unread = new Set<string>();
  private readonly folderProblems: Problem[] = [];
  /** Files read through a symbolic link. */
  private readonly linked = new Set<string>();
  private derived: { intents: Map<string, IntentEntry>; releases: ReleaseEntry[]; config: ValueConfig; declared: Partial<ValueConfig> } | undefined;
  private checked: { today: string; problems: Problem[] } | undefined;
  /** The file names in order, kept while no file is added or removed: a change re-sorts nothing. */
  private sortedNames: string[] | undefined;

  /**
   * Parses `content` as the file at `file` (workspace-relative); ignores paths that are not value
   * files. `linked`: read through a symbolic link, so its problems quote none of its text.
   */
  setFile(file: string, content: string | Uint8Array, { linked = false }: { linked?: boolean } = {}): void {
    const kind = kindOfValuePath(file);
    if (!kind) return;
    const added = !this.files.has(file);
    this.remember(file);
    this.unread.delete(file);
    this.files.set(file, parseValueFile(file, kind, content));
    if (linked) this.linked.add(file);
    else this.linked.delete(file);
    this.invalidate(added);
  }

  /** Records a file that exists but cannot be read, with the reason. */
  setUnreadable(file: string, code: string, reason: MessageRef, severity: Severity = 'error'): void {
    const kind = kindOfValuePath(file);
    if (!kind) return;
    this.linked.delete(file);
    const problem = problemOf(file, START_OF_FILE, severity, code, reason);
    const added = !this.files.has(file);
    this.remember(file);
    this.unread.add(file);
    this.files.set(file, { file, kind, data: undefined, valid: false, problems: [problem], locate: () => START_OF_FILE });
    this.invalidate(added);
  }

  deleteFile(file: string): void {
    this.lastValid.delete(file);
    this.unread.delete(file);
    this.linked.delete(file);
    if (this.files.delete(file)) this.invalidate(true);
  }

  /**
   * The file of intent `id` when that file exists but has errors (schema errors, or an id that
   * differs from its name): what depends on the id should say so instead of "unknown intent".
   */
  brokenIntentFile(id: string, today: string): string | undefined {
    const entry = this.intents.get(id);
    if (entry?.hasErrors) return entry.file;
    if (entry) return undefined;
    const file = `${VALUE_DIR}/${INTENTS_DIR}/${id}.yaml`;
    const named = this.files.get(file) ?? this.files.get(`${VALUE_DIR}/${INTENTS_DIR}/${id}.yml`);
    return named && this.problems(today).some((p) => p.file === named.file && p.severity === 'error') ? named.file : undefined;
  }

  /** The first error's line (1-based) in `file`, for "has errors (file:line)". */
  firstErrorLine(file: string, today: string): number | undefined {
    const first = this.problems(today).find((p) => p.file === file && p.severity === 'error');
    return first && first.range.start.line + 1;
  }

  /** Keeps the content of a valid intent file that is about to be replaced. */
  private remember(file: string): void {
    const old = this.files.get(file);
    if (old?.kind === 'intent' && old.valid) this.lastValid.set(file, toIntent(old.data as Record<string, unknown>));
  }

  /** A problem with the `.value` folder itself (e.g. it is a file). */
  addFolderProblem(problem: Problem): void {
    this.folderProblems.push(problem);
    this.invalidate();
  }

  get fileNames(): string[] {
    return [...this.files.keys()];
  }

  parsed(file: string): ParsedValueFile | undefined {
    return this.files.get(file);
  }

  /** Intents by id: from files that passed the schema, then from files with errors (marked `hasErrors`). */
  get intents(): ReadonlyMap<string, IntentEntry> {
    return this.derive().intents;
  }

  /** Release statements that passed the schema, in version order. */
  get releases(): readonly ReleaseEntry[] {
    return this.derive().releases;
  }

  /** The config from `.value/config.yaml` on top of the defaults. */
  get config(): ValueConfig {
    return this.derive().config;
  }

  /** Only the keys `.value/config.yaml` sets (valid file), so they can win over editor settings. */
  get declaredConfig(): Partial<ValueConfig> {
    return this.derive().declared;
  }

  /** Every problem, per file and across files, sorted by file and position. `today` is YYYY-MM-DD. */
  problems(today: string): readonly Problem[] {
    if (this.checked?.today === today) return this.checked.problems;
    const files = this.sortedFiles();
    const statements = new Map(this.releases.map((r) => [r.file, r.statement]));
    const releases = files.filter((f) => f.kind === 'release').map((parsed) => {
      const statement = statements.get(parsed.file);
      return statement ? { parsed, statement } : { parsed };
    });
    const problems = [
      ...this.folderProblems,
      ...files.flatMap((f) => f.problems),
      ...crossFileChecks(files.filter((f) => f.kind === 'intent'), releases, today),
    ].map((p) => (this.linked.has(p.file) ? withoutQuotes(p) : p)).sort(compareProblems);
    this.checked = { today, problems };
    return problems;
  }

  private invalidate(namesChanged = false): void {
    this.derived = undefined;
    this.checked = undefined;
    if (namesChanged) this.sortedNames = undefined;
  }

  /** The parsed files by name, in the order crossFileChecks() reports duplicates in. */
  private sortedFiles(): ParsedValueFile[] {
    this.sortedNames ??= [...this.files.keys()].sort((a, b) => a.localeCompare(b));
    return this.sortedNames.map((name) => this.files.get(name)!);
  }

  private derive(): NonNullable<ValueModel['derived']> {
    if (this.derived) return this.derived;
    const intents = new Map<string, IntentEntry>();
    const releases: ReleaseEntry[] = [];
    let config = DEFAULT_CONFIG;
    let declared: Partial<ValueConfig> = {};
    const broken: ParsedValueFile[] = [];
    for (const parsed of this.sortedFiles()) {
      if (!parsed.valid) {
        if (parsed.kind === 'intent') broken.push(parsed);
        continue;
      }
      const data = parsed.data as Record<string, unknown>;
      if (parsed.kind === 'intent') {
        const intent = toIntent(data);
        if (!intents.has(intent.id)) intents.set(intent.id, { intent, file: parsed.file });
      } else if (parsed.kind === 'release') {
        releases.push({ name: entryNameOf(parsed.file.slice(parsed.file.lastIndexOf('/') + 1)) ?? parsed.file, statement: toReleaseStatement(data), file: parsed.file });
      } else {
        config = toConfig(data);
        declared = data ?? {};
      }
    }
    // After the valid ones: a broken file never takes an id from a valid one.
    for (const parsed of broken) {
      const last = this.lastValid.get(parsed.file);
      if (!last && this.unread.has(parsed.file)) continue;
      const intent = salvageIntent(parsed, last);
      if (intent && !intents.has(intent.id)) intents.set(intent.id, { intent, file: parsed.file, hasErrors: true });
    }
    releases.sort((a, b) => compareNatural(a.name, b.name));
    this.derived = { intents, releases, config, declared };
    return this.derived;
  }
}
