import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { BranchOps } from '../../../src/core/git/branchOps';
import { InvalidGitInputError } from '../../../src/core/git/gitErrors';
import { SimpleGitPort } from '../../../src/core/git/simpleGitPort';
import { valueRepo } from '../cli/cliRun';
import type { TempRepo } from '../git/tempRepo';
import { Traps } from './traps';

/**
 * Strings that git would read as options if they reached it as arguments: each runs the
 * trap when git takes it as an option, so "refused" and "taken as data" are both visible.
 */
function optionLike(traps: Traps): string[] {
  const m = (name: string): string => traps.program(name);
  return [
    `--upload-pack=${m('upload-pack')}`,
    `--receive-pack=${m('receive-pack')}`,
    `--exec=${m('exec')}`,
    `-c core.pager=${m('c-pager')}`,
    `--output=${path.join(traps.markers, 'output')}`,
    '-h',
  ];
}

describe('option-like strings from config, a remote name or a user never reach git as options', function () {
  this.timeout(30000);
  let traps: Traps;
  let repo: TempRepo;
  let hostile: string[];
  before(() => {
    traps = new Traps();
    ({ repo } = valueRepo());
    hostile = optionLike(traps);
    // A remote whose name is an option, as a hand-edited .git/config could hold it.
    fs.appendFileSync(path.join(repo.dir, '.git', 'config'), `[remote "${hostile[1]!}"]\n\turl = ${repo.dir}\n`);
  });
  after(() => {
    repo.remove();
    traps.remove();
  });

  it('branch operations refuse them with InvalidGitInputError', async () => {
    const ops = new BranchOps(repo.dir);
    assert.ok((await ops.remotes()).includes(hostile[1]!), 'the hostile remote is not listed');
    for (const s of hostile) {
      await assert.rejects(ops.push(s, 'main'), InvalidGitInputError, `push to ${s}`);
      await assert.rejects(ops.push('origin', s), InvalidGitInputError, `push of ${s}`);
      await assert.rejects(ops.resolveCommit(s), InvalidGitInputError, `resolve ${s}`);
      await assert.rejects(ops.hasLocalBranch(s), InvalidGitInputError, `has ${s}`);
      await assert.rejects(ops.createAndSwitch(s, 'main'), InvalidGitInputError, `create ${s}`);
      await assert.rejects(ops.createAndSwitch('release/9', s), InvalidGitInputError, `create from ${s}`);
    }
    assert.deepStrictEqual(traps.fired(), []);
    assert.strictEqual(repo.git('symbolic-ref', '--short', 'HEAD').trim(), 'main');
  });

  it('the engine refuses them as a base branch or a date, and reads them as a literal file name', async () => {
    const port = new SimpleGitPort(repo.dir);
    for (const s of hostile) {
      await assert.rejects(port.readState({ baseBranch: s }), InvalidGitInputError, `base ${s}`);
      await assert.rejects(port.commitHistory('Intent', s), InvalidGitInputError, `since ${s}`);
      assert.deepStrictEqual(await port.commitsTouching(s, 5, 'Intent'), [], `history of a file named ${s}`);
    }
    assert.deepStrictEqual(traps.fired(), []);
  });
});
