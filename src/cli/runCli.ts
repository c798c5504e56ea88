import { parseArgs } from 'util';
import { isValidBranchName } from '../core/git/refName';
import { date as isCalendarDate } from '../core/schema/formats';
import { localIsoDate } from '../core/today';
import type * as CheckCommand from './checkCommand';
import type { CliIo } from './cliIo';
import type * as InitCommand from './initCommand';
import type * as ReportCommand from './reportCommand';
import type * as StatusCommand from './statusCommand';
import type * as WhyCommand from './whyCommand';
import { isReportFormat, parseSince } from './reportOptions';
import { ciTargetBranch } from './ciTarget';

export const USAGE = `usage: value-lens <command> [options]

commands:
  init [folder]    set up .value/ in folder (default: .): config.yaml with the detected base
                   branch and release patterns, an example intent if there is none;
                   never overwrites, so running it twice changes nothing
                   --hook   also install a pre-push hook running check --branch (never over
                            an existing hook)
  check [folder]   validate the .value/ files of folder (default: .)
                   --format text|json   output format (default: text)
                   --today YYYY-MM-DD   date used for "review overdue" (default: today)
                   --branch NAME        also fail when NAME is a release branch without a
                                        value statement (pre-push hook, CI)
  status [folder]  the current branch: base, intents, value coverage (linked commits and
                   files), unlinked commits and files, unknown intent ids in trailers
                   --base BRANCH   compare with BRANCH (or origin/BRANCH) instead of the
                                   configured base; in a pull or merge request job the
                                   default is its target (GITHUB_BASE_REF,
                                   CI_MERGE_REQUEST_TARGET_BRANCH_NAME)
                   --format text|json|md   text, one JSON object, or Markdown for a pull
                                           request or CI job summary (default: text)
                   --json   the same as --format json
  why <path>       the intents of one file and why: an intent's paths cover it, or a
                   recent commit that touched it names the intent in a trailer
                   --json   one JSON object (path relative to the folder) instead of text
  report [folder]  the value report of folder (default: .): expected vs realised value,
                   releases, intents, value coverage of commits per month
                   --format html|md|json   output format (default: md)
                   --since 30d|90d|365d|all   period (default: all)
                   --ref REF            whose history value coverage counts: a branch, tag
                                        or commit (default: the base branch, not the
                                        branch checked out)
                   --out FILE           write to FILE instead of standard output
                   --today YYYY-MM-DD   date the report is made for (default: today)

status and why use the nearest folder with .value/ at or above folder (default: .) or
path, within its git repository.

exit codes: 0 success, 1 check found errors, 2 usage error or nothing to work on
            (no .value/ folder, not a git repository, git not found)`;

/* eslint-disable @typescript-eslint/no-require-imports -- each command's code loads only when it runs: `why` need not evaluate the report */

