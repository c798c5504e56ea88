import { verdictOf } from '../measure/caseResult';
import type { CaseResult } from '../measure/caseResult';
import { measureOne } from '../measure/sampling';
import { count } from './benchContext';
import type { BenchContext } from './benchContext';
import { newEngine } from './engineFactory';

const ITERATIONS = 10;
const FILES = 50;

/**
 * What the Current view and status bar wait for when the active editor changes: the file's
 * intents from the path globs plus its commit intents, with git answers already cached for this
 * HEAD (the extension asks git once per file and HEAD). One sample = switching through 50 files.
 */
export async function editorSwitchCase(context: BenchContext): Promise<CaseResult[]> {
  const engine = newEngine(context.fixtures.bigRepo, context.intents);
  await engine.refresh();
  const step = Math.max(1, Math.floor(context.paths.length / FILES));
  const files = context.paths.filter((_, i) => i % step === 0).slice(0, FILES);
  for (const file of files) await engine.fileIntents(file); // the first visit asks git; later ones are cached
  const perSwitch = await measureOne(1, ITERATIONS, async () => {
    const start = performance.now();
    for (const file of files) {
      engine.pathIntents(file);
      await engine.fileIntents(file);
    }
    return (performance.now() - start) / files.length;
  });
  return [{
    name: 'editor switch → model ready',
    fixture: `${count(context.intents.length)} intents, ${count(files.length)} files of the big repository, git cached per HEAD`,
    unit: 'ms',
    iterations: ITERATIONS,
    ours: perSwitch,
    target: '≤ 5 ms',
    verdict: verdictOf(perSwitch.median <= 5),
    note: 'per switch: path-glob intents + commit intents of the file, as the Current view and status bar read them (excluding drawing)',
  }];
}
