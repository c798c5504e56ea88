import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { GitCommandError, GitTimeoutError } from '../../../src/core/git/gitErrors';
import { createGitRunner } from '../../../src/core/git/gitRunner';

/** A scratch folder per test, and a stand-in for git in it that runs `body` as a shell script. */
function scratchWithFakeGit(prefix: string): { readonly dir: () => string; readonly fakeGit: (body: string) => string } {
  let dir = '';
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  return {
    dir: () => dir,
    fakeGit: (body) => {
      const file = path.join(dir, 'git');
      fs.writeFileSync(file, `#!/bin/sh\n${body}\n`, { mode: 0o755 });
      return file;
    },
  };
}

// A git that hangs must not hang Value Lens: every later scan of the folder waits behind it.
describe('a git process that hangs', function () {
  this.timeout(20000);
  const { dir, fakeGit } = scratchWithFakeGit('value-lens-git-hang-');

  it('is stopped after the silence timeout with a message that names the command', async () => {
    const runner = createGitRunner(dir(), { binary: fakeGit(`echo started > "${dir()}/ran"; exec sleep 30`), silenceTimeoutMs: 400 });
    const started = Date.now();
    await assert.rejects(runner.run(['--no-optional-locks', 'status', '--porcelain']), (e: unknown) => {
      assert.ok(e instanceof GitTimeoutError, String(e));
      assert.match(e.message, /^git status gave no output for 0\.4 s and was stopped\./);
      return true;
    });
    assert.ok(fs.existsSync(path.join(dir(), 'ran')), 'the fake git did run');
    assert.ok(Date.now() - started < 10000, `stopped after ${Date.now() - started} ms, not after the 30 s sleep`);
    // The runner is still usable afterwards: a later command gets its own answer.
    const ok = createGitRunner(dir(), { binary: fakeGit('echo fine'), silenceTimeoutMs: 400 });
    assert.strictEqual((await ok.run(['version'])).stdout, 'fine\n');
  });

  it('is not stopped while it keeps writing output, however long it runs in all', async () => {
    // 12 lines 0.2 s apart: 2.4 s in all, never silent for the 0.6 s timeout.
    const runner = createGitRunner(dir(), { binary: fakeGit('for i in 1 2 3 4 5 6 7 8 9 10 11 12; do echo "line $i"; sleep 0.2; done'), silenceTimeoutMs: 600 });
    const out = await runner.run(['log']);
    assert.strictEqual(out.stdout.trim().split('\n').length, 12);
  });

  it('is stopped when silent and not while writing, also when its output is streamed', async () => {
    const pieces: Buffer[] = [];
    const talking = createGitRunner(dir(), { binary: fakeGit('for i in 1 2 3 4 5 6; do echo "line $i"; sleep 0.2; done'), silenceTimeoutMs: 500 });
    await talking.stream(['log'], (piece) => pieces.push(piece));
    assert.strictEqual(Buffer.concat(pieces).toString('utf8').trim().split('\n').length, 6);
    const silent = createGitRunner(dir(), { binary: fakeGit('echo first; exec sleep 30'), silenceTimeoutMs: 400 });
    await assert.rejects(silent.stream(['log'], () => undefined), GitTimeoutError);
  });
});

describe('a git process read as it writes', function () {
  this.timeout(20000);
  const { dir, fakeGit } = scratchWithFakeGit('value-lens-git-stream-');

  it('hands each piece of stdout to the listener before git ends, and keeps none of it', async () => {
    const runner = createGitRunner(dir(), { binary: fakeGit('echo first; sleep 0.5; echo second') });
    const pieces: string[] = [];
    let firstPieceAt = 0;
    const started = Date.now();
    const out = await runner.stream(['log'], (piece) => {
      if (pieces.length === 0) firstPieceAt = Date.now() - started;
      pieces.push(piece.toString('utf8'));
    });
    const endedAt = Date.now() - started;
    assert.strictEqual(pieces.join(''), 'first\nsecond\n');
    assert.deepStrictEqual(out, { exitCode: 0, stdout: '' });
    assert.ok(endedAt - firstPieceAt >= 400, `the first piece came ${firstPieceAt} ms in, the end ${endedAt} ms in`);
  });

  it('fails like run() when git fails', async () => {
    const runner = createGitRunner(dir(), { binary: fakeGit('echo partial; echo "fatal: bad revision" >&2; exit 128') });
    await assert.rejects(runner.stream(['log'], () => undefined), (e: unknown) => e instanceof GitCommandError && e.exitCode === 128 && /bad revision/.test(e.stderr));
  });
});

describe('the environment git runs with', function () {
  this.timeout(20000);
  const { dir, fakeGit } = scratchWithFakeGit('value-lens-git-env-');
  const saved = new Map<string, string | undefined>();
  const setEnv = (vars: Record<string, string>): void => {
    for (const [key, value] of Object.entries(vars)) {
      if (!saved.has(key)) saved.set(key, process.env[key]);
      process.env[key] = value;
    }
  };
  afterEach(() => {
    for (const [key, value] of saved) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    saved.clear();
  });

  /** A stand-in for git that prints the environment it was started with, one VAR=value per line. */
  const envGit = (): string => fakeGit('env');
  const childEnv = async (streamed = false): Promise<Map<string, string>> => {
    const runner = createGitRunner(dir(), { binary: envGit() });
    const pieces: Buffer[] = [];
    const out = streamed ? { stdout: (await runner.stream(['version'], (piece) => pieces.push(piece)), Buffer.concat(pieces).toString('utf8')) } : await runner.run(['version']);
    return new Map(out.stdout.split('\n').filter((l) => l.includes('=')).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
  };

  it('asks git for buffered output, leaves out pagers and editors, and passes SSH and credential settings on', async () => {
    setEnv({ PAGER: 'less', GIT_PAGER: 'more', EDITOR: 'vim', GIT_EDITOR: 'nano', GIT_EXTERNAL_DIFF: 'difftool', GIT_FLUSH: '1', GIT_SSH_COMMAND: 'ssh -i key', GIT_ASKPASS: '/usr/bin/askpass', VALUE_LENS_TEST_MARK: 'kept' });
    for (const streamed of [false, true]) {
      const env = await childEnv(streamed);
      assert.strictEqual(env.get('GIT_FLUSH'), '0');
      for (const gone of ['PAGER', 'GIT_PAGER', 'EDITOR', 'GIT_EDITOR', 'GIT_EXTERNAL_DIFF']) assert.strictEqual(env.get(gone), undefined, `${gone} reached git`);
      assert.strictEqual(env.get('GIT_SSH_COMMAND'), 'ssh -i key');
      assert.strictEqual(env.get('GIT_ASKPASS'), '/usr/bin/askpass');
      assert.strictEqual(env.get('VALUE_LENS_TEST_MARK'), 'kept');
    }
  });

  it('still runs git when the environment holds config simple-git will not pass on, inheriting it as before', async () => {
    setEnv({ GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'core.pager', GIT_CONFIG_VALUE_0: 'cat' });
    for (const streamed of [false, true]) {
      const env = await childEnv(streamed);
      assert.strictEqual(env.get('GIT_CONFIG_KEY_0'), 'core.pager');
      assert.strictEqual(env.get('GIT_FLUSH'), undefined, 'the plain inherited environment, without our additions');
    }
  });
});
