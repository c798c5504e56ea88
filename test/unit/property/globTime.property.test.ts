import * as assert from 'assert';
import fc from 'fast-check';
import { performance } from 'perf_hooks';
import { BranchMatcher } from '../../../src/core/linking/branchMatcher';
import { IntentPathMatcher } from '../../../src/core/linking/pathMatcher';
import { ReleasePatterns } from '../../../src/core/release/releaseBranchName';
import { intent } from '../linking/intents';
import { checkProperty } from './propertyRun';

// Generous: the inputs below took seconds to minutes before (issue 18, item 27); now well under 1 ms.
const BUDGET_MS = 200;

/**
 * Globs built to make a backtracking matcher try every split: many `**`, many `*`, near misses.
 * Each starts with a wildcard and ends with a class, so no literal prefix or suffix comparison
 * can answer first: the automaton decides.
 */
const hostileArb = fc.oneof(
  // `**/a/**/a/…/x/[y]` against `a/a/…/a/y`: C(n+k, k) ways to place the `**`.
  fc.record({ k: fc.integer({ min: 8, max: 16 }), n: fc.integer({ min: 20, max: 40 }) }).map(({ k, n }) => ({
    glob: `${Array.from({ length: k }, () => '**/a').join('/')}/x/[y]`,
    path: `${Array.from({ length: n }, () => 'a').join('/')}/y`,
  })),
  // `*a*a*…*a[b]` against `aaa…a`: a regular expression backtracks polynomially.
  fc.record({ k: fc.integer({ min: 10, max: 20 }), n: fc.integer({ min: 30, max: 80 }) }).map(({ k, n }) => ({
    glob: `${'*a'.repeat(k)}[b]`,
    path: 'a'.repeat(n),
  })),
  // Mixed: classes, `?` and stars in segments between `**`, and a long name.
  fc
    .record({ k: fc.integer({ min: 4, max: 10 }), n: fc.integer({ min: 10, max: 30 }), seg: fc.constantFrom('*[!b]*a*', '?*a*?', '*a*a*a*', '[a-c]*a*') })
    .map(({ k, n, seg }) => ({
      glob: `${Array.from({ length: k }, () => `**/${seg}`).join('/')}/[z]`,
      path: `${Array.from({ length: n }, () => 'a'.repeat(25)).join('/')}/y`,
    })),
);

describe('property: a hostile glob is decided quickly (linear in glob × path)', () => {
  it(`decides generated hostile path and branch globs within ${BUDGET_MS} ms each (60 runs)`, async function () {
    this.timeout(60_000);
    await checkProperty(
      'hostile glob within budget',
      fc.property(hostileArb, ({ glob, path }) => {
        const paths = new IntentPathMatcher([intent('x', [glob])]);
        const branches = new BranchMatcher([intent('not-in-any-name', [], [glob])]);
        const started = performance.now();
        const covered = paths.match(path).length > 0;
        const pathMs = performance.now() - started;
        const branchStarted = performance.now();
        const matched = branches.match(path).length > 0;
        const branchMs = performance.now() - branchStarted;
        const releaseStarted = performance.now();
        const release = new ReleasePatterns([glob]).matches(path);
        const releaseMs = performance.now() - releaseStarted;
        assert.strictEqual(release, false, `${glob} on ${path} (release pattern)`);
        assert.ok(releaseMs < BUDGET_MS, `release pattern ${glob} on ${path.length} characters took ${releaseMs.toFixed(0)} ms`);
        // Every generated pair is a near miss.
        assert.strictEqual(covered, false, `${glob} on ${path}`);
        assert.strictEqual(matched, false, `${glob} on ${path} (branch)`);
        assert.ok(pathMs < BUDGET_MS, `path glob ${glob} on ${path.length} characters took ${pathMs.toFixed(0)} ms`);
        assert.ok(branchMs < BUDGET_MS, `branch glob ${glob} on ${path.length} characters took ${branchMs.toFixed(0)} ms`);
      }),
      60,
      20261204,
    );
  });
});
