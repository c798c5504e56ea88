import type { BranchOps } from '../git/branchOps';
import type { ValueModel } from '../model/valueModel';
import { statementFilesOnRef } from './branchStatements';
import { statementPath } from './createRelease';
import { ReleasePatterns, statementNameFor } from './releaseBranchName';
import { hasStatementFor, statementFilesOf } from './statementLookup';

export interface ReleaseBranchCheck {
  readonly branch: string;
  /** True when the branch matches the release patterns of the model's config. */
  readonly isRelease: boolean;
  /** True when a statement exists in the working tree or is committed on the branch (always true for non-release branches). */
  readonly hasStatement: boolean;
  /** Where the statement belongs, for release branches. */
  readonly file?: string;
}

/**
 * Whether `branch` is a release branch (by `releaseBranches` of `.value/config.yaml`, else the
 * defaults) that has no value statement, neither in the model read from the working tree nor
 * committed on the branch itself. Without `git` (or when git cannot tell) only the working tree counts.
 */
export async function checkReleaseBranch(model: ValueModel, branch: string, git?: BranchOps): Promise<ReleaseBranchCheck> {
  const patterns = new ReleasePatterns(model.config.releaseBranches);
  if (!patterns.matches(branch)) return { branch, isRelease: false, hasStatement: true };
  let name: string;
  try {
    name = statementNameFor(branch, patterns);
  } catch {
    return { branch, isRelease: true, hasStatement: false };
  }
  const file = statementPath(name);
  const broken = model.fileNames.filter((f) => model.parsed(f)?.kind === 'release' && !model.parsed(f)?.valid);
  if (hasStatementFor(statementFilesOf(model.releases, broken), branch, name)) return { branch, isRelease: true, hasStatement: true, file };
  if (git) {
    try {
      if (hasStatementFor(await statementFilesOnRef(git, branch), branch, name)) return { branch, isRelease: true, hasStatement: true, file };
    } catch {
      // Not a repository, or git missing: the working tree is all there is to check.
    }
  }
  return { branch, isRelease: true, hasStatement: false, file };
}
