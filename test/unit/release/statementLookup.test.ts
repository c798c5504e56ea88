import * as assert from 'assert';
import { intentsOfCommits, mergedBranchOf } from '../../../src/core/release/releaseIntents';
import { declaredBranch, hasStatementFor, statementFilesOf } from '../../../src/core/release/statementLookup';
import type { Intent } from '../../../src/core/model/types';
import type { CommitRecord } from '../../../src/core/git/commitLog';

const intent = (id: string, extra: Partial<Intent> = {}): Intent => ({ id, title: id, why: 'w', owner: 'o', status: 'active', paths: [], branches: [], links: [], ...extra });
const commit = (subject: string, trailerIds: string[] = [], files: string[] = []): CommitRecord => ({ sha: 'a'.repeat(40), subject, author: 'a', date: '2026-01-01T00:00:00Z', trailerIds, files });

describe('"has a statement" detection and preselected intents', () => {
  it('finds a statement by its branch field or by its name, in the working tree or on a branch', () => {
    const statement = (branch: string) => ({ release: 'x', branch, base: 'main', created: '2026-01-01', expected: { summary: 's', intents: [], measures: [] } });
    const worktree = statementFilesOf([{ name: '2.4.0', statement: statement('release/2.4.0') }, { name: 'big-launch', statement: statement('release/9.9.9') }], ['.value/releases/3.0.0.yaml']);
    assert.strictEqual(hasStatementFor(worktree, 'release/2.4.0', '2.4.0'), true);
    assert.strictEqual(hasStatementFor(worktree, 'release/9.9.9', '9.9.9'), true, 'found by its branch: field');
    assert.strictEqual(hasStatementFor(worktree, 'release/3.0.0', '3.0.0'), true, 'a broken file still counts');
    assert.strictEqual(hasStatementFor(worktree, 'release/2.5.0', '2.5.0'), false);
    // A file named 2.4.0 that states another branch is not this branch's statement.
    assert.strictEqual(hasStatementFor([{ name: '2.4.0', branch: 'hotfix/2.4.0' }], 'release/2.4.0', '2.4.0'), false);
  });

  it('reads the branch field from statement text', () => {
    assert.strictEqual(declaredBranch('release: 1\nbranch: release/1.0.0 # cut in May\n'), 'release/1.0.0');
    assert.strictEqual(declaredBranch("branch: 'hotfix/x'\n"), 'hotfix/x');
    assert.strictEqual(declaredBranch('expected:\n  branch: nested\n'), undefined);
  });

  it('preselects intents from trailers, merged branch names and changed paths', () => {
    const intents = [intent('checkout-speed', { paths: ['src/checkout/**'] }), intent('guided-onboarding', { branches: ['feature/onboard-*'] }), intent('search')];
    assert.strictEqual(mergedBranchOf("Merge branch 'feature/onboard-tour' into main"), 'feature/onboard-tour');
    assert.strictEqual(mergedBranchOf('Merge pull request #12 from acme/feature/search-boost'), 'feature/search-boost');
    assert.strictEqual(mergedBranchOf('Fix typo'), undefined);
    assert.deepStrictEqual(intentsOfCommits([commit("Merge branch 'feature/onboard-tour'")], intents), ['guided-onboarding']);
    assert.deepStrictEqual(intentsOfCommits([commit('x', ['search', 'unknown'])], intents), ['search']);
    assert.deepStrictEqual(intentsOfCommits([commit('x', [], ['app/src/checkout/cart.ts', 'other/src/checkout/a.ts'])], intents, 'app/'), ['checkout-speed']);
    assert.deepStrictEqual(intentsOfCommits([], intents), []);
  });
});
