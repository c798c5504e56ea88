import { commitLogFormat, FILE_LIST_FORMAT, trailerKeyGrep } from '../../src/core/git/commitLog';
import { infoRow, ratioOf, verdictOf } from '../measure/caseResult';
import type { CaseResult } from '../measure/caseResult';
import { measurePair, timeMs } from '../measure/sampling';
import type { Summary } from '../measure/sampling';
import { git, timeGitToDevNull } from '../fixtures/gitCommand';
import { count } from './benchContext';
import type { BenchContext } from './benchContext';
import { newEngine } from './engineFactory';
import { SimpleGitPort } from '../../src/core/git/simpleGitPort';

// Twice the usual count: a sample is under 0.1 s, and the ratio against the log sits near the target.
const ITERATIONS = 20;
// The headline twice again: on a noisy machine its median then moves less from run to run.
const HEADLINE_ITERATIONS = 40;
const SAME_LOG = 'same bare `git log`';

export async function branchScanCase(context: BenchContext): Promise<CaseResult[]> {
  const { fixtures, intents, scale } = context;
  const repo = fixtures.branchRepo;
  const base = (await git(repo, ['rev-parse', 'main'])).trim();
  const range = `${base}..HEAD`;
  // The baseline of every row: git's own log of the range, its output to /dev/null.
  const bareLog = (): Promise<number> => timeGitToDevNull(repo, ['log', range]);
  const againstLog = (ours: () => Promise<number>, iterations = ITERATIONS): ReturnType<typeof measurePair> => measurePair({ warmup: 1, iterations, ours, baseline: bareLog });

  const check = await newEngine(repo, intents).refresh();
  if (check.commits.length !== scale.commitsAhead) throw new Error(`scan found ${check.commits.length} commits ahead, expected ${scale.commitsAhead}`);
  const linked = check.coverage.commits.linked;

  const half = await newEngine(repo, intents).scanCommits();
  if (half.coverage.commits.linked !== linked) throw new Error(`the first half of the scan found ${half.coverage.commits.linked} linked commits, the whole scan ${linked}`);

  // The trailer scan of a new engine, as after opening the folder: the log starts against the base
  // the ref files name, beside the two git processes that find the repository, HEAD and the base.
  const firstScan = await againstLog(() => timeMs(() => newEngine(repo, intents).scanCommits()));
  // The one `git log` of the first half, read and parsed by the port: the share of git itself.
  const logAlone = await againstLog(() => {
    const port = new SimpleGitPort(repo);
    return timeMs(() => port.branchLog(base, 'Intent'));
  });
  // The whole scan of a new engine: the above, then file coverage.
  const whole = await againstLog(() => timeMs(() => newEngine(repo, intents).refresh()));
  // The two git logs the engine runs side by side, to /dev/null: what git itself needs for
  // trailers and for the file lists of the commits that can carry one.
  const gitPart = await againstLog(() =>
    timeMs(() =>
      Promise.all([
        timeGitToDevNull(repo, ['log', '-z', commitLogFormat('Intent'), range, '--']),
        timeGitToDevNull(repo, ['log', '-z', FILE_LIST_FORMAT, ...trailerKeyGrep('Intent'), '--name-only', '--no-renames', range, '--']),
      ]),
    ),
  );
  // The headline: a commit (or checkout) after the first scan, what the status bar waits for each
  // time HEAD moves. The same engine; the base where it was. The branch alternates between its tip
  // and the commit before (moved untimed, as a commit would).
  const branchRef = (await git(repo, ['symbolic-ref', 'HEAD'])).trim();
  const tip = (await git(repo, ['rev-parse', 'HEAD'])).trim();
  const parent = (await git(repo, ['rev-parse', 'HEAD~1'])).trim();
  const moving = newEngine(repo, intents);
  await moving.scanCommits();
  let flip = 0;
  const moveHead = (): Promise<string> => git(repo, ['update-ref', branchRef, flip++ % 2 === 0 ? parent : tip]);
  let headMoved: { ours: Summary; baseline: Summary };
  try {
    headMoved = await againstLog(async () => {
      await moveHead();
      return timeMs(() => moving.scanCommits());
    }, HEADLINE_ITERATIONS);
  } finally {
    await git(repo, ['update-ref', branchRef, tip]);
  }
  // A rescan by the same engine (what every HEAD move or refresh costs after the first scan).
  const rescan = await againstLog(async () => {
    const engine = newEngine(repo, intents);
    await engine.refresh();
    return timeMs(() => engine.refresh());
  });
  const { ours, baseline } = headMoved;
  const ratio = ratioOf(ours, baseline);
  const fixture = `${count(scale.commitsAhead)} commits ahead of main, ${Math.round(scale.trailerShare * 100)}% with Intent: trailers (${count(linked)} linked)`;
  return [
    {
      name: 'branch scan (trailers)',
      fixture,
      unit: 'ms',
      iterations: HEADLINE_ITERATIONS,
      ours,
      baseline: { ...baseline, what: '`git log main..HEAD` > /dev/null' },
      ratio,
      target: '≤ 1.3×',
      verdict: verdictOf(ratio <= 1.3),
      note: 'ours = scanCommits() of an engine that scanned before, after its branch moved by one commit (untimed `git update-ref`, alternating between the tip and its parent): the first half of every scan, published to the status bar and views before the second. The refs on disk say HEAD moved, so the `git log --boundary` with the trailers against the last base starts beside the lookup of HEAD and the base (kept, as the base did not move); its commits are parsed and linked as git writes them, then the branch intents',
    },
    infoRow({ name: '↳ first scan of a new engine', pair: firstScan, iterations: ITERATIONS, baselineWhat: SAME_LOG, note: 'new LinkingEngine + scanCommits(), as after opening the folder: the log starts against the base the ref files in .git name, beside the lookup of the repository, HEAD and the base (`rev-parse`, `for-each-ref`) and the two walks that judge which commits count (merges, commits that change only .value/): five git processes on two cores' }),
    infoRow({ name: '↳ its `git log`, read and parsed', pair: logAlone, iterations: ITERATIONS, baselineWhat: SAME_LOG, note: 'branchLog() of the git port alone: `git log -z --boundary --format=<fields + trailers>` through simple-git, decoded and parsed into 10,000 commits; the rest of the first half is finding HEAD and the base (two git processes at once) and linking' }),
    infoRow({ name: '↳ whole scan, with file coverage', pair: whole, iterations: ITERATIONS, baselineWhat: SAME_LOG, note: 'new LinkingEngine + refresh(): the first half, then the files of the commits with an `Intent` line (`--grep`), changed files, git status and file coverage' }),
    infoRow({ name: '↳ git part of the whole scan', pair: gitPart, iterations: ITERATIONS, baselineWhat: SAME_LOG, note: 'the two `git log`s the scan runs at once, to /dev/null: `-z --format=<fields + trailers>`, and `--name-only` for the commits `--grep=^Intent` keeps; the share of the time that is git\'s own' }),
    infoRow({ name: '↳ rescan by the same engine', pair: rescan, iterations: ITERATIONS, baselineWhat: SAME_LOG, note: 'refresh() again after a first scan, nothing moved (as after a save): the log, merge-base and committed changes are kept while HEAD and the base stay, so git runs twice: one `for-each-ref` that finds HEAD and the base (the port knows where the repository is by then), and `git status`' }),
  ];
}
