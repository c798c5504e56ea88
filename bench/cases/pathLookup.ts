import picomatch from 'picomatch';
import { parsePathPattern } from '../../src/core/linking/gitignorePattern';
import { IntentPathMatcher } from '../../src/core/linking/pathMatcher';
import type { Intent } from '../../src/core/model/types';
import { ratioOf, verdictOf } from '../measure/caseResult';
import type { CaseResult } from '../measure/caseResult';
import { measurePair, timeMs } from '../measure/sampling';
import { formatNumber } from '../measure/table';
import { count } from './benchContext';
import type { BenchContext } from './benchContext';

const ITERATIONS = 10;
const OURS_PER_ITERATION = 10_000;
// The naive loop takes milliseconds per path at full scale: a sample keeps the case short.
const NAIVE_PER_ITERATION = 40;

/**
 * What one would write without an index: every glob of every intent tested against the path,
 * the last match per intent deciding (the same .gitignore reading as ours). Matchers are
 * compiled once, up front, so the baseline is not slowed by compilation.
 */
function naiveMatcher(intents: readonly Intent[]): (path: string) => string[] {
  const options = { dot: true, windows: false };
  const compiled = intents.map((intent) => ({
    id: intent.id,
    patterns: intent.paths.flatMap((raw) => {
      const p = parsePathPattern(raw);
      if (!p) return [];
      const inside = `${p.glob}/**/*`;
      return [{ negated: p.negated, test: picomatch(p.dirOnly ? [inside] : [p.glob, inside], options) }];
    }),
  }));
  return (path) => {
    const ids: string[] = [];
    for (const intent of compiled) {
      let covered = false;
      for (const pattern of intent.patterns) if (pattern.test(path)) covered = !pattern.negated;
      if (covered) ids.push(intent.id);
    }
    return ids;
  };
}

/** Consecutive slices that walk the whole path list. */
function slice(paths: readonly string[], size: number, iteration: number): readonly string[] {
  const starts = Math.max(1, Math.floor(paths.length / size));
  const start = (((iteration % starts) + starts) % starts) * size;
  return paths.slice(start, start + size);
}

/** `size` paths spread over the whole list, a different set each iteration. */
function spread(paths: readonly string[], size: number, iteration: number): readonly string[] {
  const stride = Math.max(1, Math.floor(paths.length / size));
  const offset = (((iteration * 7_919) % stride) + stride) % stride;
  return Array.from({ length: Math.min(size, paths.length) }, (_, j) => paths[(j * stride + offset) % paths.length]!);
}

export async function pathLookupCase(context: BenchContext): Promise<CaseResult[]> {
  const { intents, paths, scale } = context;
  let matcher: IntentPathMatcher | undefined;
  // A one-entry cache: every timed lookup computes its answer, as the first lookup of a path does.
  const buildMs = await timeMs(() => (matcher = new IntentPathMatcher(intents, 1)));
  if (!matcher) throw new Error('matcher not built');
  const ours = matcher;
  const naive = naiveMatcher(intents);

  // First use compiles the regular expressions each path needs: pay that once, before timing.
  const firstPassMs = await timeMs(() => {
    for (const path of paths) ours.match(path);
  });

  // The baseline's answers are kept (outside the timer) to check ours against them afterwards.
  const naiveAnswers = new Map<string, string>();
  let sink = 0;
  const { ours: o, baseline: b } = await measurePair({
    warmup: 1,
    iterations: ITERATIONS,
    ours: async (iteration) => {
      const batch = slice(paths, OURS_PER_ITERATION, iteration);
      const ms = await timeMs(() => {
        for (const path of batch) sink += ours.match(path).length;
      });
      return (ms * 1000) / batch.length;
    },
    baseline: async (iteration) => {
      const batch = spread(paths, NAIVE_PER_ITERATION, iteration);
      const answers: string[][] = [];
      const ms = await timeMs(() => {
        for (const path of batch) answers.push(naive(path));
      });
      batch.forEach((path, i) => naiveAnswers.set(path, (answers[i] ?? []).join(',')));
      return (ms * 1000) / batch.length;
    },
  });
  if (sink < 0) throw new Error('unreachable: keeps the lookups from being optimised away');
  // Both must give the same answers, or the comparison means nothing.
  let covered = 0;
  for (const [path, expected] of naiveAnswers) {
    const actual = ours.match(path).join(',');
    if (actual !== expected) throw new Error(`matcher disagrees with picomatch on ${path}: ours [${actual}], picomatch [${expected}]`);
    if (actual) covered++;
  }
  const ratio = ratioOf(o, b);
  const hostile = await hostileGlobRow();
  const fixture = `${count(intents.length)} intents × ${scale.globsPerIntent} globs, ${count(paths.length)} paths (${Math.round((covered * 100) / naiveAnswers.size)}% of sampled paths covered)`;
  return [
    {
      name: 'file → intents lookup',
      fixture,
      unit: 'µs',
      iterations: ITERATIONS,
      ours: o,
      baseline: { ...b, what: `naive picomatch loop over every glob (${NAIVE_PER_ITERATION} paths/iteration)` },
      ratio,
      target: '≤ 50 µs and ≥ 10× faster',
      verdict: verdictOf(o.median <= 50, ratio <= 0.1),
      note: `${count(Math.min(OURS_PER_ITERATION, paths.length))} uncached lookups per iteration (baseline ${NAIVE_PER_ITERATION}), answers checked equal on ${count(naiveAnswers.size)} paths; matcher build ${formatNumber(buildMs)} ms, first pass over all paths incl. glob compiles ${formatNumber(firstPassMs)} ms`,
    },
    hostile,
  ];
}

