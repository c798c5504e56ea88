import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { SimpleGitPort } from '../../../src/core/git/simpleGitPort';

// A commit subject of 600 MB (git packs one of 512 MiB into 624 KB) is more than one string can
// hold: it must pass through as git writes it, never be collected whole.
describe('a git log whose subject is bigger than any string', function () {
  this.timeout(120_000);
  let dir = '';
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'value-lens-big-output-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads the commit with its subject cut and its trailers, without a RangeError', async () => {
    const sha = 'a'.repeat(40);
    const git = path.join(dir, 'git');
    // One record of commitLogFormat, as `git log -z` writes it, whatever it was asked.
    fs.writeFileSync(
      git,
      `#!/bin/sh\nprintf '\\0${sha}\\0'\nhead -c 600000000 /dev/zero | tr '\\0' x\nprintf '\\0Dana Dev\\0%s\\0big\\0' 2026-01-02T03:04:05+01:00\n`,
      { mode: 0o755 },
    );
    const commits = await new SimpleGitPort(dir, { binary: git }).commitHistory('Intent');
    assert.deepStrictEqual(commits, [{ sha, subject: 'x'.repeat(4096), author: 'Dana Dev', date: '2026-01-02T03:04:05+01:00', trailerIds: ['big'], files: [] }]);
  });
});
