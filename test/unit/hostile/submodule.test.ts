import * as assert from 'assert';
import { SimpleGitPort } from '../../../src/core/git/simpleGitPort';
import { TempRepo } from '../git/tempRepo';
import { Traps, userGit } from './traps';

describe('a submodule whose own config sets core.fsmonitor (hostile .git/modules/<name>/config)', function () {
  this.timeout(30000);
  let traps: Traps;
  let sub: TempRepo;
  let repo: TempRepo;
  before(() => {
    traps = new Traps();
    sub = TempRepo.create();
    sub.commit('sub\n', ['f.txt']);
    repo = TempRepo.create();
    repo.commit('base\n', ['README.md']);
    repo.git('-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', sub.dir, 'sub');
    repo.git('commit', '-q', '-m', 'add sub');
    // `git -C sub config` writes the submodule's own config under .git/modules/sub/.
    repo.git('-C', 'sub', 'config', 'core.fsmonitor', traps.program('sub-fsmonitor'));
    repo.write('sub/f.txt', 'changed in the submodule, longer than before\n');
  });
  after(() => {
    repo.remove();
    sub.remove();
    traps.remove();
  });

  it('status recurses into the submodule with our -c core.fsmonitor=false, so its hook does not run', async () => {
    userGit(repo.dir, ['status', '--porcelain']);
    assert.deepStrictEqual(traps.fired(), ['sub-fsmonitor'], 'control: a plain status runs the submodule\'s fsmonitor');
    traps.clear();
    assert.deepStrictEqual((await new SimpleGitPort(repo.dir).uncommittedFiles()).map((f) => f.path), ['sub']);
    assert.deepStrictEqual(traps.fired(), []);
  });
});
