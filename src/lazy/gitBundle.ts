// dist/lazy/git.js: git (simple-git) and the linking engine. See bundles.ts.
// The git error classes live here only, so `instanceof` checks stay inside this bundle.
import { BranchOps } from '../core/git/branchOps';
import { GitMissingError, NotARepositoryError } from '../core/git/gitErrors';
import type { GitRunnerOptions } from '../core/git/gitRunner';
import { createGitRunner } from '../core/git/gitRunner';
import { findStrayTrailers } from '../core/trailers/strayTrailers';
import { isCommitId, unpushedCommits } from '../core/trailers/unknownTrailer';
import { SimpleGitPort } from '../core/git/simpleGitPort';
import type { LinkingModel, LinkingOptions } from '../core/linking/linkingEngine';
import { LinkingEngine } from '../core/linking/linkingEngine';
import { ReleasePatterns } from '../core/release/releaseBranchName';

export { statementNameFor } from '../core/release/releaseBranchName';

/** A linking engine on the real git of `root`; creating it starts no git process. */
export function createLinkingEngine(root: string, options: GitRunnerOptions, model: LinkingModel, linking: LinkingOptions = {}): LinkingEngine {
  return new LinkingEngine(root, new SimpleGitPort(root, options), model, linking);
}

/** {@link findStrayTrailers} on the real git of `root`. */
export function strayTrailersIn(root: string, options: GitRunnerOptions, commits: Parameters<typeof findStrayTrailers>[1], key: string): Promise<Map<string, string>> {
  return findStrayTrailers(createGitRunner(root, options), commits, key);
}

/** {@link unpushedCommits} on the real git of `root`. */
export function unpushedCommitsIn(root: string, options: GitRunnerOptions, shas: readonly string[]): Promise<Set<string>> {
  return unpushedCommits(createGitRunner(root, options), shas);
}

/** `git show --stat --format=fuller` of one commit, for a read-only document; '' for anything but a full commit id. */
export async function commitShowText(root: string, options: GitRunnerOptions, sha: string): Promise<string> {
  if (!isCommitId(sha)) return '';
  return (await createGitRunner(root, options).run(['show', '--stat', '--format=fuller', '--no-color', sha, '--'])).stdout;
}

export function createBranchOps(root: string, options: GitRunnerOptions): BranchOps {
  return new BranchOps(root, options);
}

export function createReleasePatterns(globs: readonly string[]): ReleasePatterns {
  return new ReleasePatterns(globs);
}

export function isGitMissing(e: unknown): e is GitMissingError {
  return e instanceof GitMissingError;
}

export function isNotARepository(e: unknown): boolean {
  return e instanceof NotARepositoryError;
}