/** Runs one CLI invocation and returns its exit code; never throws for bad input. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    if (command) io.stdout(USAGE);
    else io.stderr(USAGE);
    return command ? 0 : 2;
  }
  try {
    if (command === 'init') {
      const { values, positionals } = parseArgs({ args: [...rest], allowPositionals: true, options: { hook: { type: 'boolean', default: false } } });
      if (positionals.length > 1) throw new Error('init takes at most one folder');
      return await (require('./initCommand') as typeof InitCommand).initCommand({ folder: positionals[0] ?? '.', hook: values.hook }, io);
    }
    if (command === 'check') {
      const { values, positionals } = parseArgs({
        args: [...rest],
        allowPositionals: true,
        options: { format: { type: 'string', default: 'text' }, today: { type: 'string' }, branch: { type: 'string' } },
      });
      if (values.format !== 'text' && values.format !== 'json') throw new Error(`--format must be text or json, not "${values.format}"`);
      checkToday(values.today);
      if (positionals.length > 1) throw new Error('check takes at most one folder');
      if (values.branch !== undefined && !isValidBranchName(values.branch)) throw new Error(`--branch: "${values.branch}" is not a valid branch name`);
      return await (require('./checkCommand') as typeof CheckCommand).checkCommand({ folder: positionals[0] ?? '.', format: values.format, today: values.today ?? localIsoDate(), ...(values.branch !== undefined ? { branch: values.branch } : {}) }, io);
    }
    if (command === 'status' || command === 'why') {
      const { values, positionals } = parseArgs({ args: [...rest], allowPositionals: true, options: { json: { type: 'boolean', default: false }, format: { type: 'string' }, ...(command === 'status' ? { base: { type: 'string' } } : {}) } });
      if (command === 'status') {
        if (positionals.length > 1) throw new Error('status takes at most one folder');
        const format = values.format ?? (values.json ? 'json' : 'text');
        if (format !== 'text' && format !== 'json' && format !== 'md') throw new Error(`--format must be text, json or md, not "${format}"`);
        if (values.json && format !== 'json') throw new Error('--json and --format disagree');
        const given = (values as { base?: string }).base;
        const base = given ?? ciTargetBranch(io.env ?? process.env)?.branch;
        if (base !== undefined && !isValidBranchName(base)) throw new Error(`${given !== undefined ? '--base' : ciTargetBranch(io.env ?? process.env)?.from}: "${base}" is not a valid branch name`);
        return await (require('./statusCommand') as typeof StatusCommand).statusCommand({ folder: positionals[0] ?? '.', format, ...(base !== undefined ? { base } : {}) }, io);
      }
      if (values.format !== undefined) throw new Error('why takes --json, not --format');
      const [file, ...extra] = positionals;
      if (file === undefined || extra.length > 0) throw new Error('why takes exactly one path');
      return await (require('./whyCommand') as typeof WhyCommand).whyCommand({ path: file, json: values.json }, io);
    }
    if (command === 'report') {
      const { values, positionals } = parseArgs({
        args: [...rest],
        allowPositionals: true,
        options: { format: { type: 'string', default: 'md' }, since: { type: 'string' }, out: { type: 'string' }, today: { type: 'string' }, ref: { type: 'string' } },
      });
      if (!isReportFormat(values.format)) throw new Error(`--format must be html, md or json, not "${values.format}"`);
      checkToday(values.today);
      if (values.out === '') throw new Error('--out needs a file name');
      if (values.ref !== undefined && (values.ref === '' || values.ref.startsWith('-'))) throw new Error('--ref needs a branch, tag or commit');
      if (positionals.length > 1) throw new Error('report takes at most one folder');
      const period = parseSince(values.since);
      return await (require('./reportCommand') as typeof ReportCommand).reportCommand({ folder: positionals[0] ?? '.', format: values.format, period, today: values.today ?? localIsoDate(), ...(values.out !== undefined ? { out: values.out } : {}), ...(values.ref !== undefined ? { ref: values.ref } : {}) }, io);
    }
    throw new Error(`unknown command "${command}"`);
  } catch (e) {
    // One line, so scripts and CI logs show the whole reason.
    io.stderr(`value-lens: ${e instanceof Error ? e.message : String(e)}${isUsageError(e) ? ' (run "value-lens --help" for usage)' : ''}`);
    return 2;
  }
}

/** `--today`: a real calendar date written YYYY-MM-DD; 2026-13-45 would silently shift every "review due". */
function checkToday(today: string | undefined): void {
  if (today === undefined) return;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new Error('--today must be a date written YYYY-MM-DD');
  if (!isCalendarDate(today)) throw new Error(`--today: ${JSON.stringify(today)} is not a date in the calendar (month 01-12, a day that month has)`);
}

/** A mistake on the command line gets the pointer to --help; a refused write or a file system error does not. */
function isUsageError(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  const code = (e as NodeJS.ErrnoException).code;
  return code === undefined ? e.name === 'Error' : code.startsWith('ERR_PARSE_ARGS');
}
