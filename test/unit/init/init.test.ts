import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse } from 'yaml';
import { detectReleasePatterns, hookAction } from '../../../src/core/init/initPlan';
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
    const r = await cli(dir, 'init', '--hook');
    assert.strictEqual(r.code, 0);
    assert.ok(r.out.includes('no git repository here, so no pre-push hook'));
    assert.deepStrictEqual(parse(fs.readFileSync(path.join(dir, '.value/config.yaml'), 'utf8')), { releaseBranches: ['release/*', 'hotfix/*'], trailer: 'Intent' });
    assert.strictEqual((await cli(dir, 'init', 'nowhere')).code, 2);
  });
});
