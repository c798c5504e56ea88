import { GitCommandError, GitMissingError, InvalidGitInputError, NotARepositoryError } from '../git/gitErrors';
import type { GitPort } from '../git/gitPort';
import type { Translate } from '../present/messages';
import { fillTemplate } from '../present/messages';
import type { ReportCommits } from './buildReport';
import { renderReportMessage, reportMessage } from './reportMessages';

/**
 * The commits the report counts: HEAD's history (no merges) from `since` (YYYY-MM-DD, or all),
 * read with one `git log`. Git problems a user can act on come back as the reason coverage is
 * unavailable, so the rest of the report still renders; anything else is thrown. Our own reason
 * is written through `translate` (English for the CLI); git's own message is passed on as git wrote it.
 */
export async function readReportCommits(port: Pick<GitPort, 'commitHistory'>, trailerKey: string, since: string | undefined, translate: Translate = fillTemplate): Promise<ReportCommits> {
  try {
    const commits = await port.commitHistory(trailerKey, since);
    return { available: true, commits: commits.map((c) => ({ sha: c.sha, date: c.date, trailerIds: c.trailerIds })) };
  } catch (e) {
    if (e instanceof NotARepositoryError) return { available: false, reason: renderReportMessage(reportMessage('reportNotARepository'), translate) };
    if (e instanceof GitMissingError || e instanceof GitCommandError || e instanceof InvalidGitInputError) {
      return { available: false, reason: e.message.split('\n', 1)[0] ?? e.message };
    }
    throw e;
  }
}
