import type { Intent } from '../../src/core/model/types';
import type { Fixtures } from '../fixtures/fixtureCache';
import type { Scale } from '../fixtures/scale';
import type { CaseResult } from '../measure/caseResult';

/** What every case gets: the fixtures on disk and the same data in memory. */
export interface BenchContext {
  readonly scale: Scale;
  readonly fixtures: Fixtures;
  readonly intents: readonly Intent[];
  /** The lookup paths, which are also the files of the big repository. */
  readonly paths: readonly string[];
  /** The checkout this bench runs from (dist/extension.js, harness/). */
  readonly repoRoot: string;
  readonly log: (line: string) => void;
}

/** A case returns one or more rows (a headline row and, where useful, rows that explain it). */
export type BenchCase = (context: BenchContext) => Promise<CaseResult[]>;

export function count(n: number): string {
  return n.toLocaleString('en-US');
}
