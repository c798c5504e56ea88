import { GitCommandError, GitMissingError, InvalidGitInputError, NotARepositoryError } from '../git/gitErrors';
import type { GitPort } from '../git/gitPort';
import type { Translate } from '../present/messages';
import { fillTemplate } from '../present/messages';
import type { ReportCommits } from './buildReport';
import { renderReportMessage, reportMessage } from './reportMessages';

export interface ReportHistoryOptions {
  /** YYYY-MM-DD: commits before that day are left out; undefined for all of history. */
  readonly since: string | undefined;
  /** The branch, tag or commit whose history counts; default the base branch, else HEAD. */
  readonly ref?: string;
  /** The configured base branch (`baseBranch` in config.yaml). */
  readonly baseBranch?: string;
  readonly translate?: Translate;
}

/**
 * The commits the report counts: the history of one ref (the base branch unless `ref` is
 * given), so coverage does not depend on the branch that happens to be checked out; no merges,
 * no commits that only change `.value/`; one `git log`. Git problems a user can act on come back
 * as the reason coverage is unavailable, so the rest of the report still renders; anything else
 * is thrown. Our own reason is written through `translate` (English for the CLI); git's own
 * message is passed on as git wrote it.
 */
export async function readReportCommits(port: Pick<GitPort, 'commitHistory' | 'locate' | 'resolveCommit'>, trailerKey: string, options: ReportHistoryOptions): Promise<ReportCommits> {
  const translate = options.translate ?? fillTemplate;
  try {
    const ref = await historyRef(port, options);
    if (!ref) return { available: false, reason: renderReportMessage(reportMessage('reportNoSuchRef', options.ref ?? 'HEAD'), translate) };
    const commits = ref.sha === undefined ? [] : await port.commitHistory(trailerKey, options.since, ref.sha);
    return { available: true, ref: { name: ref.name, ...(ref.sha ? { sha: ref.sha } : {}) }, commits: commits.map((c) => ({ sha: c.sha, date: c.date, trailerIds: c.trailerIds })) };
  } catch (e) {
    if (e instanceof NotARepositoryError) return { available: false, reason: renderReportMessage(reportMessage('reportNotARepository'), translate) };
    if (e instanceof GitMissingError || e instanceof GitCommandError || e instanceof InvalidGitInputError) {
      return { available: false, reason: e.message.split('\n', 1)[0] ?? e.message };
    }
    throw e;
  }
}

/** The ref the report reads and its commit (none on an unborn HEAD); undefined when a given ref names nothing. */
async function historyRef(port: Pick<GitPort, 'locate' | 'resolveCommit'>, options: ReportHistoryOptions): Promise<{ readonly name: string; readonly sha?: string } | undefined> {
  if (options.ref !== undefined) {
    const sha = await port.resolveCommit(options.ref);
    return sha ? { name: options.ref, sha } : undefined;
  }
  const state = await port.locate(options.baseBranch !== undefined ? { baseBranch: options.baseBranch } : {});
  if (state.base) return { name: state.base.name, sha: state.base.sha };
  // No base branch (a repository with only a feature branch, say): HEAD's own history, named so.
  return state.head.kind === 'unborn' ? { name: 'HEAD' } : { name: 'HEAD', sha: state.head.sha };
}
