// dist/lazy/git.js: git (simple-git) and the linking engine. See bundles.ts.
// The git error classes live here only, so `instanceof` checks stay inside this bundle.
import { BranchOps } from '../core/git/branchOps';
import { GitCommandError, GitMissingError, GitTimeoutError, NotARepositoryError } from '../core/git/gitErrors';
import type { GitRunnerOptions } from '../core/git/gitRunner';
import { SimpleGitPort } from '../core/git/simpleGitPort';
import type { LinkingModel, LinkingOptions } from '../core/linking/linkingEngine';
import { LinkingEngine } from '../core/linking/linkingEngine';
import { ReleasePatterns } from '../core/release/releaseBranchName';

export { statementNameFor } from '../core/release/releaseBranchName';

/** A linking engine on the real git of `root`; creating it starts no git process. */
export function createLinkingEngine(root: string, options: GitRunnerOptions, model: LinkingModel, linking: LinkingOptions = {}): LinkingEngine {
  return new LinkingEngine(root, new SimpleGitPort(root, options), model, linking);
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

/** What the view says about a git failure, in parts the extension translates. */
export type GitFailure =
  | { readonly kind: 'timeout'; readonly subcommand: string; readonly seconds: number }
  | { readonly kind: 'command'; readonly subcommand: string; readonly exitCode: number; readonly gitMessage: string };

export function gitFailureOf(e: unknown): GitFailure | undefined {
  if (e instanceof GitTimeoutError) return { kind: 'timeout', subcommand: e.subcommand, seconds: e.seconds };
  if (e instanceof GitCommandError) return { kind: 'command', subcommand: e.subcommand, exitCode: e.exitCode, gitMessage: e.gitMessage };
  return undefined;
}

export function isNotARepository(e: unknown): boolean {
  return e instanceof NotARepositoryError;
}
