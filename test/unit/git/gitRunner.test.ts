import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { GitTimeoutError } from '../../../src/core/git/gitErrors';
import { createGitRunner } from '../../../src/core/git/gitRunner';

// A git that hangs must not hang Value Lens: every later scan of the folder waits behind it.
describe('a git process that hangs', function () {
  this.timeout(20000);
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'value-lens-git-hang-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** A stand-in for git that runs `body` as a shell script. */
  const fakeGit = (body: string): string => {
    const file = path.join(dir, 'git');
    fs.writeFileSync(file, `#!/bin/sh\n${body}\n`, { mode: 0o755 });
    return file;
  };

  it('is stopped after the silence timeout with a message that names the command', async () => {
    const runner = createGitRunner(dir, { binary: fakeGit(`echo started > "${dir}/ran"; exec sleep 30`), silenceTimeoutMs: 400 });
    const started = Date.now();
    await assert.rejects(runner.run(['--no-optional-locks', 'status', '--porcelain']), (e: unknown) => {
      assert.ok(e instanceof GitTimeoutError, String(e));
      assert.match(e.message, /^git status gave no output for 0\.4 s and was stopped\./);
      return true;
    });
    assert.ok(fs.existsSync(path.join(dir, 'ran')), 'the fake git did run');
    assert.ok(Date.now() - started < 10000, `stopped after ${Date.now() - started} ms, not after the 30 s sleep`);
    // The runner is still usable afterwards: a later command gets its own answer.
    const ok = createGitRunner(dir, { binary: fakeGit('echo fine'), silenceTimeoutMs: 400 });
    assert.strictEqual((await ok.run(['version'])).stdout, 'fine\n');
  });

  it('is not stopped while it keeps writing output, however long it runs in all', async () => {
    // 12 lines 0.2 s apart: 2.4 s in all, never silent for the 0.6 s timeout.
    const runner = createGitRunner(dir, { binary: fakeGit('for i in 1 2 3 4 5 6 7 8 9 10 11 12; do echo "line $i"; sleep 0.2; done'), silenceTimeoutMs: 600 });
    const out = await runner.run(['log']);
    assert.strictEqual(out.stdout.trim().split('\n').length, 12);
  });
});
