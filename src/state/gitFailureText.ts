import vscode = require('vscode');
import type { GitCommandError, GitTimeoutError } from '../core/git/gitErrors';

/**
 * A git failure in the display language; git's own words stay as git wrote them, and any other
 * error keeps its message. Matched by name, not instanceof: each lazy bundle that runs git has its
 * own copy of the error classes.
 */
export function gitFailureText(e: unknown): string {
  if (isNamed<GitTimeoutError>(e, 'GitTimeoutError')) {
    return vscode.l10n.t('git {0} gave no output for {1} s and was stopped. A lock held by another git, a network file system or a hook may be slow: refresh once it is free.', e.subcommand, e.seconds);
  }
  if (isNamed<GitCommandError>(e, 'GitCommandError')) {
    return vscode.l10n.t('git {0} failed (exit {1}): {2}', e.subcommand, e.exitCode, e.gitMessage || vscode.l10n.t('no message'));
  }
  return e instanceof Error ? e.message : String(e);
}

function isNamed<T extends Error>(e: unknown, name: string): e is T {
  return e instanceof Error && e.name === name;
}