const HOSTILE_ITERATIONS = 5;
// `*a*a…*a[b]` against `aaa…a`: the glob shape that made picomatch's expression backtrack for
// seconds (issue 18, item 27); the class at the end leaves no literal suffix, so the automaton
// itself decides (no text comparison can). Sizes the baseline can still finish.
const HOSTILE_GLOBS: readonly { readonly glob: string; readonly name: string }[] = [8, 9, 10].map((k) => ({ glob: `${'*a'.repeat(k)}[b]`, name: 'a'.repeat(3 * k) }));

/**
 * One decision on a hostile glob: ours (the wildmatch automaton, through the path matcher)
 * against the expression the old matcher built for the same entry (picomatch, `**\/glob` or
 * `**\/glob/**\/*`), compiled outside the timer. Each round asks for paths in a new folder, so
 * no cache answers.
 */
async function hostileGlobRow(): Promise<CaseResult> {
  const options = { dot: true, windows: false };
  const matchers = HOSTILE_GLOBS.map(({ glob }) => new IntentPathMatcher([{ id: 'x', paths: [glob] }], 1));
  const regexes = HOSTILE_GLOBS.map(({ glob }) => picomatch([`**/${glob}`, `**/${glob}/**/*`], options));
  const pathOf = (name: string, round: number): string => `d${round + 1}/${name}`;
  let sink = 0;
  const { ours: o, baseline: b } = await measurePair({
    warmup: 1,
    iterations: HOSTILE_ITERATIONS,
    ours: async (round) => {
      const ms = await timeMs(() => HOSTILE_GLOBS.forEach(({ name }, i) => (sink += matchers[i]!.match(pathOf(name, round)).length)));
      return (ms * 1000) / HOSTILE_GLOBS.length;
    },
    baseline: async (round) => {
      const ms = await timeMs(() => HOSTILE_GLOBS.forEach(({ name }, i) => (sink += regexes[i]!(pathOf(name, round)) ? 1 : 0)));
      return (ms * 1000) / HOSTILE_GLOBS.length;
    },
  });
  // Every pair is a near miss: neither side may say otherwise.
  if (sink !== 0) throw new Error('a hostile pair matched');
  const ratio = ratioOf(o, b);
  return {
    name: 'hostile glob decision',
    fixture: `${HOSTILE_GLOBS.length} globs *a…*a[b] (8–10 stars) against names of 24–30 a's`,
    unit: 'µs',
    iterations: HOSTILE_ITERATIONS,
    ours: o,
    baseline: { ...b, what: "the old matcher's picomatch expression for the same entry, compiled once" },
    ratio,
    target: '≤ 1 ms and ≥ 100× faster',
    verdict: verdictOf(o.median <= 1000, ratio <= 0.01),
    note: 'time per uncached decision; the automaton reads each character once per live glob position, so the cost grows with glob × path length only',
  };
}
