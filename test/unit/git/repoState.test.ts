import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { GitMissingError, InvalidGitInputError, NotARepositoryError } from '../../../src/core/git/gitErrors';
import { SimpleGitPort } from '../../../src/core/git/simpleGitPort';
import { LinkingEngine } from '../../../src/core/linking/linkingEngine';
import { DEFAULT_CONFIG } from '../../../src/core/model/types';
import { TempRepo } from './tempRepo';

describe('git repository state (real git)', () => {
  const repos: TempRepo[] = [];
  const make = (options?: Parameters<typeof TempRepo.create>[0]): TempRepo => {
    const r = TempRepo.create(options);
    repos.push(r);
    return r;
  };
  after(() => repos.forEach((r) => r.remove()));

  it('refuses a folder that is not a repository, or does not exist', async () => {
    const plain = make({ init: false });
    await assert.rejects(new SimpleGitPort(plain.dir).readState(), NotARepositoryError);
    await assert.rejects(new SimpleGitPort(path.join(plain.dir, 'missing')).readState(), NotARepositoryError);
  });

  it('says clearly, in one line, that git is missing', async () => {
    const repo = make();
    const error = await new SimpleGitPort(repo.dir, { binary: '/nonexistent/bin/git' }).readState().then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(error instanceof GitMissingError, String(error));
    assert.match(error.message, /^Git was not found .*install git/);
    assert.ok(!error.message.includes('\n'));
  });

  it('reports an unborn branch without failing', async () => {
    const repo = make({ branch: 'trunk' });
    const state = await new SimpleGitPort(repo.dir).readState();
    assert.deepStrictEqual(state.head, { kind: 'unborn', branch: 'trunk' });
    assert.strictEqual(state.base, undefined);
    assert.match(state.degraded ?? '', /No commits yet on trunk/);
    assert.strictEqual(state.topLevel, repo.dir);
    assert.strictEqual(state.isLinkedWorktree, false);
  });

  it('finds the branch, main as base and the merge-base', async () => {
    const repo = make();
    const base = repo.commit('base', ['a.txt']);
    repo.commit('main moves on', ['b.txt']);
    repo.git('checkout', '-q', '-b', 'feature/x', base);
    const tip = repo.commit('work', ['c.txt']);
    const state = await new SimpleGitPort(repo.dir).readState();
    assert.deepStrictEqual(state.head, { kind: 'branch', branch: 'feature/x', sha: tip, shortSha: tip.slice(0, 7) });
    assert.strictEqual(state.base?.name, 'main');
    assert.strictEqual(state.base?.source, 'main');
    assert.strictEqual(state.base?.mergeBase, base);
    assert.strictEqual(state.degraded, undefined);
    assert.strictEqual(state.rebaseInProgress, false);
    assert.strictEqual(state.isShallow, false);
  });

  it('falls back to master, and names a missing base as degraded', async () => {
    const repo = make({ branch: 'master' });
    repo.commit('one', ['a.txt']);
    assert.strictEqual((await new SimpleGitPort(repo.dir).readState()).base?.source, 'master');
    repo.git('branch', '-q', '-m', 'trunk');
    const state = await new SimpleGitPort(repo.dir).readState();
    assert.strictEqual(state.base, undefined);
    assert.match(state.degraded ?? '', /No base branch/);
  });

  /** main one commit past `first`, where a local `develop` and a remote-tracking `upstream/release` stay. */
  function withConfiguredBases(): { repo: TempRepo; first: string } {
    const repo = make();
    const first = repo.commit('one', ['a.txt']);
    repo.git('branch', 'develop');
    repo.git('update-ref', 'refs/remotes/upstream/release', first);
    repo.commit('two', ['b.txt']);
    return { repo, first };
  }

  it('uses config.baseBranch (local or remote-tracking) and says when it is missing', async () => {
    const { repo, first } = withConfiguredBases();
    const port = new SimpleGitPort(repo.dir);
    assert.strictEqual((await port.readState({ baseBranch: 'develop' })).base?.ref, 'refs/heads/develop');
    const remote = await port.readState({ baseBranch: 'upstream/release' });
    assert.strictEqual(remote.base?.ref, 'refs/remotes/upstream/release');
    assert.strictEqual(remote.base?.mergeBase, first);
    const missing = await port.readState({ baseBranch: 'nope' });
    assert.strictEqual(missing.base, undefined);
    assert.match(missing.degraded ?? '', /"nope" \(from config\) does not exist/);
  });

  it('refuses a configured base that is not a valid branch name before git sees it', async () => {
    const repo = make();
    repo.commit('one');
    for (const bad of ['--output=/tmp/x', 'a..b', 'x y', 'a~1', 'HEAD@{1}', '']) {
      await assert.rejects(new SimpleGitPort(repo.dir).readState({ baseBranch: bad }), InvalidGitInputError, bad);
    }
  });

  it('prefers origin/HEAD and reads the upstream of a tracking branch', async () => {
    const origin = make();
    origin.commit('one', ['a.txt']);
    origin.git('branch', 'trunk');
    origin.git('checkout', '-q', 'trunk');
    const clone = make({ init: false });
    clone.git('clone', '-q', `file://${origin.dir}`, '.');
    clone.git('branch', '-q', '-m', 'trunk', 'local-trunk');
    clone.git('checkout', '-q', '-b', 'feature/y', '--track', 'origin/main');
    clone.commit('mine', ['m.txt']);
    const state = await new SimpleGitPort(clone.dir).readState();
    // origin/HEAD points at origin/trunk (what the origin had checked out), not at main.
    assert.strictEqual(state.base?.source, 'origin/HEAD');
    assert.strictEqual(state.base?.name, 'origin/trunk');
    assert.strictEqual(state.upstream, 'origin/main');
  });

  it('shows a detached HEAD by its short sha', async () => {
    const repo = make();
    const first = repo.commit('one');
    repo.commit('two');
    repo.git('checkout', '-q', '--detach', first);
    const state = await new SimpleGitPort(repo.dir).readState();
    assert.deepStrictEqual(state.head, { kind: 'detached', sha: first, shortSha: first.slice(0, 7) });
    assert.strictEqual(state.upstream, undefined);
  });

  it('keeps branch names with slashes, unicode and # intact', async () => {
    const repo = make();
    repo.commit('one');
    for (const name of ['feature/deep/nested-x', 'feature/ünïcode-ß', 'fix/#42-crash']) {
      repo.git('checkout', '-q', '-b', name, 'main');
      const state = await new SimpleGitPort(repo.dir).readState();
      assert.strictEqual(state.head.kind === 'branch' ? state.head.branch : '', name);
    }
  });

  it('says a shallow clone without the base is degraded, and why', async () => {
    const origin = make();
    origin.commit('one', ['a.txt']);
    origin.git('checkout', '-q', '-b', 'feature/z');
    origin.commit('two', ['b.txt']);
    origin.commit('three', ['c.txt']);
    const clone = make({ init: false });
    clone.git('clone', '-q', '--depth', '1', '--single-branch', '--branch', 'feature/z', `file://${origin.dir}`, '.');
    const state = await new SimpleGitPort(clone.dir).readState();
    assert.strictEqual(state.isShallow, true);
    assert.strictEqual(state.base, undefined);
    assert.match(state.degraded ?? '', /^Shallow clone without a base branch/);
  });

  it('says a shallow clone whose history stops before the merge-base is degraded', async () => {
    const origin = make();
    origin.commit('one', ['a.txt']);
    origin.git('checkout', '-q', '-b', 'feature/z');
    origin.commit('two', ['b.txt']);
    origin.git('checkout', '-q', 'main');
    origin.commit('main moves', ['d.txt']);
    const clone = make({ init: false });
    clone.git('clone', '-q', '--depth', '1', '--no-single-branch', `file://${origin.dir}`, '.');
    clone.git('checkout', '-q', 'feature/z');
    const state = await new SimpleGitPort(clone.dir).readState();
    assert.strictEqual(state.base?.name, 'origin/main');
    assert.strictEqual(state.base?.mergeBase, undefined);
    assert.match(state.degraded ?? '', /^Shallow clone: the history does not reach the merge-base/);
  });

  it('says when the base branch points to a commit the repository does not have', async () => {
    const repo = make();
    repo.commit('one');
    repo.git('checkout', '-q', '-b', 'feature/x');
    repo.commit('two');
    // A broken ref, as a half-copied .git or a damaged packed-refs leaves it.
    fs.writeFileSync(path.join(repo.dir, '.git', 'refs', 'heads', 'main'), `${'1234567'.padEnd(40, '0')}\n`);
    const state = await new SimpleGitPort(repo.dir).readState();
    assert.strictEqual(state.base?.name, 'main');
    assert.strictEqual(state.base?.mergeBase, undefined);
    assert.match(state.degraded ?? '', /^The base branch main points to commit 1234567, which this repository does not have/);
  });

  it('says when HEAD shares no history with the base', async () => {
    const repo = make();
    repo.commit('one');
    repo.git('checkout', '-q', '--orphan', 'island');
    repo.commit('alone');
    const state = await new SimpleGitPort(repo.dir).readState();
    assert.strictEqual(state.base?.mergeBase, undefined);
    assert.match(state.degraded ?? '', /no common history with main/);
  });

  it('understands a linked worktree, whose .git is a file', async () => {
    const repo = make();
    const base = repo.commit('one', ['a.txt']);
    const wtDir = `${repo.dir}-wt`;
    repo.git('worktree', 'add', '-q', '-b', 'feature/wt', wtDir);
    const wt = TempRepo.at(wtDir);
    repos.push(wt);
    wt.commit('in worktree', ['w.txt']);
    assert.ok(fs.statSync(path.join(wtDir, '.git')).isFile());
    const state = await new SimpleGitPort(wtDir).readState();
    assert.strictEqual(state.isLinkedWorktree, true);
    assert.strictEqual(state.topLevel, wtDir);
    assert.strictEqual(state.commonGitDir, path.join(repo.dir, '.git'));
    assert.strictEqual(state.head.kind === 'branch' ? state.head.branch : '', 'feature/wt');
    assert.strictEqual(state.base?.mergeBase, base);
  });

  it('treats a submodule folder as its own repository', async () => {
    const lib = make();
    lib.commit('lib one', ['lib.txt']);
    const app = make();
    app.commit('app one', ['app.txt']);
    app.git('-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', `file://${lib.dir}`, 'vendor/lib');
    const sub = path.join(app.dir, 'vendor', 'lib');
    assert.ok(fs.statSync(path.join(sub, '.git')).isFile());
    const state = await new SimpleGitPort(sub).readState();
    assert.strictEqual(state.topLevel, sub);
    assert.strictEqual(state.prefix, '');
    assert.strictEqual(state.base?.name, 'origin/main');
    assert.strictEqual(state.isLinkedWorktree, false);
  });

  it('flags a rebase in progress (HEAD is detached meanwhile)', async () => {
    const repo = make();
    repo.write('x.txt', 'base\n');
    repo.commit('base', ['x.txt'].filter(() => false));
    repo.git('add', 'x.txt');
    repo.commit('add x');
    repo.git('checkout', '-q', '-b', 'feature/r');
    repo.write('x.txt', 'feature\n');
    repo.git('commit', '-q', '-am', 'feature edit');
    repo.git('checkout', '-q', 'main');
    repo.write('x.txt', 'main\n');
    repo.git('commit', '-q', '-am', 'main edit');
    repo.git('checkout', '-q', 'feature/r');
    assert.throws(() => repo.git('rebase', 'main'));
    const state = await new SimpleGitPort(repo.dir).readState();
    assert.strictEqual(state.rebaseInProgress, true);
    assert.strictEqual(state.head.kind, 'detached');
  });

  it('knows the folder prefix when opened on a subfolder', async () => {
    const repo = make();
    repo.commit('one', ['pkg/app/a.txt']);
    const state = await new SimpleGitPort(path.join(repo.dir, 'pkg', 'app')).readState();
    assert.strictEqual(state.topLevel, repo.dir);
    assert.strictEqual(state.prefix, 'pkg/app/');
  });

  describe('a port that has located its repository before', () => {
    /** A git that logs each subcommand it runs (the first argument after simple-git's `-c` pairs). */
    const spyGit = (logFile: string): string => {
      const file = path.join(path.dirname(logFile), 'git-spy.sh');
      fs.writeFileSync(file, `#!/bin/sh\nfor a in "$@"; do case "$prev" in -c) prev=;; *) case "$a" in -c) prev=-c;; -*) ;; *) echo "$a" >> "${logFile}"; break;; esac;; esac; done\nexec git "$@"\n`, { mode: 0o755 });
      return file;
    };
    const calls = (logFile: string): string[] => (fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').trim().split('\n').filter(Boolean) : []);

    it('answers from one for-each-ref while HEAD is on a branch, exactly as a new port would', async () => {
      const origin = make();
      origin.commit('one', ['a.txt']);
      const clone = make({ init: false });
      clone.git('clone', '-q', '--depth', '1', `file://${origin.dir}`, '.');
      origin.commit('two', ['b.txt']);
      clone.git('checkout', '-q', '-b', 'feature/y', '--track', 'origin/main');
      clone.commit('mine', ['sub/m.txt']);
      const folder = path.join(clone.dir, 'sub');
      const log = path.join(make({ init: false }).dir, 'calls.log');
      const port = new SimpleGitPort(folder, { binary: spyGit(log) });
      const same = async (what: string, expected: string[]): Promise<void> => {
        fs.rmSync(log, { force: true });
        assert.deepStrictEqual(await port.locate(), await new SimpleGitPort(folder).locate(), what);
        // Sorted: processes started together log in whichever order their shells get to run.
        assert.deepStrictEqual(calls(log).sort(), [...expected].sort(), `git processes for: ${what}`);
      };
      await same('the first call', ['rev-parse', 'for-each-ref']);
      await same('the second call, on a branch', ['for-each-ref']);
      assert.strictEqual((await port.locate()).prefix, 'sub/');
      clone.commit('more', ['sub/n.txt']);
      await same('after a commit', ['for-each-ref']);
      clone.git('checkout', '-q', '-b', 'feature/other');
      await same('after a checkout', ['for-each-ref']);
      clone.git('fetch', '-q', '--unshallow');
      await same('after the clone stopped being shallow', ['for-each-ref']);
      clone.git('checkout', '-q', '--detach');
      await same('on a detached HEAD: rev-parse tells', ['for-each-ref', 'rev-parse', 'for-each-ref']);
      clone.git('checkout', '-q', 'feature/y');
      await same('back on a branch, after a full call', ['for-each-ref']);
      // A repository of its own in the folder: git would find another work tree, so the port asks rev-parse at once.
      execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: folder });
      await same('in a repository created inside', ['rev-parse', 'for-each-ref', 'symbolic-ref']);
    });

    it('sees a shallow linked worktree as shallow from one for-each-ref', async () => {
      const origin = make();
      origin.commit('one', ['a.txt']);
      origin.commit('two', ['b.txt']);
      const clone = make({ init: false });
      clone.git('clone', '-q', '--depth', '1', `file://${origin.dir}`, '.');
      const worktree = path.join(make({ init: false }).dir, 'wt');
      clone.git('worktree', 'add', '-q', '-b', 'feature/w', worktree);
      const port = new SimpleGitPort(worktree);
      const first = await port.locate();
      const second = await port.locate();
      assert.deepStrictEqual(second, first);
      assert.strictEqual(second.isShallow, true);
      assert.strictEqual(second.isLinkedWorktree, true);
      assert.deepStrictEqual(second.head.kind === 'branch' && second.head.branch, 'feature/w');
    });
  });

  describe('the base guessed from the ref files, without git', () => {
    /** The guess must name the commit locate() then finds, or nothing when HEAD is there already. */
    async function guessIsRight(folder: string, options: { baseBranch?: string } = {}, what = ''): Promise<string | undefined> {
      const guess = new SimpleGitPort(folder).guessBase(options);
      const { base, head } = await new SimpleGitPort(folder).locate(options);
      assert.strictEqual(guess, head.kind !== 'unborn' && base?.sha === head.sha ? undefined : base?.sha, what);
      return guess;
    }

    it('reads main from a loose ref, from packed-refs, and a loose ref over a stale packed one', async () => {
      const repo = make();
      repo.commit('one', ['a.txt']);
      repo.git('checkout', '-q', '-b', 'feature/x');
      repo.commit('work', ['b.txt']);
      assert.ok(await guessIsRight(repo.dir, {}, 'loose'));
      repo.git('pack-refs', '--all');
      assert.ok(!fs.existsSync(path.join(repo.dir, '.git', 'refs', 'heads', 'main')));
      assert.ok(await guessIsRight(repo.dir, {}, 'packed'));
      repo.git('checkout', '-q', 'main');
      repo.commit('main moves on', ['c.txt']);
      repo.git('checkout', '-q', 'feature/x');
      assert.strictEqual(await guessIsRight(repo.dir, {}, 'loose over packed'), repo.git('rev-parse', 'main').trim());
    });

    it('follows origin/HEAD in a clone, and skips it when it names the branch checked out', async () => {
      const origin = make();
      origin.commit('one', ['a.txt']);
      origin.git('checkout', '-q', '-b', 'feature/z');
      origin.commit('two', ['b.txt']);
      const clone = make({ init: false });
      clone.git('clone', '-q', `file://${origin.dir}`, '.');
      // origin/HEAD → origin/feature/z, the branch the clone has checked out: not its own base.
      assert.strictEqual(clone.git('symbolic-ref', 'refs/remotes/origin/HEAD').trim(), 'refs/remotes/origin/feature/z');
      await guessIsRight(clone.dir, {}, 'on the branch origin/HEAD names');
      clone.git('checkout', '-q', '-b', 'feature/mine');
      assert.strictEqual(await guessIsRight(clone.dir, {}, 'at the base: nothing ahead'), undefined);
      clone.commit('mine', ['m.txt']);
      assert.strictEqual(await guessIsRight(clone.dir, {}, 'on another branch'), origin.head());
    });

    it('reads a configured base, local or remote-tracking, and nothing for a missing or invalid one', async () => {
      const { repo, first } = withConfiguredBases();
      repo.git('pack-refs', '--all');
      assert.strictEqual(await guessIsRight(repo.dir, { baseBranch: 'develop' }), first);
      assert.strictEqual(await guessIsRight(repo.dir, { baseBranch: 'upstream/release' }), first);
      assert.strictEqual(await guessIsRight(repo.dir, { baseBranch: 'nope' }), undefined);
      assert.strictEqual(new SimpleGitPort(repo.dir).guessBase({ baseBranch: '../../HEAD' }), undefined);
    });

    it('finds the git directories of a linked worktree and a submodule through their .git files', async () => {
      const repo = make();
      repo.commit('one', ['a.txt']);
      const wtDir = `${repo.dir}-wt`;
      repo.git('worktree', 'add', '-q', '-b', 'feature/wt', wtDir);
      const wt = TempRepo.at(wtDir);
      repos.push(wt);
      wt.commit('in worktree', ['w.txt']);
      assert.ok(await guessIsRight(wtDir, {}, 'worktree'));
      const app = make();
      app.commit('app one', ['app.txt']);
      app.git('-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', `file://${repo.dir}`, 'vendor/lib');
      const sub = TempRepo.at(path.join(app.dir, 'vendor', 'lib'));
      sub.git('checkout', '-q', '-b', 'feature/sub');
      sub.commit('in submodule', ['s.txt']);
      assert.ok(await guessIsRight(sub.dir, {}, 'submodule'));
    });

    it('guesses nothing outside a repository, on master alone when main is gone, or while GIT_DIR points elsewhere', async () => {
      assert.strictEqual(new SimpleGitPort(make({ init: false }).dir).guessBase(), undefined);
      // A .git file naming a file, not a directory: no guess and no exception; git says what is wrong.
      const broken = make({ init: false });
      fs.writeFileSync(path.join(broken.dir, 'not-a-dir'), 'x\n');
      fs.writeFileSync(path.join(broken.dir, '.git'), `gitdir: ${path.join(broken.dir, 'not-a-dir')}\n`);
      assert.strictEqual(new SimpleGitPort(broken.dir).guessBase(), undefined);
      await assert.rejects(new LinkingEngine(broken.dir, new SimpleGitPort(broken.dir), { intents: [], config: DEFAULT_CONFIG }).refresh(), NotARepositoryError);
      // A FIFO where a ref file belongs is not read: reading it would block until someone writes.
      if (process.platform !== 'win32') {
        const fifo = make();
        fifo.commit('one', ['a.txt']);
        fifo.git('checkout', '-q', '-b', 'feature/x');
        fifo.commit('two', ['b.txt']);
        fs.rmSync(path.join(fifo.dir, '.git', 'refs', 'heads', 'main'));
        execFileSync('mkfifo', [path.join(fifo.dir, '.git', 'refs', 'heads', 'main')]);
        assert.strictEqual(new SimpleGitPort(fifo.dir).guessBase(), undefined);
      }
      const repo = make({ branch: 'master' });
      repo.commit('one', ['a.txt']);
      repo.git('checkout', '-q', '-b', 'feature/x');
      repo.commit('two', ['b.txt']);
      assert.ok(await guessIsRight(repo.dir, {}, 'master'));
      repo.git('branch', '-q', '-m', 'master', 'trunk');
      assert.strictEqual(await guessIsRight(repo.dir, {}, 'no base'), undefined);
      process.env.GIT_DIR = path.join(repo.dir, '.git');
      try {
        assert.strictEqual(new SimpleGitPort(repo.dir).guessBase({ baseBranch: 'trunk' }), undefined);
      } finally {
        delete process.env.GIT_DIR;
      }
    });
  });
});
