import * as assert from 'assert';
import { createGitRunner } from '../../../src/core/git/gitRunner';
import { renderMessage } from '../../../src/core/present/messages';
import { unknownTrailerMessage, unpushedCommits } from '../../../src/core/trailers/unknownTrailer';
import { TempRepo } from '../git/tempRepo';

const SHA = 'abcdef0123456789abcdef0123456789abcdef01';
const text = (isHead: boolean, pushed: boolean, id = 'checkout-sped'): string =>
  renderMessage(unknownTrailerMessage({ sha: SHA, id, trailer: 'Intent', isHead, pushed, known: ['search', 'checkout-speed'] }));

describe('the advice on a trailer naming no intent (issue 18, item 9)', () => {
  it('says amend only for the unpushed HEAD commit, rebase for an older unpushed one, and not to rewrite a pushed one', () => {
    assert.strictEqual(text(true, false), 'Commit abcdef0 names "checkout-sped" in its Intent: trailer, but no intent has this id. It is the last commit and not pushed: fix the id with git commit --amend, or create the intent checkout-sped. Did you mean "checkout-speed"?');
    assert.match(text(false, false), /It is not pushed: fix the id with git rebase -i abcdef0~1 \(mark it "reword"\)/);
    assert.doesNotMatch(text(false, false), /amend/);
    assert.match(text(true, true, 'ghost'), /already pushed, so its message cannot be rewritten safely: create the intent ghost, or ignore this warning\.$/);
    assert.doesNotMatch(text(true, true), /amend|rebase/);
  });

  let repo: TempRepo | undefined;
  afterEach(() => repo?.remove());

  it('tells pushed from unpushed commits by the remote-tracking branches', async () => {
    const remote = TempRepo.create();
    repo = TempRepo.create();
    try {
      const pushed = repo.commit('one', ['a.txt']);
      repo.git('remote', 'add', 'origin', remote.dir);
      repo.git('push', '-q', 'origin', 'HEAD:refs/heads/published');
      repo.git('fetch', '-q', 'origin');
      const older = repo.commit('two', ['b.txt']);
      const head = repo.commit('three', ['c.txt']);
      assert.deepStrictEqual(await unpushedCommits(createGitRunner(repo.dir), [pushed, older, head, '--all']), new Set([older, head]));
    } finally {
      remote.remove();
    }
  });
});
