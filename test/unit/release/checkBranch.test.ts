import * as assert from 'assert';
import { cli, intentYaml, spawnBin } from '../cli/cliRun';
import { TempRepo } from '../git/tempRepo';

const statement = (branch: string): string => `release: "x"\nbranch: ${branch}\nbase: main\ncreated: 2026-11-26\nexpected:\n  summary: Shops publish faster.\n  intents: [onboarding]\n`;

describe('value-lens check --branch (pre-push hook and CI)', () => {
  const repos: TempRepo[] = [];
  after(() => repos.forEach((r) => r.remove()));
  const make = (): TempRepo => {
    const repo = TempRepo.create();
    repos.push(repo);
    repo.write('.value/intents/onboarding.yaml', intentYaml('onboarding'));
    repo.commit('intents', ['README.md']);
    repo.git('add', '.value');
    repo.commit('value folder');
    return repo;
  };

  it('fails on a release branch without a statement, passes on other branches', async () => {
    const repo = make();
    repo.git('branch', 'release/2.5.0');
    const missing = await cli(repo.dir, 'check', '--branch', 'release/2.5.0');
    assert.strictEqual(missing.code, 1);
    assert.deepStrictEqual(missing.out, ['.value/releases/2.5.0.yaml: error: release/2.5.0 is a release branch without a value statement; state its expected value (VS Code: "Value: State Expected Value for This Branch…") and commit .value/releases/2.5.0.yaml on the branch.']);
    assert.match(missing.err.join('\n'), /1 error/);
    assert.strictEqual((await cli(repo.dir, 'check', '--branch', 'feature/x')).code, 0);
    assert.strictEqual((await cli(repo.dir, 'check')).code, 0);
    const json = await cli(repo.dir, 'check', '--format', 'json', '--branch', 'hotfix/2.4.1');
    assert.strictEqual(json.code, 1);
    assert.deepStrictEqual((JSON.parse(json.out.join('\n')) as { branch: unknown }).branch, { branch: 'hotfix/2.4.1', isRelease: true, hasStatement: false, file: '.value/releases/2.4.1.yaml' });
  });

  it('accepts a statement committed on the branch (pushing from elsewhere) or in the working tree', async () => {
    const repo = make();
    repo.git('checkout', '-q', '-b', 'release/2.5.0');
    repo.write('.value/releases/2.5.0.yaml', statement('release/2.5.0'));
    assert.strictEqual((await cli(repo.dir, 'check', '--branch', 'release/2.5.0')).code, 0, 'working tree');
    repo.git('add', '.value');
    repo.commit('state value');
    repo.git('checkout', '-q', 'main');
    // main's working tree has no statement; the branch being pushed has one.
    assert.strictEqual((await cli(repo.dir, 'check', '--branch', 'release/2.5.0')).code, 0, 'on the branch');
    assert.strictEqual(spawnBin(repo.dir, ['check', '--branch', 'release/2.5.0']).status, 0);
    assert.strictEqual(spawnBin(repo.dir, ['check', '--branch', 'release/2.6.0']).status, 1);
  });

  it('uses releaseBranches from .value/config.yaml, and refuses a bad branch name with exit 2', async () => {
    const repo = make();
    repo.write('.value/config.yaml', 'releaseBranches: ["rel-*"]\n');
    assert.strictEqual((await cli(repo.dir, 'check', '--branch', 'release/2.5.0')).code, 0);
    assert.strictEqual((await cli(repo.dir, 'check', '--branch', 'rel-7')).code, 1);
    const bad = await cli(repo.dir, 'check', '--branch', '--oops');
    assert.strictEqual(bad.code, 2);
    const bad2 = await cli(repo.dir, 'check', '--branch', 'a..b');
    assert.strictEqual(bad2.code, 2);
    assert.match(bad2.err.join(''), /not a valid branch name/);
  });
});
