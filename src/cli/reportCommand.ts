import * as path from 'path';
import { relativeInside } from '../core/pathInside';
import { saveFileAtomic, UnsafeWritePathError, WriteConflictError, WriteFailedError } from '../core/yaml/atomicWrite';
import { SimpleGitPort } from '../core/git/simpleGitPort';
import { readValueFolder } from '../core/model/readValueFolder';
import { buildReport } from '../core/report/buildReport';
import { readReportCommits } from '../core/report/readReportCommits';
import { renderStandaloneHtml } from '../core/report/renderHtml';
import { renderJson, renderMarkdown } from '../core/report/renderMarkdown';
import type { ReportPeriod } from '../core/report/reportPeriod';
import { periodStart } from '../core/report/reportPeriod';
import type { CliIo } from './cliIo';
import type { ReportFormat } from './reportOptions';
import { isFolder } from './linkedFolder';


export interface ReportOptions {
  readonly folder: string;
  readonly format: ReportFormat;
  readonly period: ReportPeriod;
  /** File to write, relative to the working folder; stdout when absent. */
  readonly out?: string;
  /** YYYY-MM-DD */
  readonly today: string;
  /** Whose history coverage counts; default the base branch. */
  readonly ref?: string;
}


/**
 * `value-lens report`: the value report of a folder's `.value/` and git history, as standalone
 * HTML, Markdown or JSON, on stdout or in `--out`; 0, or 2 when there is no `.value/` or git
 * cannot be read (one line on stderr, nothing written).
 */
export async function reportCommand(options: ReportOptions, io: CliIo): Promise<number> {
  const root = path.resolve(io.cwd, options.folder);
  if (!(await isFolder(root))) {
    io.stderr(`value-lens: no such folder: ${options.folder}`);
    return 2;
  }
  const { model, hasValueFolder } = await readValueFolder(root);
  if (!hasValueFolder) {
    io.stderr(`value-lens: no .value/ folder in ${root}`);
    return 2;
  }
  const commits = await readReportCommits(new SimpleGitPort(root), model.config.trailer, {
    since: periodStart(options.period, options.today),
    ...(options.ref !== undefined ? { ref: options.ref } : {}),
    ...(model.config.baseBranch !== undefined ? { baseBranch: model.config.baseBranch } : {}),
  });
  if (!commits.available) {
    io.stderr(`value-lens: ${commits.reason}`);
    return 2;
  }
  const report = buildReport({ title: path.basename(root), model, commits, today: options.today, period: options.period });
  const text = options.format === 'html' ? renderStandaloneHtml(report) : options.format === 'md' ? renderMarkdown(report) : renderJson(report);
  if (options.out === undefined) {
    // io.stdout ends the text with its own newline.
    io.stdout(text.replace(/\n$/, ''));
    return 0;
  }
  const target = path.resolve(io.cwd, options.out);
  // Inside the folder, a link must stay in it (a committed link could lead to ~/.bashrc); a path
  // the user names outside it must not be a link that leaves its own folder.
  const allowed = relativeInside(root, target) !== undefined ? root : path.dirname(target);
  try {
    await saveFileAtomic(target, text, { root: allowed });
  } catch (e) {
    const known = e instanceof UnsafeWritePathError || e instanceof WriteFailedError || e instanceof WriteConflictError;
    io.stderr(`value-lens: cannot write ${options.out}: ${known ? e.message : (e as NodeJS.ErrnoException).code ?? String(e)}`);
    return 2;
  }
  io.stderr(`Wrote the value report to ${path.relative(io.cwd, target) || target}`);
  return 0;
}
