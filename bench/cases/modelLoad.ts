import { promises as fs } from 'fs';
import * as path from 'path';
import { readValueFile, readValueFolder } from '../../src/core/model/readValueFolder';
import { localIsoDate } from '../../src/core/today';
import { infoRow, ratioOf, verdictOf } from '../measure/caseResult';
import type { CaseResult } from '../measure/caseResult';
import { measurePair, timeMs } from '../measure/sampling';
import { intentId } from '../fixtures/valueFiles';
import { count } from './benchContext';
import type { BenchContext } from './benchContext';

const ITERATIONS = 10;
const UPDATE_ITERATIONS = 50;
// The reader's own batch size, so the baseline reads with the same parallelism.
const READ_CONCURRENCY = 32;

/** The baseline: list the same folders and read the same files, nothing else. */
async function readSameBytes(root: string): Promise<number> {
  const dirs = ['intents', 'releases'].map((d) => path.join(root, '.value', d));
  const files = (await Promise.all(dirs.map(async (d) => (await fs.readdir(d)).map((n) => path.join(d, n))))).flat();
  let bytes = 0;
  for (let i = 0; i < files.length; i += READ_CONCURRENCY) {
    const chunk = await Promise.all(files.slice(i, i + READ_CONCURRENCY).map((f) => fs.readFile(f)));
    for (const b of chunk) bytes += b.length;
  }
  return bytes;
}

export async function modelLoadCase(context: BenchContext): Promise<CaseResult[]> {
  const { fixtures, scale } = context;
  const root = fixtures.valueFolder;
  const today = localIsoDate();

  const { model } = await readValueFolder(root);
  if (model.intents.size !== scale.intents || model.releases.length !== scale.releases) {
    throw new Error(`model has ${model.intents.size} intents and ${model.releases.length} releases, expected ${scale.intents} and ${scale.releases}`);
  }
  const errors = model.problems(today).filter((p) => p.severity === 'error');
  if (errors.length > 0) throw new Error(`fixture has ${errors.length} errors, first: ${errors[0]?.file}: ${errors[0]?.message}`);
  const bytes = await readSameBytes(root);

  const { ours, baseline } = await measurePair({
    warmup: 2,
    iterations: ITERATIONS,
    // What the store does on load: read and parse every file, derive intents and releases, run the checks.
    ours: () =>
      timeMs(async () => {
        const loaded = (await readValueFolder(root)).model;
        void loaded.intents;
        void loaded.releases;
        loaded.problems(today);
      }),
    baseline: () => timeMs(() => readSameBytes(root)),
  });
  const ratio = ratioOf(ours, baseline);

  // The store's path when one file is saved: re-read that file only, then derive and check again.
  // One in the middle of the fixture, whatever its scale (--quick has a tenth of the intents).
  const changed = `.value/intents/${intentId(Math.floor(scale.intents / 2))}.yaml`;
  const update = await measurePair({
    warmup: 5,
    iterations: UPDATE_ITERATIONS,
    ours: () =>
      timeMs(async () => {
        await readValueFile(root, changed, model);
        void model.intents;
        void model.releases;
        model.problems(today);
      }),
    baseline: () => timeMs(() => fs.readFile(path.join(root, changed))),
  });
  return [
    {
      name: 'model load',
      fixture: `${count(scale.intents)} intent files + ${count(scale.releases)} releases (${Math.round(bytes / 1024)} KB)`,
      unit: 'ms',
      iterations: ITERATIONS,
      ours,
      baseline: { ...baseline, what: 'the same files read with fs (32 at a time)' },
      ratio,
      target: '≤ 5×',
      verdict: verdictOf(ratio <= 5),
      note: 'ours = readValueFolder() + intents + releases + problems(today): parse, schema checks, cross-file checks',
    },
    infoRow({
      name: '↳ one file changed',
      fixture: `same model, ${changed.slice(changed.lastIndexOf('/') + 1)} re-read`,
      pair: update,
      iterations: UPDATE_ITERATIONS,
      baselineWhat: 'that one file read with fs',
      note: 'ours = readValueFile() + intents + releases + problems(today) on the loaded model: only that file is parsed again, the cross-file checks run over all',
    }),
  ];
}
