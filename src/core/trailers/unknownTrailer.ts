import type { GitRunner } from '../git/gitRunner';
import { closestMatch } from '../present/closeMatch';
import type { MessageRef } from '../present/messages';
import { message } from '../present/messages';

const OBJECT_ID = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

/** True for a full commit id (SHA-1 or SHA-256), the only form put in a command line or a URI. */
export function isCommitId(sha: string): boolean {
  return OBJECT_ID.test(sha);
}

/**
 * Of `shas`, those no remote-tracking branch contains: they can still be rewritten. One
 * `git rev-list --no-walk`, which lists each given commit unless a remote reaches it.
 */
export async function unpushedCommits(runner: GitRunner, shas: readonly string[]): Promise<Set<string>> {
  const ids = [...new Set(shas.filter(isCommitId))];
  if (ids.length === 0) return new Set();
  const { stdout } = await runner.run(['rev-list', '--no-walk', ...ids, '--not', '--remotes', '--']);
  return new Set(stdout.split('\n').filter(isCommitId));
}

export interface UnknownTrailerFacts {
  readonly sha: string;
  readonly id: string;
  /** The trailer key in effect, `Intent` by default. */
  readonly trailer: string;
  readonly isHead: boolean;
  /** False only when git said no remote has the commit. */
  readonly pushed: boolean;
  /** The intent ids that exist, for "did you mean". */
  readonly known: Iterable<string>;
}

/**
 * What to tell about a trailer naming no intent: rewriting history is advised only where it is
 * safe (amend for the unpushed HEAD, an interactive rebase for an older unpushed commit); a pushed
 * commit keeps its message, so then the intent is to be created, or the warning ignored.
 */
export function unknownTrailerMessage(facts: UnknownTrailerFacts): MessageRef {
  const { sha, id, trailer } = facts;
  const short = sha.slice(0, 7);
  const ref = facts.pushed
    ? message('unknownTrailerPushed', short, id, trailer)
    : facts.isHead
      ? message('unknownTrailerAmend', short, id, trailer)
      : message('unknownTrailerRebase', short, id, trailer);
  const near = closestMatch(id, facts.known);
  return near === undefined ? ref : message('withDidYouMean', ref, near);
}
