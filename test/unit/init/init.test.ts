import * as assert from 'assert';
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse } from 'yaml';
import { detectReleasePatterns, hookAction } from '../../../src/core/init/initPlan';
import { hooksFolderOf } from '../../../src/core/init/runInit';
import { readValueFolder } from '../../../src/core/model/readValueFolder';
import { cli } from '../cli/cliRun';
import { GIT_ENV } from '../git/tempRepo';

function gitRepo(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'value-lens-init-'));
  const git = (...args: string[]): string => execFileSync('git', args, { cwd: dir, env: GIT_ENV, encoding: 'utf8' });
  git('init', '--quiet', '--initial-branch=trunk');
  git('-c', 'user.name=T', '-c', 'user.email=t@example.com', 'commit', '--quiet', '--allow-empty', '-m', 'start');
  git('branch', 'hotfix/1.0.1');
  return dir;
}

describe('value-lens init', () => {
  const made: string[] = [];
  afterEach(() => {
    for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('detects release patterns from the branches that exist', () => {
    assert.deepStrictEqual(detectReleasePatterns(['main', 'release/2.4', 'Hotfix/x', 'feature/release/y']), ['Hotfix/*', 'release/*']);
    assert.deepStrictEqual(detectReleasePatterns(['main']), ['release/*', 'hotfix/*']);
  });

  it('writes a valid config with the base branch and patterns, a marked example intent and the pre-push hook; twice changes nothing', async () => {
    const dir = gitRepo();
    made.push(dir);
    const first = await cli(dir, 'init', '--hook');
    assert.strictEqual(first.code, 0, first.err.join('\n'));
    assert.deepStrictEqual(first.out.slice(0, 2), ['created .value/config.yaml', 'created .value/intents/example-intent.yaml']);
    assert.match(first.out[2] ?? '', /^installed the pre-push hook .*\.git\/hooks\/pre-push$/);
    assert.deepStrictEqual(parse(fs.readFileSync(path.join(dir, '.value/config.yaml'), 'utf8')), { releaseBranches: ['hotfix/*'], baseBranch: 'trunk', trailer: 'Intent' });
    assert.match(fs.readFileSync(path.join(dir, '.value/intents/example-intent.yaml'), 'utf8'), /^# EXAMPLE written by "value-lens init"/);
    const { model } = await readValueFolder(dir);
    assert.deepStrictEqual(model.problems('2026-11-26'), [], 'what init writes passes value-lens check');
    const hook = path.join(dir, '.git/hooks/pre-push');
    assert.ok((fs.statSync(hook).mode & 0o111) !== 0, 'the hook is executable');

    const before = fs.readFileSync(path.join(dir, '.value/config.yaml'), 'utf8');
    const second = await cli(dir, 'init', '--hook');
    assert.deepStrictEqual(second.out, ['Value Lens is already set up here: nothing changed.']);
    assert.strictEqual(fs.readFileSync(path.join(dir, '.value/config.yaml'), 'utf8'), before);
  });

  it('never touches a pre-push hook of its own, and says what to add', async () => {
    const dir = gitRepo();
    made.push(dir);
    const hook = path.join(dir, '.git/hooks/pre-push');
    fs.writeFileSync(hook, '#!/bin/sh\nexec ./run-linters\n', { mode: 0o755 });
    const r = await cli(dir, 'init', '--hook');
    assert.strictEqual(fs.readFileSync(hook, 'utf8'), '#!/bin/sh\nexec ./run-linters\n');
    assert.match(r.out.join('\n'), /left your pre-push hook .* as it is: add "npx --no-install value-lens check --branch <branch>" to it/);
    assert.strictEqual(hookAction('x value-lens check --branch y'), 'present');
  });

  it('works without git (no base branch, no hook), and refuses a missing folder', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'value-lens-init-nogit-'));
    made.push(dir);
    const noHook = 'no pre-push hook: this folder is not in a git repository (or git was not found). Run "git init" (or install git), then "value-lens init --hook" again.';
    const r = await cli(dir, 'init', '--hook');
    assert.strictEqual(r.code, 0);
    assert.ok(r.out.includes(noHook), r.out.join('\n'));
    assert.deepStrictEqual(parse(fs.readFileSync(path.join(dir, '.value/config.yaml'), 'utf8')), { releaseBranches: ['release/*', 'hotfix/*'], trailer: 'Intent' });
    // Set up already: the hook that was asked for is still not there, and it says so.
    assert.deepStrictEqual((await cli(dir, 'init', '--hook')).out, ['Value Lens is already set up here: nothing changed.', noHook]);
    assert.strictEqual((await cli(dir, 'init', 'nowhere')).code, 2);
    // What the editor's Initialize asks by: no hooks folder, no question about a hook.
    assert.strictEqual(await hooksFolderOf(dir), undefined);
    const repo = gitRepo();
    made.push(repo);
    assert.strictEqual(await hooksFolderOf(repo), path.join(fs.realpathSync(repo), '.git/hooks'));
  });

  it('says which file stands where a folder must be, instead of EEXIST', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'value-lens-init-file-'));
    made.push(dir);
    fs.writeFileSync(path.join(dir, '.value'), 'notes\n');
    const r = await cli(dir, 'init');
    assert.strictEqual(r.code, 2);
    assert.deepStrictEqual(r.err, ['value-lens: .value is a file, not a folder, so .value/config.yaml cannot be created: move .value away (or rename it), then run init again.']);
    assert.strictEqual(fs.readFileSync(path.join(dir, '.value'), 'utf8'), 'notes\n');
    fs.rmSync(path.join(dir, '.value'));
    fs.mkdirSync(path.join(dir, '.value'));
    fs.writeFileSync(path.join(dir, '.value/intents'), '');
    assert.match((await cli(dir, 'init')).err.join('\n'), /^value-lens: \.value\/intents is a file, not a folder, so \.value\/intents\/example-intent\.yaml cannot be created/);
  });

  describe('the installed pre-push hook, run by sh', () => {
    let repo: string;
    let hook: string;
    before(async () => {
      repo = gitRepo();
      assert.strictEqual((await cli(repo, 'init', '--hook')).code, 0);
      hook = path.join(repo, '.git/hooks/pre-push');
    });
    after(() => fs.rmSync(repo, { recursive: true, force: true }));

    /** Runs the hook as git would, with one pushed ref on stdin and `PATH` as given. */
    function push(pathVar: string, env: NodeJS.ProcessEnv = {}): { status: number | null; stderr: string } {
      const stdin = 'refs/heads/release/1.0 1111111111111111111111111111111111111111 refs/heads/release/1.0 0000000000000000000000000000000000000000\n';
      const run = spawnSync('/bin/sh', [hook, 'origin', 'https://example.com/r.git'], { cwd: repo, input: stdin, encoding: 'utf8', env: { HOME: repo, PATH: pathVar, npm_config_offline: 'true', ...env } });
      return { status: run.status, stderr: run.stderr };
    }

    it('says on stderr that value-lens is missing and how to fix it; lets the push through unless VALUE_LENS_REQUIRED=1', function () {
      this.timeout(20000);
      const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'value-lens-nobin-'));
      made.push(empty);
      // No npx at all, and npx without value-lens installed (the case in most repositories).
      for (const pathVar of [empty, `${path.dirname(process.execPath)}:/usr/bin:/bin`]) {
        const passed = push(pathVar);
        assert.strictEqual(passed.status, 0, pathVar);
        assert.match(passed.stderr, /value-lens pre-push hook: value-lens was not found .* so release branches were not checked/);
        assert.match(passed.stderr, /Fix: npm install --save-dev value-lens .*or remove this hook \(.*pre-push\)/);
        assert.match(passed.stderr, /set VALUE_LENS_REQUIRED=1 to refuse/);
        const refused = push(pathVar, { VALUE_LENS_REQUIRED: '1' });
        assert.strictEqual(refused.status, 1, pathVar);
        assert.match(refused.stderr, /VALUE_LENS_REQUIRED=1: push refused/);
      }
    });

    it('runs value-lens from PATH with check --branch for each pushed branch, and refuses when it fails', () => {
      const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'value-lens-bin-'));
      made.push(bin);
      const log = path.join(bin, 'args.log');
      fs.writeFileSync(path.join(bin, 'value-lens'), `#!/bin/sh\necho "$@" >> ${log}\nexit 1\n`, { mode: 0o755 });
      const run = push(`${bin}:/usr/bin:/bin`);
      assert.strictEqual(run.status, 1, run.stderr);
      assert.strictEqual(fs.readFileSync(log, 'utf8'), 'check --branch release/1.0\n');
    });
  });
});
