import { promises as fsp } from 'fs';
import * as path from 'path';
import type { BranchOps } from '../git/branchOps';
import { gitFailureReason } from '../git/branchOps';
import type { ReleaseStatement } from '../model/types';
import type { MessageRef, Translate } from '../present/messages';
import { fillTemplate, message, renderMessage } from '../present/messages';
import { RELEASES_DIR, VALUE_DIR } from '../valueFolder';
import { createFileAtomic } from '../yaml/atomicWrite';
import { isSafeReleaseFileName } from './releaseBranchName';
import { renderReleaseYaml } from './releaseStatement';

export interface ReleasePlan {
  /** Absolute path of the workspace folder that holds `.value/`. */
  readonly folder: string;
  /** Entry name of the statement file (`2.5.0`); checked again here before it becomes a path. */
  readonly statementName: string;
  readonly statement: ReleaseStatement;
  /** Create `statement.branch` from `statement.base` and switch to it; false for an existing branch. */
  readonly createBranch: boolean;
  readonly commit: boolean;
  /** Commit trailer key, e.g. `Intent`. */
  readonly trailer: string;
}

export type ReleaseStep = 'check' | 'branch' | 'statement' | 'commit';

export interface ReleaseReport {
  /** Folder-relative path of the statement file. */
  readonly file: string;
  readonly branchCreated: boolean;
  readonly statementWritten: boolean;
  readonly commit?: string;
  /** Set when a step failed; the steps before it stay done, the ones after were not tried. */
  readonly failed?: { readonly step: ReleaseStep; readonly reason: string };
}

/** The folder-relative statement path for an entry name. @throws Error for a name that is not a safe file name. */
export function statementPath(statementName: string): string {
  if (!isSafeReleaseFileName(statementName)) throw new Error(`"${statementName}" cannot be used as a file name in ${VALUE_DIR}/${RELEASES_DIR}/.`);
  return `${VALUE_DIR}/${RELEASES_DIR}/${statementName}.yaml`;
}

/** The commit message paragraphs for a statement commit: subject, summary, trailer naming its intents. */
export function statementCommitMessage(statement: ReleaseStatement, trailer: string): string[] {
  const paragraphs = [`State the expected value of release ${statement.release}`, statement.expected.summary];
  if (statement.expected.intents.length > 0) paragraphs.push(`${trailer}: ${statement.expected.intents.join(', ')}`);
  return paragraphs;
}

/**
 * Carries out a confirmed release plan, in an order that keeps failures clean: checks first
 * (statement file free, branch free, base exists; nothing changes when one fails), then
 * `git switch -c` (atomic: refused means not created), then the statement file (created
 * exclusively, never overwriting), then, if asked, a commit of only that file. The report says
 * which steps were done and, on failure, which step failed and why.
 */
export async function createRelease(plan: ReleasePlan, git: BranchOps): Promise<ReleaseReport> {
  let file: string;
  try {
    file = statementPath(plan.statementName);
  } catch (e) {
    return { file: plan.statementName, branchCreated: false, statementWritten: false, failed: { step: 'check', reason: String((e as Error).message) } };
  }
  const absolute = path.join(plan.folder, ...file.split('/'));
  const report = { file, branchCreated: false, statementWritten: false };
  const fail = (step: ReleaseStep, reason: string): ReleaseReport => ({ ...report, failed: { step, reason } });
  const { branch, base } = plan.statement;

  if (plan.createBranch) {
    try {
      if (await git.hasLocalBranch(branch)) return fail('check', `Branch ${branch} already exists.`);
      if (!(await git.resolveCommit(base))) return fail('check', `The base ${base} does not exist.`);
      const onBase = await git.filesAt(base, `${VALUE_DIR}/${RELEASES_DIR}`, false);
      if (onBase.some((f) => f.path === file)) return fail('check', `${base} already has ${file}; choose another release name.`);
    } catch (e) {
      return fail('check', gitFailureReason(e));
    }
  }
  if (await exists(absolute)) return fail('check', `${file} already exists; it was not overwritten.`);

  if (plan.createBranch) {
    try {
      await git.createAndSwitch(branch, base);
      report.branchCreated = true;
    } catch (e) {
      return fail('branch', gitFailureReason(e));
    }
  }
  try {
    await createFileAtomic(absolute, renderReleaseYaml(plan.statement), { root: plan.folder, makeFolders: true });
    report.statementWritten = true;
  } catch (e) {
    return fail('statement', e instanceof Error ? e.message : String(e));
  }
  if (!plan.commit) return report;
  try {
    const commit = await git.commitFile(file, statementCommitMessage(plan.statement, plan.trailer));
    return { ...report, commit };
  } catch (e) {
    // Leave the index as it was: the file stays on disk, uncommitted, for the user to commit.
    await git.unstage(file).catch(() => undefined);
    return fail('commit', gitFailureReason(e));
  }
}

/** One sentence per outcome, saying exactly what was done and what was not. */
export function describeReport(plan: Pick<ReleasePlan, 'statement' | 'createBranch' | 'commit'>, report: ReleaseReport, translate: Translate = fillTemplate): string {
  const text = (ref: MessageRef): string => renderMessage(ref, translate);
  const { branch, base } = plan.statement;
  const done: string[] = [];
  if (report.branchCreated) done.push(text(message('releaseCreatedBranch', branch, base)));
  if (report.statementWritten) done.push(text(message('releaseWrote', report.file)));
  if (report.commit) done.push(text(message('releaseCommitted', report.commit.slice(0, 7))));
  const didText = done.length > 0 ? text(message('releaseDone', done.join(', '))) : text(message('releaseNothingChanged'));
  if (!report.failed) return `${capitalize(done.join(', '))}.`;
  const what: Record<ReleaseStep, MessageRef> = {
    check: message('releaseCouldNotStart'),
    branch: message('releaseCouldNotCreate', branch),
    statement: message('releaseCouldNotWrite', report.file),
    commit: message('releaseCouldNotCommit', report.file),
  };
  const reason = report.failed.reason.trim().replace(/[.:]?$/, '.');
  return text(message('releaseFailed', what[report.failed.step], reason, didText));
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

async function exists(file: string): Promise<boolean> {
  try {
    await fsp.lstat(file);
    return true;
  } catch {
    return false;
  }
}
