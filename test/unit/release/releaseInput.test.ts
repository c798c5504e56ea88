import * as assert from 'assert';
import { ReleasePatterns, checkReleaseBranchInput, isSafeReleaseFileName, statementNameFor } from '../../../src/core/release/releaseBranchName';
import { addDays, checkReviewDateInput, checkSummaryInput, reviewAfterDays } from '../../../src/core/release/releaseInput';

describe('release flow input checks', () => {
  const patterns = new ReleasePatterns(['release/*', 'hotfix/*']);

  it('validates branch names like git check-ref-format --branch, against existing branches and the patterns', () => {
    const existing = new Set(['main', 'release/2.4.0']);
    assert.strictEqual(checkReleaseBranchInput('release/2.5.0', existing, patterns), undefined);
    assert.strictEqual(checkReleaseBranchInput('hotfix/2.4.1', existing, patterns), undefined);
    for (const bad of ['release/2.5..0', 'release/2.5.0.lock', 'release/a b', 'release/x~1', 'release/x:y', 'release/.x', 'release/x/', '-release/x', 'release/x@{1}', 'release//x', 'release/x?', 'release/x\\y']) {
      assert.match(checkReleaseBranchInput(bad, existing, patterns) ?? '', /Not a valid git branch name|does not match/, bad);
    }
    assert.match(checkReleaseBranchInput('release/2.4.0', existing, patterns) ?? '', /already exists.*State Expected Value/);
    assert.match(checkReleaseBranchInput('feature/2.5.0', existing, patterns) ?? '', /does not match the release branch patterns \(release\/\*, hotfix\/\*\)/);
    assert.match(checkReleaseBranchInput('', existing, patterns) ?? '', /Enter a branch name/);
    assert.match(checkReleaseBranchInput(' release/2.5.0', existing, patterns) ?? '', /spaces/);
  });

  it('derives a safe statement file name from the branch, never a path', () => {
    assert.strictEqual(statementNameFor('release/2.5.0', patterns), '2.5.0');
    assert.strictEqual(statementNameFor('hotfix/2.4.1+fix', patterns), '2.4.1-fix');
    assert.strictEqual(statementNameFor('release/v3', new ReleasePatterns(['release/**'])), 'v3');
    assert.strictEqual(statementNameFor('rel-2.0-final', new ReleasePatterns(['rel-*-final'])), '2.0');
    for (const name of ['..', '.hidden', 'a/b', 'a\\b', 'con', 'x..y', '', 'a'.repeat(101), 'ends.']) assert.strictEqual(isSafeReleaseFileName(name), false, name);
    assert.throws(() => statementNameFor('release/...', new ReleasePatterns(['release/*'])), /No safe statement file name/);
  });

  it('refuses an empty or placeholder summary', () => {
    assert.strictEqual(checkSummaryInput('Checkout p95 under 800 ms should lift conversion to 2.3%.'), undefined);
    for (const text of ['', '   ', 'TBD', 'todo.', '...', 'xxxxx', 'Lorem ipsum dolor sit amet', 'n/a', '-']) assert.ok(checkSummaryInput(text), text);
    assert.match(checkSummaryInput('faster') ?? '', /a few words/);
  });

  it('checks review dates: real, written YYYY-MM-DD, in the future', () => {
    assert.strictEqual(addDays('2026-11-26', 30), '2026-12-26');
    assert.strictEqual(addDays('2027-02-27', 2), '2027-03-01');
    assert.strictEqual(checkReviewDateInput('2026-12-26', '2026-11-26'), undefined);
    assert.match(checkReviewDateInput('2026-11-26', '2026-11-26') ?? '', /future/);
    assert.match(checkReviewDateInput('2026-02-30', '2026-01-01') ?? '', /YYYY-MM-DD/);
    assert.match(checkReviewDateInput('26.12.2026', '2026-01-01') ?? '', /YYYY-MM-DD/);
    assert.deepStrictEqual([reviewAfterDays(14), reviewAfterDays(0), reviewAfterDays('x'), reviewAfterDays(99999)], [14, 1, 30, 3650]);
  });
});
