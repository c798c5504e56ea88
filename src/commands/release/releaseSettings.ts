import vscode = require('vscode');
import { reviewAfterDays } from '../../core/release/releaseInput';

export type CommitStatementChoice = 'ask' | 'always' | 'never';

/** `valueLens.reviewAfterDays`: default days from today to a measure's review date. */
export function readReviewAfterDays(folder: vscode.WorkspaceFolder): number {
  return reviewAfterDays(vscode.workspace.getConfiguration('valueLens', folder).get<unknown>('reviewAfterDays'));
}

/** `valueLens.commitStatement`: whether a new statement is committed on its branch. */
export function readCommitStatement(folder: vscode.WorkspaceFolder): CommitStatementChoice {
  const value = vscode.workspace.getConfiguration('valueLens', folder).get<unknown>('commitStatement');
  return value === 'always' || value === 'never' ? value : 'ask';
}

/** Remembers the user's answer for every workspace, so the question is asked once. */
export async function rememberCommitStatement(choice: 'always' | 'never'): Promise<void> {
  await vscode.workspace.getConfiguration('valueLens').update('commitStatement', choice, vscode.ConfigurationTarget.Global);
}
