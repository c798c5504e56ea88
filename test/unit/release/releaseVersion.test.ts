import * as assert from 'assert';
import { latestVersion, parseVersion, suggestReleaseNames } from '../../../src/core/release/releaseVersion';

describe('release version suggestions', () => {
  it('reads versions from tags and statement names, ignoring pre-releases and other text', () => {
    assert.deepStrictEqual(parseVersion('v2.4.0'), { major: 2, minor: 4, patch: 0 });
    assert.deepStrictEqual(parseVersion('2.10'), { major: 2, minor: 10, patch: 0 });
    for (const text of ['2.5.0-rc.1', 'release-2', 'v01.2.3', 'latest', '', '1.2.3.4']) assert.strictEqual(parseVersion(text), undefined, text);
  });

  it('takes the highest version of tags and statements, a tag winning a tie', () => {
    assert.deepStrictEqual(latestVersion(['v2.3.0', 'v2.4.0', 'v2.10.0-rc1', 'nightly'], ['2.4.0']), { version: { major: 2, minor: 4, patch: 0 }, from: 'v2.4.0', source: 'tag' });
    assert.deepStrictEqual(latestVersion(['v2.3.0'], ['2.9.1', 'q3-push'])?.from, '2.9.1');
    assert.deepStrictEqual(latestVersion(['v2.9.0', 'v2.10.0'], [])?.from, 'v2.10.0');
    assert.strictEqual(latestVersion([], ['launch']), undefined);
  });

  it('suggests next minor, patch and major in the first release pattern, leaving out taken names', () => {
    const latest = latestVersion(['v2.4.0'], []);
    assert.deepStrictEqual(suggestReleaseNames(latest, ['release/*', 'hotfix/*']).map((s) => [s.branch, s.bump]), [
      ['release/2.5.0', 'minor'], ['release/2.4.1', 'patch'], ['release/3.0.0', 'major'],
    ]);
    assert.deepStrictEqual(suggestReleaseNames(latest, ['releases/v*'], (b) => b === 'releases/v2.5.0').map((s) => s.branch), ['releases/v2.4.1', 'releases/v3.0.0']);
    // A pattern without a single `*` cannot take a version: the default shape is used.
    assert.deepStrictEqual(suggestReleaseNames(undefined, ['stable']).map((s) => s.branch), ['release/0.1.0', 'release/1.0.0']);
  });
});
