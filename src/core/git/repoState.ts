import type { RepoState } from './gitPort';
import type { MessageRef } from '../present/messages';
import { message, renderMessage } from '../present/messages';

/**
 * `state` completed with the merge-base of HEAD and its base, or marked degraded when there is
 * none: unrelated histories, or a shallow clone whose history stops short of it.
 */
export function withMergeBase(state: RepoState, mergeBase: string | undefined): RepoState {
  const { base } = state;
  if (!base || state.head.kind === 'unborn') return state;
  if (mergeBase !== undefined) return { ...state, base: { ...base, mergeBase } };
  const why = state.isShallow ? message('gitShallowNoMergeBase', base.name) : message('gitNoCommonHistory', base.name);
  return { ...state, ...degradedBy(why) };
}

/**
 * `state` marked degraded because the repository lacks the commit its base branch points to (a
 * broken or half-fetched ref): a fetch or a repaired branch brings the scan back.
 */
export function withBaseCommitMissing(state: RepoState): RepoState {
  const { base } = state;
  if (!base) return state;
  return { ...state, ...degradedBy(message('gitBaseCommitMissing', base.name, base.sha.slice(0, 7))) };
}

/** A state's `degraded` fields: the English text and the message it came from. */
export function degradedBy(ref: MessageRef): { degraded: string; degradedRef: MessageRef } {
  return { degraded: renderMessage(ref), degradedRef: ref };
}
