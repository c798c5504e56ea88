import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { repoRoot } from '../support/repoRoot';

const git = (cwd: string, ...args: string[]): string => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();

describe('demo workspace generator (scripts/makeDemo.mjs)', () => {
  let dir: string;
  before(function () {
    this.timeout(30000);
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'value-lens-demo-test-'));
    const printed = execFileSync(process.execPath, [path.join(repoRoot, 'scripts/makeDemo.mjs'), path.join(parent, 'demo')], { encoding: 'utf8' });
    dir = printed.trim();
  });
  after(() => fs.rmSync(path.dirname(dir), { recursive: true, force: true }));

  it('creates a git repository on a feature branch with work ahead of main', () => {
    assert.strictEqual(git(dir, 'branch', '--show-current'), 'feature/checkout-speed-retry');
    assert.strictEqual(git(dir, 'rev-list', '--count', 'main..HEAD'), '3');
    assert.match(git(dir, 'status', '--porcelain'), /src\/checkout\/cart\.ts/);
  });

  it('links commits with Intent trailers that git itself reads', () => {
    const ids = git(dir, 'log', '--format=%(trailers:key=Intent,valueonly,separator=%x2C)', 'main..HEAD').split('\n');
    assert.deepStrictEqual(ids, ['checkout-sped', '', 'checkout-speed']);
    const merged = git(dir, 'log', '-1', '--format=%(trailers:key=Intent,valueonly)', 'v2.3.0~1');
    assert.strictEqual(merged, 'legacy-payments-retirement, checkout-speed');
  });

  it('holds intents, a config and a reviewed release statement under .value/', () => {
    assert.deepStrictEqual(fs.readdirSync(path.join(dir, '.value/intents')).sort(), [
      'checkout-speed.yaml', 'guided-onboarding.yaml', 'legacy-payments-retirement.yaml', 'search-relevance.yaml',
    ]);
    assert.match(fs.readFileSync(path.join(dir, '.value/releases/2.4.0.yaml'), 'utf8'), /verdict: partial/);
    assert.ok(fs.existsSync(path.join(dir, '.value/config.yaml')));
    assert.deepStrictEqual(git(dir, 'tag', '--list').split('\n'), ['v2.3.0', 'v2.4.0']);
  });

  it('refuses to write into a folder that is not empty', () => {
    assert.throws(() => execFileSync(process.execPath, [path.join(repoRoot, 'scripts/makeDemo.mjs'), dir], { stdio: 'pipe' }), /not empty/);
  });
});
