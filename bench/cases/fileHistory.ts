import { infoRow, ratioOf, verdictOf } from '../measure/caseResult';
import type { CaseResult } from '../measure/caseResult';
import { measurePair, timeMs } from '../measure/sampling';
import type { Summary } from '../measure/sampling';
import { timeGitToDevNull } from '../fixtures/gitCommand';
import { HOT_FILE } from '../fixtures/repos';
import { count } from './benchContext';
import type { BenchContext } from './benchContext';
import { newEngine } from './engineFactory';

const ITERATIONS = 10;
const DEFAULT_RECENT = 50;

/**
 * fileIntents() of a file touched by many commits. Each measurement uses a new engine whose
 * scan already ran and whose path globs are compiled (untimed), because the engine caches a
 * file's intents per HEAD.
 */
async function measureFileIntents(context: BenchContext, recentCommits: number, gitArgs: readonly string[]): Promise<{ ours: Summary; baseline: Summary }> {
  const repo = context.fixtures.historyRepo;
  return measurePair({
    warmup: 1,
    iterations: ITERATIONS,
    ours: async () => {
      const engine = newEngine(repo, context.intents, { recentCommits });
      await engine.refresh();
      // Path globs compile on first use, once per model: done here, untimed, on another path.
      engine.pathIntents('bench/warm-up.ts');
      return timeMs(() => engine.fileIntents(HOT_FILE));
    },
    baseline: () => timeGitToDevNull(repo, gitArgs),
  });
}

export async function fileHistoryCase(context: BenchContext): Promise<CaseResult[]> {
  const { scale } = context;
  const all = scale.hotFileCommits;
  const check = newEngine(context.fixtures.historyRepo, context.intents, { recentCommits: all });
  await check.refresh();
  const found = await check.fileIntents(HOT_FILE);
  if (!found.some((f) => f.reasons.includes('commit'))) throw new Error(`no trailer intents found for ${HOT_FILE}`);

  const full = await measureFileIntents(context, all, ['log', '--', HOT_FILE]);
  const recent = await measureFileIntents(context, DEFAULT_RECENT, ['log', `--max-count=${DEFAULT_RECENT}`, '--', HOT_FILE]);
  const fullRatio = ratioOf(full.ours, full.baseline);
  const fixture = `a file touched by ${count(all)} of ${count(scale.historyCommits)} commits`;
  return [
    {
      name: 'file history intents',
      fixture,
      unit: 'ms',
      iterations: ITERATIONS,
      ours: full.ours,
      baseline: { ...full.baseline, what: '`git log -- file` > /dev/null' },
      ratio: fullRatio,
      target: '≤ 1.3×',
      verdict: verdictOf(fullRatio <= 1.3),
      note: `ours = fileIntents(file) reading the trailers of all ${count(all)} commits (recentCommits: ${count(all)}), so both walk the same history; ours prints only trailer values, the baseline git's default log`,
    },
    infoRow({ name: '↳ with the default 50 recent commits', pair: recent, iterations: ITERATIONS, baselineWhat: `\`git log -n ${DEFAULT_RECENT} -- file\` > /dev/null` }),
  ];
}
