import { branchGlobs } from '../linking/branchMatcher';
import { wildmatch } from '../linking/wildmatch';
import type { Wildmatch } from '../linking/wildmatch';
import { isValidBranchName } from '../git/refName';
import type { MessageRef } from '../present/messages';
import { englishOf, message, renderMessage } from '../present/messages';

/**
 * Compiled `releaseBranches` globs (`release/*`, `hotfix/*`), read as `branches` globs are (git's
 * wildmatch: `*` stays inside one `/` segment, linear time whatever the glob).
 */
export class ReleasePatterns {
  private readonly compiled: readonly { readonly glob: string; readonly alternatives: readonly Wildmatch[] }[];

  constructor(readonly globs: readonly string[]) {
    // A broken glob (an unclosed `[`) has no alternatives: it never matches.
    this.compiled = globs
      .map((g) => g.trim())
      .filter((g) => g.length > 0)
      .map((glob) => ({ glob, alternatives: branchGlobs(glob) }));
  }

  private test(p: (typeof this.compiled)[number], branch: string): boolean {
    return p.alternatives.some((a) => wildmatch(a, branch));
  }

  /** True when `branch` is a release branch. */
  matches(branch: string): boolean {
    return this.compiled.some((p) => this.test(p, branch));
  }

  /**
   * The release name a branch stands for: what the first matching pattern's `*` covers
   * (`release/2.5.0` → `2.5.0`), else the last path segment. Not yet safe as a file name.
   */
  releaseNameOf(branch: string): string {
    for (const p of this.compiled) {
      const { glob } = p;
      if (!this.test(p, branch)) continue;
      const star = glob.indexOf('*');
      if (star < 0 || glob.indexOf('*', star + 1) >= 0 || glob.includes('?') || glob.includes('[') || glob.includes('{')) continue;
      const prefix = glob.slice(0, star);
      const suffix = glob.slice(star + 1);
      if (branch.startsWith(prefix) && branch.endsWith(suffix) && branch.length > prefix.length + suffix.length) {
        return branch.slice(prefix.length, branch.length - suffix.length);
      }
    }
    return branch.slice(branch.lastIndexOf('/') + 1);
  }

  describe(): string {
    return this.globs.join(', ');
  }
}

const SAFE_FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;

/**
 * True when `name` can be used as `<name>.yaml` directly inside `.value/releases/`: letters,
 * digits, `.`, `_` and `-`, starting with a letter or digit, no `..`, no Windows device name.
 * This is the only gate between user text and a path.
 */
export function isSafeReleaseFileName(name: string): boolean {
  return SAFE_FILE_NAME.test(name) && !name.includes('..') && !name.endsWith('.') && !WINDOWS_RESERVED.test(name);
}

/**
 * The statement file's entry name for a release branch: the release name (`2.5.0`) when it is a
 * safe file name, otherwise the branch name with every unsafe run replaced by `-`
 * (`release/Q3 big one` cannot be a branch anyway; `hotfix/2.4.1+fix` → `2.4.1-fix`).
 * @throws Error when nothing usable is left (never returns an unsafe name).
 */
export function statementNameFor(branch: string, patterns: ReleasePatterns): string {
  const release = patterns.releaseNameOf(branch);
  if (isSafeReleaseFileName(release)) return release;
  const cleaned = release.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/\.{2,}/g, '.').replace(/^[^A-Za-z0-9]+|[.]+$/g, '').slice(0, 100);
  if (isSafeReleaseFileName(cleaned)) return cleaned;
  throw new Error(renderMessage(message('inputBranchNoStatementName', JSON.stringify(branch))));
}

/** The message shown under an input box, or undefined when the answer is fine. */
export type InputProblem = string | undefined;

/**
 * What is wrong with a typed release branch name: not a valid branch name by
 * `git check-ref-format --branch` rules, an existing branch, not matching the release patterns
 * (so Value Lens would not know it as a release), or leading to no safe statement file name.
 */
export function releaseBranchProblem(name: string, existing: ReadonlySet<string>, patterns: ReleasePatterns): MessageRef | undefined {
  if (name.trim().length === 0) return message('inputBranchEmpty');
  if (name !== name.trim()) return message('inputBranchSpaces');
  if (!isValidBranchName(name)) return message('inputBranchInvalid');
  if (existing.has(name)) return message('inputBranchExists', name);
  if (!patterns.matches(name)) return message('inputBranchNotRelease', name, patterns.describe());
  try {
    statementNameFor(name, patterns);
  } catch {
    return message('inputBranchNoStatementName', JSON.stringify(name));
  }
  return undefined;
}

/** Checks a typed release branch name (see `releaseBranchProblem`). */
export function checkReleaseBranchInput(name: string, existing: ReadonlySet<string>, patterns: ReleasePatterns): InputProblem {
  return englishOf(releaseBranchProblem(name, existing, patterns));
}
