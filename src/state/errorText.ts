import vscode = require('vscode');
import type { GitCommandError, GitTimeoutError } from '../core/git/gitErrors';
import type { NotTextFileError, UnsafeWritePathError, WriteConflictError, WriteFailedError } from '../core/yaml/atomicWrite';
import type { YamlSyntaxError } from '../core/yaml/yamlEdits';

// Errors of the core, told in the display language (the core says them in English). They are
// matched by name, not instanceof: each lazy bundle has its own copy of the error classes.

/** Why a write of ours was refused or failed; any other error keeps its own message. */
export function writeErrorText(e: unknown): string {
  if (isNamed<WriteConflictError>(e, 'WriteConflictError')) {
    if (e.reason === 'exists') return vscode.l10n.t('{0} already exists, so it was not overwritten. Choose another name or edit the existing file.', e.file);
    return e.reason === 'deleted'
      ? vscode.l10n.t('{0} was deleted on disk since it was read, so it was not overwritten. Reload it and try again.', e.file)
      : vscode.l10n.t('{0} was changed on disk since it was read, so it was not overwritten. Reload it and try again.', e.file);
  }
  if (isNamed<UnsafeWritePathError>(e, 'UnsafeWritePathError')) return vscode.l10n.t('{0} leads outside {1} (through a symbolic link or ..), so Value Lens does not write it.', e.file, e.root);
  if (isNamed<NotTextFileError>(e, 'NotTextFileError')) return vscode.l10n.t('{0} is not UTF-8 text, so Value Lens does not edit it.', e.file);
  if (isNamed<WriteFailedError>(e, 'WriteFailedError')) {
    const advice =
      e.reason === 'disk-full'
        ? vscode.l10n.t('the disk is full (or over quota). Free some space and try again')
        : e.reason === 'permission'
          ? vscode.l10n.t('permission denied. Check that you may write to the file and its folder')
          : vscode.l10n.t('the file system is read-only');
    const kept = e.creating ? vscode.l10n.t('Nothing was written.') : vscode.l10n.t('The file on disk was not changed.');
    return vscode.l10n.t('{0} was not saved: {1}. {2}', e.file, advice, kept);
  }
  if (isNamed<YamlSyntaxError>(e, 'YamlSyntaxError')) {
    const first = e.problems[0];
    return first
      ? vscode.l10n.t('The file has YAML errors, so it was not changed (line {0}, column {1}: {2}). Fix the file and try again.', first.line, first.column, first.message)
      : vscode.l10n.t('The file has YAML errors, so it was not changed. Fix the file and try again.');
  }
  return e instanceof Error ? e.message : String(e);
}

/** True for the write errors {@link writeErrorText} words itself. */
export function isWriteError(e: unknown): boolean {
  return e instanceof Error && ['WriteConflictError', 'UnsafeWritePathError', 'NotTextFileError', 'WriteFailedError', 'YamlSyntaxError'].includes(e.name);
}

/** Why git failed, git's own words kept as git wrote them; any other error keeps its message. */
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
