import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { GIT_ENV, TempRepo } from '../git/tempRepo';
import { intentYaml, writeIntents } from '../cli/cliRun';
import { removeCliCopy, stableCli } from './corpus';

// git failing under the CLI: a clear one-line reason and exit 2 where git is needed, and
// `check` (which needs no git) keeps working.

interface Run {
  readonly status: number | null;
  readonly out: string;
  readonly err: string;
  readonly ms: number;
}

function bin(cwd: string, args: readonly string[], env: NodeJS.ProcessEnv = GIT_ENV): Run {
  const started = Date.now();
  const r = spawnSync(process.execPath, [stableCli(), ...args], { cwd, env, encoding: 'utf8', timeout: 120000, maxBuffer: 64 * 1024 * 1024 });
  assert.strictEqual(r.error, undefined, `the CLI did not finish: ${String(r.error)}`);
  assert.doesNotMatch(r.stderr, /^\s+at .+:\d+:\d+\)?$/m, `a stack trace escaped:\n${r.stderr}`);
  return { status: r.status, out: r.stdout, err: r.stderr, ms: Date.now() - started };
}

/** Exit 2, nothing on stdout, one line on stderr that gives the reason. */
function assertRefused(r: Run, reason: RegExp): void {
  assert.strictEqual(r.status, 2, `${r.out}${r.err}`);
  assert.strictEqual(r.out, '');
  assert.match(r.err, /^value-lens: [^\n]+\n$/);
  assert.match(r.err, reason);
}

describe('git faults under the CLI', function () {
  this.timeout(120000);
  let repo: TempRepo;
  beforeEach(() => {
    repo = TempRepo.create();
    const files = writeIntents(repo, '', { 'checkout-speed': intentYaml('checkout-speed', ['src/checkout/**']) });
    repo.git('add', '--', ...files);
    repo.commit('base', ['src/checkout/pay.ts']);
    repo.git('checkout', '-q', '-b', 'feature/faster');
  });
  afterEach(() => repo.remove());
  after(() => removeCliCopy());

  it('git exits non-zero (the checked-out branch points at a missing commit): status and why name the git command and its reason', () => {
    repo.commit('work\n\nIntent: checkout-speed\n', ['src/checkout/pay.ts']);
    fs.writeFileSync(path.join(repo.dir, '.git/refs/heads/feature/faster'), `${'0'.repeat(37)}bad\n`);
    assertRefused(bin(repo.dir, ['status']), /^value-lens: git \w[\w-]* failed \(exit 128\): fatal: bad object HEAD/);
    assertRefused(bin(repo.dir, ['why', 'src/checkout/pay.ts']), /failed \(exit 128\): fatal: bad object HEAD/);
    const check = bin(repo.dir, ['check']);
    assert.strictEqual(check.status, 0, check.err);
    assert.strictEqual(check.err, '1 file checked: 0 errors, 0 warnings\n');
  });

  it('a broken base branch ref: status still answers for the branch, without a base', () => {
    repo.commit('work\n\nIntent: checkout-speed\n', ['src/checkout/pay.ts']);
    fs.writeFileSync(path.join(repo.dir, '.git/refs/heads/main'), 'garbage\n');
    const r = bin(repo.dir, ['status']);
    assert.strictEqual(r.status, 0, r.err);
    assert.match(r.out, /^On branch feature\/faster at [0-9a-f]{7}, no base branch$/m);
  });

  it('git missing (PATH without git): status and why say so; check works without git', () => {
    const noGit = { ...GIT_ENV, PATH: path.join(repo.dir, 'no-such-folder') };
    assertRefused(bin(repo.dir, ['status'], noGit), /^value-lens: Git was not found \(tried to run "git"\); install git or put it on PATH/);
    assertRefused(bin(repo.dir, ['why', 'src/checkout/pay.ts'], noGit), /Git was not found/);
    const check = bin(repo.dir, ['check'], noGit);
    assert.strictEqual(check.status, 0, check.err);
  });

  it('a git that fails every command with its own message: that message reaches the user', () => {
    const fakeBin = path.join(repo.dir, '.fake-bin');
    fs.mkdirSync(fakeBin);
    fs.writeFileSync(path.join(fakeBin, 'git'), '#!/bin/sh\necho "error: simulated failure of git $1" >&2\nexit 3\n', { mode: 0o755 });
    const broken = { ...GIT_ENV, PATH: `${fakeBin}${path.delimiter}${path.dirname(process.execPath)}` };
    assertRefused(bin(repo.dir, ['status'], broken), /failed \(exit 3\): error: simulated failure of git/);
  });

  it('a 100 MB commit message: handled without a crash or a hang, its trailer still read', function () {
    if (os100MbUnsafe()) this.skip();
    const line = 'This commit message is very long, far longer than any person writes.\n';
    const body = line.repeat(Math.ceil((100 * 1024 * 1024) / line.length));
    repo.commit(`Huge message\n\n${body}\nIntent: checkout-speed\n`, ['src/checkout/pay.ts']);
    const status = bin(repo.dir, ['status', '--json']);
    assert.strictEqual(status.status, 0, status.err);
    const report = JSON.parse(status.out) as { commits: { total: number; linked: number } };
    assert.deepStrictEqual([report.commits.total, report.commits.linked], [1, 1]);
    const why = bin(repo.dir, ['why', 'src/checkout/pay.ts']);
    assert.strictEqual(why.status, 0, why.err);
    assert.match(why.out, /checkout-speed .*commit trailer/);
    console.log(`      100 MB commit message: status ${status.ms} ms, why ${why.ms} ms`);
  });
});

/** The 100 MB case needs about 1 GB of temp space (the message, git's objects, the pack). */
function os100MbUnsafe(): boolean {
  const free = fs.statfsSync(os.tmpdir());
  return free.bavail * free.bsize < 1024 * 1024 * 1024;
}
