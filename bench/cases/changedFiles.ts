import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { infoRow, ratioOf, verdictOf } from '../measure/caseResult';
import type { CaseResult } from '../measure/caseResult';
import { measurePair, timeMs } from '../measure/sampling';
import type { Summary } from '../measure/sampling';
import { SimpleGitPort } from '../../src/core/git/simpleGitPort';
import { git, timeGitToDevNull } from '../fixtures/gitCommand';
import { count } from './benchContext';
import type { BenchContext } from './benchContext';
import { newEngine } from './engineFactory';

const ITERATIONS = 10;

/**
 * Runs `work` with git's untracked cache on, without touching the fixture: git uses a copy of
 * its index (written once with the cache in it) and gets the two settings from the environment.
 */
async function withUntrackedCache<T>(repo: string, work: () => Promise<T>): Promise<T> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'value-lens-bench-index-'));
  const settings: Record<string, string> = {
    GIT_INDEX_FILE: path.join(scratch, 'index'),
    GIT_CONFIG_COUNT: '2',
    GIT_CONFIG_KEY_0: 'core.untrackedCache',
    GIT_CONFIG_VALUE_0: 'true',
    GIT_CONFIG_KEY_1: 'status.showUntrackedFiles',
    GIT_CONFIG_VALUE_1: 'all',
  };
  const saved = Object.keys(settings).map((key) => [key, process.env[key]] as const);
  fs.copyFileSync(path.join(repo, '.git', 'index'), settings.GIT_INDEX_FILE!);
  Object.assign(process.env, settings);
  try {
    // A status that may take the index lock writes the cache into the copy.
    await git(repo, ['status', '--porcelain']);
    // The cache must not hide a new file: one created after it was written is still found.
    const probe = path.join(repo, 'packages', 'pkg-00', `untracked-probe-${process.pid}.txt`);
    fs.writeFileSync(probe, 'new\n');
    try {
      const found = await new SimpleGitPort(repo).uncommittedFiles();
      if (!found.some((f) => probe.endsWith(f.path))) throw new Error('with the untracked cache, git status missed a new file');
    } finally {
      fs.rmSync(probe, { force: true });
    }
    return await work();
  } finally {
    for (const [key, value] of saved) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

export async function changedFilesCase(context: BenchContext): Promise<CaseResult[]> {
  const { fixtures, intents, scale } = context;
  const repo = fixtures.bigRepo;
  const mergeBase = (await git(repo, ['merge-base', 'main', 'HEAD'])).trim();

  const check = await newEngine(repo, intents).refresh();
  if (check.files.length !== scale.changedFiles) throw new Error(`scan found ${check.files.length} changed files, expected ${scale.changedFiles}`);

  // The index itself, as the second half of a scan reads it: committed changes against the
  // merge-base beside the uncommitted ones (untracked files included). The port has located the
  // repository first (untimed), as in a scan.
  const index = async (): Promise<number> => {
    const port = new SimpleGitPort(repo);
    await port.locate();
    return timeMs(() => Promise.all([port.changedFiles(mergeBase), port.uncommittedFiles()]));
  };
  // Work tree against the merge-base: the same set of changed files (committed and not, without
  // untracked ones), and like the index it has to look at every file of the work tree.
  const diff = (): Promise<number> => timeGitToDevNull(repo, ['diff', '--name-only', mergeBase]);
  const againstDiff = (ours: () => Promise<number>): ReturnType<typeof measurePair> => measurePair({ warmup: 1, iterations: ITERATIONS, ours, baseline: diff });
  const { ours, baseline } = await againstDiff(index);
  const tracked = await againstDiff(() =>
    timeMs(() =>
      Promise.all([
        timeGitToDevNull(repo, ['diff', '--name-status', '-z', '--no-renames', mergeBase, 'HEAD', '--']),
        timeGitToDevNull(repo, ['--no-optional-locks', 'status', '--porcelain=v1', '-z', '--untracked-files=no', '--no-renames']),
      ]),
    ),
  );
  const untracked = await againstDiff(() => timeGitToDevNull(repo, ['--no-optional-locks', 'ls-files', '--others', '--exclude-standard', '-z', '--full-name', '--', ':/']));
  const whole = await againstDiff(() => timeMs(() => newEngine(repo, intents).refresh()));
  // The remedy git has for big work trees, which a user can switch on: the untracked cache
  // remembers which folders did not change since the last status.
  const cached = await withUntrackedCache(repo, () => againstDiff(index));
  const ratio = ratioOf(ours, baseline);
  const info = (name: string, pair: { ours: Summary; baseline: Summary }, note: string): CaseResult => infoRow({ name, pair, iterations: ITERATIONS, baselineWhat: 'same `git diff`', note });
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
      note: 'ours = changedFiles(merge-base) beside uncommittedFiles() of the git port, parsed: `git diff --name-status` against the merge-base and one `git status --untracked-files=all`',
    },
    info('↳ tracked files alone', tracked, '`git diff --name-status <merge-base> HEAD` beside `git status --untracked-files=no`, to /dev/null: the same answer as the baseline, committed and uncommitted apart'),
    info('↳ untracked files alone', untracked, '`git ls-files --others --exclude-standard`, to /dev/null: finding files git does not track means reading every folder of the work tree, which the baseline never does'),
    info('↳ the index, with git\'s untracked cache', cached, 'as the headline, in a repository whose owner ran `git config core.untrackedCache true` and `git config status.showUntrackedFiles all` (here on a copy of the index, through GIT_INDEX_FILE and GIT_CONFIG_*): git status then reads only the folders that changed since the cache was written'),
    info('↳ whole scan of this repository', whole, 'new LinkingEngine + refresh(): both halves of the scan, with coverage of the changed files'),
  ];
}
