import * as assert from 'assert';
import type { StatusJson } from '../../../src/cli/statusCommand';
import type { TempRepo } from '../git/tempRepo';
import { cli, intentYaml, valueRepo, writeIntents } from './cliRun';

describe('value-lens status with an intent file that has errors (issue 18, item 8)', () => {
  let repo: TempRepo;
  afterEach(() => repo.remove());

  it('keeps the intent linked and says it has errors (file:line), not that it is unknown', async () => {
    repo = valueRepo().repo;
    repo.git('checkout', '-q', '-b', 'feature/checkout-speed-retry');
    repo.commit('Speed up pay\n\nIntent: checkout-speed\n', ['src/checkout/pay.ts']);
    writeIntents(repo, '', { 'checkout-speed': intentYaml('checkout-speed', ['src/checkout/**'], ['feature/checkout-*']).replace('status: active', 'status: finished') });
    const r = await cli(repo.dir, 'status');
    assert.strictEqual(r.code, 0, r.err.join('\n'));
    const text = r.out.join('\n');
    assert.match(text, /^ {2}checkout-speed .*: checkout-speed has errors \(\.value\/intents\/checkout-speed\.yaml:5\)$/m);
    assert.doesNotMatch(text, /Unknown intent/);
    assert.match(text, /Commits: 1 of 1 linked/);
    const json = JSON.parse((await cli(repo.dir, 'status', '--json')).out.join('\n')) as StatusJson;
    assert.deepStrictEqual(json.unknownIntents, []);
    assert.deepStrictEqual(json.intents, ['checkout-speed']);
  });

  it('names the file with errors for a trailer id whose file declares another id', async () => {
    repo = valueRepo().repo;
    repo.git('checkout', '-q', '-b', 'topic');
    repo.commit('Speed up pay\n\nIntent: checkout-speed\n', ['src/util/misc.ts']);
    writeIntents(repo, '', { 'checkout-speed': intentYaml('checkout-sped') });
    const text = (await cli(repo.dir, 'status')).out.join('\n');
    assert.match(text, /Trailer ids whose intent file has errors:\n {2}checkout-speed has errors \(\.value\/intents\/checkout-speed\.yaml:1\) \([0-9a-f]{7}\)/);
    assert.doesNotMatch(text, /Unknown intent/);
  });
});

describe('value-lens status with an Intent: line git does not read (issue 18, item 12)', () => {
  let repo: TempRepo;
  afterEach(() => repo.remove());

  it('says so under the unlinked commit', async () => {
    repo = valueRepo().repo;
    repo.git('checkout', '-q', '-b', 'topic');
    const sha = repo.commit('Speed up pay\n\nFixes #12\nIntent: checkout-speed\n', ['src/util/misc.ts']);
    const text = (await cli(repo.dir, 'status')).out.join('\n');
    assert.ok(text.includes(`Unlinked commits:\n  ${sha.slice(0, 7)} Speed up pay\n    "Intent: checkout-speed" looks like a trailer, but git does not read it as one: put it in the last paragraph, alone or with other trailers.`), text);
  });
});
