import * as path from 'path';
import { createGitRunner } from '../core/git/gitRunner';
import type { BranchScan } from '../core/linking/linkingEngine';
import { findStrayTrailers } from '../core/trailers/strayTrailers';
import type { ValueModel } from '../core/model/valueModel';
import { BranchOps } from '../core/git/branchOps';
import { message, renderMessage } from '../core/present/messages';
import { localIsoDate } from '../core/today';
import type { CliIo } from './cliIo';
import { printablePath } from './cliIo';
import { isFolder, openLinkedFolder } from './linkedFolder';

export interface StatusOptions {
  readonly folder: string;
  readonly format: 'text' | 'json' | 'md';
  /** The base branch to compare with, instead of the configured one (`--base`, or the CI's target branch). */
  readonly base?: string;
}


/** `value-lens status --json`: one object, `null` where git has no answer. */
export interface StatusJson {
  /** Null on a detached HEAD. */
  readonly branch: string | null;
  /** Null on an unborn branch (no commits yet). */
  readonly head: string | null;
  readonly base: string | null;
  readonly intents: readonly string[];
  readonly commits: { readonly total: number; readonly linked: number };
  readonly files: { readonly total: number; readonly linked: number };
  readonly unlinkedCommits: readonly string[];
  readonly unknownIntents: readonly string[];
}

const REASON_TEXT = { pattern: 'branch pattern', name: 'branch name', commit: 'commit trailer' } as const;

/** The `--json` object of `value-lens status` for one branch scan (exactly the keys of issue 5). */
export function statusJson(scan: BranchScan): StatusJson {
  const { head, base } = scan.state;
  return {
    branch: scan.branch ?? null,
    head: head.kind === 'unborn' ? null : head.sha,
    base: base?.name ?? null,
    intents: scan.intents.map((i) => i.id),
    commits: { ...scan.coverage.commits },
    files: { ...scan.coverage.files },
    unlinkedCommits: [...scan.coverage.unlinkedCommits],
    unknownIntents: [...new Set(scan.unknownTrailers.map((t) => t.id))],
  };
}

