import * as path from 'path';
import { BranchOps } from '../core/git/branchOps';
import { readValueFolder } from '../core/model/readValueFolder';
import type { Problem } from '../core/model/problem';
import { formatProblem } from '../core/model/problem';
import { checkReleaseBranch } from '../core/release/branchCheck';
import type { CliIo } from './cliIo';
import { printablePath } from './cliIo';

export interface CheckOptions {
  readonly folder: string;
  readonly format: 'text' | 'json';
  readonly today: string;
  /** With a branch: also fail when it is a release branch without a value statement. */
  readonly branch?: string;
}

function jsonProblem(p: Problem, file: string): Record<string, unknown> {
  return {
    file,
    line: p.range.start.line + 1,
    col: p.range.start.col + 1,
    endLine: p.range.end.line + 1,
    endCol: p.range.end.col + 1,
    severity: p.severity,
    code: p.code,
    message: p.message,
  };
}

/** Above this many unknown-intent warnings, the text output has one line for them all (JSON keeps each). */
const UNKNOWN_LINES_MAX = 10;
const UNKNOWN_IDS_SHOWN = 10;

/** "904 release entries name unknown intents (12 ids): a, b, c, …" */
function unknownSummary(problems: readonly Problem[]): string {
  const ids = [...new Set(problems.map((p) => {
    const id = p.messageRef?.args[0];
    return typeof id === 'string' ? id : '';
  }))];
  const shown = ids.slice(0, UNKNOWN_IDS_SHOWN).map((id) => (id.length > 60 ? `${id.slice(0, 60)}…` : id));
  const files = new Set(problems.map((p) => p.file)).size;
  return `${problems.length} release entries in ${files} file${files === 1 ? '' : 's'} name unknown intents (${ids.length} id${ids.length === 1 ? '' : 's'}): ${shown.join(', ')}${ids.length > UNKNOWN_IDS_SHOWN ? ', …' : ''}; fix the ids or create the intents (--format json lists each).`;
}

/** `value-lens check`: validates `.value/`; exit 1 on errors, 0 otherwise, 2 when there is nothing to check. */
export async function checkCommand(options: CheckOptions, io: CliIo): Promise<number> {
  const root = path.resolve(io.cwd, options.folder);
  const { model, hasValueFolder } = await readValueFolder(root);
  if (!hasValueFolder) {
    io.stderr(`value-lens: no .value/ folder in ${root}`);
    return 2;
  }
  const problems = model.problems(options.today);
  // Paths relative to where the command runs, so terminals and editors can open them.
  const shown = (p: Problem): string => printablePath(path.relative(io.cwd, path.join(root, p.file)).split(path.sep).join('/'));
  const release = options.branch === undefined ? undefined : await checkReleaseBranch(model, options.branch, new BranchOps(root));
  const missing = release && !release.hasStatement ? release : undefined;
  const missingFile = path.relative(io.cwd, path.join(root, missing?.file ?? '.value/releases')).split(path.sep).join('/');
  const missingText = missing && `${missingFile}: error: ${missing.branch} is a release branch without a value statement; state its expected value (VS Code: "Value: State Expected Value for This Branch…") and commit ${missingFile} on the branch.`;
  const errors = problems.filter((p) => p.severity === 'error').length + (missing ? 1 : 0);
  const warnings = problems.filter((p) => p.severity === 'warning').length;
  if (options.format === 'json') {
    io.stdout(JSON.stringify({ folder: root, errors, warnings, problems: problems.map((p) => jsonProblem(p, shown(p))), ...(release ? { branch: release } : {}) }, null, 2));
  } else {
    const unknown = problems.filter((p) => p.code === 'unknown-intent');
    const grouped = unknown.length > UNKNOWN_LINES_MAX ? unknown : [];
    for (const p of problems) {
      if (p === grouped[0]) io.stdout(formatProblem({ ...p, file: shown(p), message: unknownSummary(grouped) }));
      // A file name quoted in a message is escaped as the path is: one problem, one line.
      else if (!grouped.includes(p)) io.stdout(formatProblem({ ...p, file: shown(p), message: printablePath(p.message) }));
    }
    if (missingText) io.stdout(missingText);
    const files = model.fileNames.length;
    io.stderr(`${files} file${files === 1 ? '' : 's'} checked: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`);
  }
  return errors > 0 ? 1 : 0;
}
