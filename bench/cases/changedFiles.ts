import { ratioOf, verdictOf } from '../measure/caseResult';
import type { CaseResult } from '../measure/caseResult';
import { measurePair, timeMs } from '../measure/sampling';
import { git, timeGitToDevNull } from '../fixtures/gitCommand';
import { count } from './benchContext';
import type { BenchContext } from './benchContext';
import { newEngine } from './engineFactory';

const ITERATIONS = 10;

export async function changedFilesCase(context: BenchContext): Promise<CaseResult[]> {
  const { fixtures, intents, scale } = context;
  const repo = fixtures.bigRepo;
  const mergeBase = (await git(repo, ['merge-base', 'main', 'HEAD'])).trim();

  const check = await newEngine(repo, intents).refresh();
  if (check.files.length !== scale.changedFiles) throw new Error(`scan found ${check.files.length} changed files, expected ${scale.changedFiles}`);

  const { ours, baseline } = await measurePair({
    warmup: 1,
    iterations: ITERATIONS,
    ours: () => timeMs(() => newEngine(repo, intents).refresh()),
    // Work tree against the merge-base: the same set of changed files (committed and not), and
    // like the scan it has to look at every file of the work tree.
    baseline: () => timeGitToDevNull(repo, ['diff', '--name-only', mergeBase]),
  });
  const treeOnly = await measurePair({
    warmup: 1,
    iterations: ITERATIONS,
    ours: () =>
      timeMs(() =>
        Promise.all([
          timeGitToDevNull(repo, ['--no-optional-locks', 'status', '--porcelain=v1', '-z', '--untracked-files=no', '--no-renames']),
          timeGitToDevNull(repo, ['--no-optional-locks', 'ls-files', '--others', '--exclude-standard', '-z', '--full-name', '--', ':/']),
        ]),
      ),
    baseline: () => timeGitToDevNull(repo, ['diff', '--name-only', mergeBase]),
  });
  const ratio = ratioOf(ours, baseline);
  return [
    {
      name: 'index of changed files',
      fixture: `${count(scale.paths)}-file repository, ${count(scale.changedFiles)} changed on the branch`,
      unit: 'ms',
      iterations: ITERATIONS,
      ours,
      baseline: { ...baseline, what: '`git diff --name-only <merge-base>` > /dev/null' },
      ratio,
      target: '≤ 1.3×',
      verdict: verdictOf(ratio <= 1.3),
      note: 'ours = new LinkingEngine + refresh() on the big repository; the files with their intents are its `files`',
    },
    {
      name: '↳ the uncommitted-files calls the scan runs',
      fixture: 'same',
      unit: 'ms',
      iterations: ITERATIONS,
      ours: treeOnly.ours,
      baseline: { ...treeOnly.baseline, what: 'same `git diff`' },
      ratio: ratioOf(treeOnly.ours, treeOnly.baseline),
      target: 'info',
      verdict: 'INFO',
      note: '`git status --porcelain -z --untracked-files=no` beside `git ls-files --others --exclude-standard`, to /dev/null: untracked files cost a walk of every folder, so that half runs in its own process',
    },
  ];
}