/** An id or name from a trailer or a file, cut short: a 3,000-character id would fill the terminal. */
export function abridged(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** Above this many unknown-id trailers, status says how many and which ids, in one line. */
const UNKNOWN_LINES_MAX = 10;
/** How many ids that line names. */
const UNKNOWN_IDS_SHOWN = 10;

/** "904 trailers name unknown intents (12 ids): a, b, c, …", each id through `show`. */
function unknownSummary(trailers: number, ids: readonly string[], show: (id: string) => string): string {
  const named = ids.slice(0, UNKNOWN_IDS_SHOWN).map((id) => show(abridged(id))).join(', ');
  return `${trailers} trailers name unknown intents (${ids.length} id${ids.length === 1 ? '' : 's'}): ${named}${ids.length > UNKNOWN_IDS_SHOWN ? ', …' : ''}`;
}

/** What the Commits line says when the note above says why commits ahead cannot be counted. */
function uncountedCommits(scan: BranchScan): string | undefined {
  const { base, degradedRef } = scan.state;
  if (!base || !degradedRef || scan.coverage.commits.total > 0) return undefined;
  if (degradedRef.id === 'gitNoCommonHistory') return `no shared history with ${base.name}: commits ahead cannot be counted`;
  if (degradedRef.id === 'gitShallowNoMergeBase' || degradedRef.id === 'gitBaseCommitMissing') return `cannot be counted against ${base.name} (see the note)`;
  return undefined;
}

function share(linked: number, total: number): string {
  return `${linked} of ${total} linked (${Math.round((100 * linked) / total)}%)`;
}

/**
 * Short text for a terminal: where HEAD is, the branch's intents, coverage, then only what
 * needs attention (unlinked commits and files, unknown trailer ids). `shown` turns a
 * folder-relative path into the path to print.
 */
export function formatStatus(scan: BranchScan, model: ValueModel, shown: (file: string) => string, stray: ReadonlyMap<string, string> = new Map(), note?: string): string[] {
  const { head, base } = scan.state;
  const degraded = note ?? scan.state.degraded;
  const baseText = base ? `base ${base.name}` : 'no base branch';
  const lines: string[] = [];
  if (head.kind === 'unborn') lines.push(`On branch ${head.branch}, no commits yet`);
  else if (head.kind === 'detached') lines.push(`HEAD detached at ${head.shortSha}, ${baseText}`);
  else lines.push(`On branch ${head.branch} at ${head.shortSha}, ${baseText}`);
  // An unborn branch already says why nothing is ahead of base.
  if (degraded !== undefined && head.kind !== 'unborn') lines.push(`Note: ${degraded}`);

  if (scan.intents.length === 0) lines.push('Intents: none');
  else {
    lines.push('Intents:');
    const width = Math.max(...scan.intents.map((i) => i.id.length));
    for (const { id, reasons } of scan.intents) {
      const title = model.intents.get(id)?.intent.title ?? '';
      const broken = hasErrorsText(model, id, shown);
      lines.push(`  ${id.padEnd(width)}  ${title}  (${reasons.map((r) => REASON_TEXT[r]).join(', ')})${broken ? `: ${broken}` : ''}`);
    }
  }

  const { commits, files } = scan.coverage;
  const uncounted = uncountedCommits(scan);
  lines.push(`Commits: ${uncounted ?? (commits.total === 0 ? (base ? `none ahead of ${base.name}` : 'none compared') : share(commits.linked, commits.total))}`);
  lines.push(`Files:   ${files.total === 0 ? (uncounted ? 'not compared' : 'no changes') : share(files.linked, files.total)}`);

  const unlinked = scan.commits.filter((c) => c.intents.length === 0);
  if (unlinked.length > 0) {
    lines.push('Unlinked commits:');
    for (const c of unlinked) {
      lines.push(`  ${c.sha.slice(0, 7)} ${c.subject}`);
      const line = stray.get(c.sha);
      if (line !== undefined) lines.push(`    ${renderMessage(message('strayTrailer', line))}`);
    }
  }
  const unlinkedFiles = scan.files.filter((f) => !f.linked);
  if (unlinkedFiles.length > 0) {
    lines.push('Unlinked files:');
    for (const f of unlinkedFiles) lines.push(`  ${shown(f.path)}${f.uncommitted ? ' (uncommitted)' : ''}`);
  }
  // An id whose file exists but has errors is not unknown: the file is what to fix.
  const brokenTrailers = scan.unknownTrailers.filter((t) => hasErrorsText(model, t.id, shown) !== undefined);
  const unknown = scan.unknownTrailers.filter((t) => !brokenTrailers.includes(t));
  if (brokenTrailers.length > 0) {
    lines.push('Trailer ids whose intent file has errors:');
    for (const [id, list] of shasById(brokenTrailers)) lines.push(`  ${hasErrorsText(model, id, shown)!} (${list.join(', ')})`);
  }
  if (unknown.length > UNKNOWN_LINES_MAX) {
    lines.push(unknownSummary(unknown.length, [...new Set(unknown.map((t) => t.id))], (id) => id));
  } else if (unknown.length > 0) {
    lines.push('Unknown intent ids in trailers:');
    for (const [id, list] of shasById(unknown)) lines.push(`  ${abridged(id)} (${list.join(', ')})`);
  }
  return lines;
}

function shasById(trailers: BranchScan['unknownTrailers']): Map<string, string[]> {
  const shas = new Map<string, string[]>();
  for (const t of trailers) shas.set(t.id, [...(shas.get(t.id) ?? []), t.sha.slice(0, 7)]);
  return shas;
}

/** "checkout-speed has errors (.value/intents/checkout-speed.yaml:5)" when the intent's file has errors. */
function hasErrorsText(model: ValueModel, id: string, shown: (file: string) => string): string | undefined {
  const today = localIsoDate();
  const file = model.brokenIntentFile(id, today);
  if (file === undefined) return undefined;
  const line = model.firstErrorLine(file, today);
  return renderMessage(message('intentHasErrors', id, `${shown(file)}${line === undefined ? '' : `:${line}`}`));
}

/**
 * Text for Markdown: table pipes, markup characters and HTML are shown literally; so are
 * GitHub's strikethrough (`~~`), math (`$…$`) and character references (`&amp;`).
 */
export function mdText(text: string): string {
  return text.replace(/[\\`*_[\]<>|#~$&]/g, '\\$&').replace(/\r?\n/g, ' ');
}

/**
 * A code span that shows `text` exactly. Backslash escapes do not work inside code spans, so
 * the fence is one backtick longer than any run of backticks in the text, padded with a space
 * where the text starts or ends with a backtick (CommonMark strips that space again).
 */
function mdCode(text: string): string {
  const flat = text.replace(/\r?\n/g, ' ');
  const fence = '`'.repeat(Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length)) + 1);
  const pad = /^`|`$/.test(flat) || /^ .* $/.test(flat) ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/**
 * The same facts as `formatStatus`, as Markdown for a pull-request description or a CI job
 * summary (`value-lens status --format md >> "$GITHUB_STEP_SUMMARY"`).
 */
export function statusMarkdown(scan: BranchScan, model: ValueModel): string[] {
  const { head, base } = scan.state;
  const where = head.kind === 'detached' ? `detached HEAD at \`${head.shortSha}\`` : mdCode(head.branch);
  const lines = [`### Value of ${where}${base ? ` (against ${mdCode(base.name)})` : ''}`, ''];
  if (scan.intents.length === 0) lines.push('No intent is linked to this branch.', '');
  else {
    lines.push('| Intent | Why | Linked by |', '| --- | --- | --- |');
    for (const { id, reasons } of scan.intents) {
      const intent = model.intents.get(id)?.intent;
      lines.push(`| **${mdText(intent?.title ?? id)}** (\`${id}\`) | ${mdText(intent?.why ?? '').trim()} | ${reasons.map((r) => REASON_TEXT[r]).join(', ')} |`);
    }
    lines.push('');
  }
  const { commits, files } = scan.coverage;
  const commitPart = commits.total ? `**${share(commits.linked, commits.total)}** commits` : 'no commits to count';
  const filePart = files.total ? `**${share(files.linked, files.total)}** files` : 'no changed files';
  lines.push(`Value coverage: ${commitPart}, ${filePart}.`, '');
  const unlinked = scan.commits.filter((c) => c.intents.length === 0);
  if (unlinked.length) {
    lines.push('<details><summary>Commits no intent explains</summary>', '');
    for (const c of unlinked) lines.push(`- \`${c.sha.slice(0, 7)}\` ${mdText(c.subject)}`);
    lines.push('', '</details>', '');
  }
  const today = localIsoDate();
  const unknown = scan.unknownTrailers.filter((t) => model.brokenIntentFile(t.id, today) === undefined);
  const unknownIds = [...new Set(unknown.map((t) => t.id))];
  if (unknown.length > UNKNOWN_LINES_MAX) lines.push(unknownSummary(unknown.length, unknownIds, mdCode), '');
  else if (unknownIds.length) lines.push(`Unknown intent ids in trailers: ${unknownIds.map((id) => mdCode(abridged(id))).join(', ')}`, '');
  return lines;
}

/** The note for a configured base branch that is missing because it names a tag: it does exist, as a tag. */
async function tagNote(root: string, scan: BranchScan): Promise<string | undefined> {
  const ref = scan.state.degradedRef;
  if (ref?.id !== 'gitConfiguredBaseMissing') return undefined;
  const name = ref.args[0];
  if (typeof name !== 'string') return undefined;
  const tags = await new BranchOps(root).tags().catch(() => []);
  return tags.some((t) => t.name === name) ? renderMessage(message('gitConfiguredBaseIsTag', abridged(name))) : undefined;
}

/** `value-lens status`: the current branch's intents and value coverage; 0, or 2 when git or `.value/` cannot answer. */
export async function statusCommand(options: StatusOptions, io: CliIo): Promise<number> {
  const start = path.resolve(io.cwd, options.folder);
  if (!(await isFolder(start))) {
    io.stderr(`value-lens: no such folder: ${options.folder}`);
    return 2;
  }
  const opened = await openLinkedFolder(start, options.base);
  if (!opened.ok) {
    io.stderr(`value-lens: ${opened.reason}`);
    return 2;
  }
  const { root, model, scan } = opened.folder;
  if (options.format === 'json') io.stdout(JSON.stringify(statusJson(scan), null, 2));
  else if (options.format === 'md') for (const line of statusMarkdown(scan, model)) io.stdout(line);
  else {
    // Relative to where the command runs, as `check` does, so terminals can open them.
    const shown = (file: string): string => printablePath(path.relative(io.cwd, path.join(root, file)).split(path.sep).join('/'));
    // Only the unlinked commits without trailers are asked about; a failure here costs only the hint.
    const stray = await findStrayTrailers(createGitRunner(root), scan.commits.filter((c) => c.intents.length === 0), model.config.trailer).catch(() => new Map<string, string>());
    for (const line of formatStatus(scan, model, shown, stray, await tagNote(root, scan))) io.stdout(line);
  }
  return 0;
}
