import * as assert from 'assert';
import { cli, valueRepo } from './cliRun';

describe('value-lens check: a config that status could not use', () => {
  it('refuses a baseBranch that is no valid branch name and a trailer key git cannot search for', async () => {
    const { repo } = valueRepo();
    try {
      repo.write('.value/config.yaml', `baseBranch: "-h"\ntrailer: ${'T'.repeat(101)}\n`);
      const r = await cli(repo.dir, 'check');
      assert.strictEqual(r.code, 1);
      assert.deepStrictEqual(r.out, [
        '.value/config.yaml:1:13: error: "baseBranch" is not a valid git branch name ("-h"): no spaces, ~ ^ : ? * [ \\, "..", "@{", "//", a leading "-", or a trailing "/", "." or ".lock". status, why and report cannot use it.',
        '.value/config.yaml:2:10: error: "trailer" is too long: a commit trailer key has at most 100 characters, e.g. Intent.',
      ]);
      repo.write('.value/config.yaml', 'baseBranch: release/2.0\ntrailer: Value-Intent\n');
      assert.strictEqual((await cli(repo.dir, 'check')).code, 0);
      // What check passes, status can use.
      assert.strictEqual((await cli(repo.dir, 'status')).code, 0);
    } finally {
      repo.remove();
    }
  });
});
