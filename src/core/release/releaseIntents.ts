import type { CommitRecord } from '../git/commitLog';
import { BranchMatcher } from '../linking/branchMatcher';
import { IntentPathMatcher } from '../linking/pathMatcher';
import type { Intent } from '../model/types';

// Merge subjects that name the merged branch: git's own, GitHub/GitLab/Bitbucket pull requests.
const MERGE_SUBJECTS = [
  /^Merge (?:remote-tracking )?branch '([^']+)'/,
  /^Merge pull request #\d+ from [^/\s]+\/(\S+)/,
  /^Merge branch '([^']+)' into /,
  /^Merged? in (\S+) \(pull request #\d+\)/,
  /^Merge (\S+)$/,
];

/** The branch a merge commit's subject names, without a `origin/` remote prefix. */
export function mergedBranchOf(subject: string): string | undefined {
  for (const re of MERGE_SUBJECTS) {
    const m = re.exec(subject);
    if (m?.[1]) return m[1].replace(/^origin\//, '');
  }
  return undefined;
}

/**
 * Intents the commits of a release serve, for preselection: ids named in trailers, intents whose
 * `branches` globs or id match a branch named in a merge subject, and intents whose `paths` cover
 * a changed file (`prefix` turns repository paths into folder paths). Known intents only, in the
 * order of `intents`.
 */
export function intentsOfCommits(commits: readonly CommitRecord[], intents: readonly Intent[], prefix = ''): string[] {
  const known = new Set(intents.map((i) => i.id));
  const found = new Set<string>();
  const branches = new BranchMatcher(intents);
  const paths = new IntentPathMatcher(intents);
  for (const commit of commits) {
    for (const id of commit.trailerIds) if (known.has(id)) found.add(id);
    const merged = mergedBranchOf(commit.subject);
    if (merged) for (const m of branches.match(merged)) found.add(m.id);
    for (const file of commit.files) {
      if (prefix && !file.startsWith(prefix)) continue;
      for (const id of paths.match(file.slice(prefix.length))) found.add(id);
    }
  }
  return intents.map((i) => i.id).filter((id) => found.has(id));
}
