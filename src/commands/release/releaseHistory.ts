import type { BranchOps } from '../../core/git/branchOps';
import type { LatestVersion } from '../../core/release/releaseVersion';
import { latestVersion } from '../../core/release/releaseVersion';
import { intentsOfCommits } from '../../core/release/releaseIntents';
import type { ReleaseFolder } from './releaseFolder';

/** The latest released version from tags and statements, and the ref a "since then" range starts at. */
export async function lastRelease(folder: ReleaseFolder, git: BranchOps): Promise<{ latest?: LatestVersion; ref?: string }> {
  const tags = (await git.tags()).map((t) => t.name);
  const latest = latestVersion(tags, folder.model.releases.map((r) => r.name));
  if (!latest) return {};
  if (latest.source === 'tag') return { latest, ref: latest.from };
  // A statement without a tag: its branch, if it still exists, marks where that release was cut.
  const branch = folder.model.releases.find((r) => r.name === latest.from)?.statement.branch;
  const ref = branch && (await git.resolveCommit(branch).catch(() => undefined)) ? branch : undefined;
  return ref ? { latest, ref } : { latest };
}

/**
 * Intents to preselect: those linked (trailers, merged branch names, changed paths) to the commits
 * of `tip` since the last release. Git trouble only means nothing is preselected.
 */
export async function intentsSinceLastRelease(folder: ReleaseFolder, git: BranchOps, tip: string, sinceRef: string | undefined): Promise<string[]> {
  try {
    const commits = await git.commitsBetween(sinceRef, tip, folder.config.trailer);
    return intentsOfCommits(commits, [...folder.model.intents.values()].map((e) => e.intent), folder.scan?.state.prefix ?? '');
  } catch {
    return [];
  }
}
