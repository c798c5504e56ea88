import * as path from 'path';
import { BranchOps } from '../core/git/branchOps';
import { readValueFolder } from '../core/model/readValueFolder';
import type { Problem } from '../core/model/problem';
import { formatProblem } from '../core/model/problem';
import { checkReleaseBranch } from '../core/release/branchCheck';
import type { CliIo } from './cliIo';

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
  const shown = (p: Problem): string => path.relative(io.cwd, path.join(root, p.file)).split(path.sep).join('/');
  const release = options.branch === undefined ? undefined : await checkReleaseBranch(model, options.branch, new BranchOps(root));
  const missing = release && !release.hasStatement ? release : undefined;
  const missingFile = path.relative(io.cwd, path.join(root, missing?.file ?? '.value/releases')).split(path.sep).join('/');
  const missingText = missing && `${missingFile}: error: ${missing.branch} is a release branch without a value statement; state its expected value (VS Code: "Value: State Expected Value for This Branch…") and commit ${missingFile} on the branch.`;
  const errors = problems.filter((p) => p.severity === 'error').length + (missing ? 1 : 0);
  const warnings = problems.filter((p) => p.severity === 'warning').length;
  if (options.format === 'json') {
    io.stdout(JSON.stringify({ folder: root, errors, warnings, problems: problems.map((p) => jsonProblem(p, shown(p))), ...(release ? { branch: release } : {}) }, null, 2));
  } else {
    for (const p of problems) io.stdout(formatProblem({ ...p, file: shown(p) }));
    if (missingText) io.stdout(missingText);
    const files = model.fileNames.length;
    io.stderr(`${files} file${files === 1 ? '' : 's'} checked: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`);
  }
  return errors > 0 ? 1 : 0;
}
