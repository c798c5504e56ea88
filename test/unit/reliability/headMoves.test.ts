import * as assert from 'assert';
import type { GitPort } from '../../../src/core/git/gitPort';
import { SimpleGitPort } from '../../../src/core/git/simpleGitPort';
import { LinkingEngine } from '../../../src/core/linking/linkingEngine';
import type { LinkingModel } from '../../../src/core/linking/linkingEngine';
import { DEFAULT_CONFIG } from '../../../src/core/model/types';
import { TempRepo } from '../git/tempRepo';
import { intent } from '../linking/intents';

const MODEL: LinkingModel = { config: DEFAULT_CONFIG, intents: [intent('pay', ['pay/**'])] };

/** The real port, except that a commit lands on the branch right after each locate() has read HEAD. */
function portMovingHead(inner: SimpleGitPort, move: () => void): GitPort {
  return new Proxy(inner, {
    get(target, key) {
      if (key === 'locate') {
        return async (options?: { readonly baseBranch?: string }) => {
          const state = await target.locate(options);
          move();
          return state;
        };
      }
      // No early log from the ref files: the scan's own logs are what is checked.
      if (key === 'guessBase') return () => undefined;
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

describe('HEAD moving while a scan reads the repository (real git)', () => {
  let repo: TempRepo;
  afterEach(() => repo.remove());

  it('answers the commits and changed files of the HEAD that locate() read, not a mix with the newer one', async () => {
    repo = TempRepo.create();
    const base = repo.commit('base', ['a.txt']);
    repo.git('checkout', '-q', '-b', 'feature/x');
    const tip = repo.commit('Pay\n\nIntent: pay\n', ['pay/one.ts']);
    let moved = '';
    const port = portMovingHead(new SimpleGitPort(repo.dir), () => {
      moved ||= repo.commit('Later\n', ['later.txt']);
    });
    const scan = await new LinkingEngine(repo.dir, port, MODEL).refresh();
    assert.notStrictEqual(moved, '');
    assert.strictEqual(scan.state.head.kind === 'branch' && scan.state.head.sha, tip);
    assert.strictEqual(scan.state.base?.mergeBase, base);
    assert.deepStrictEqual(scan.commits.map((c) => c.sha), [tip]);
    assert.deepStrictEqual(scan.files.map((f) => f.path), ['pay/one.ts']);
    assert.deepStrictEqual(scan.coverage.commits, { total: 1, linked: 1 });
  });
});
