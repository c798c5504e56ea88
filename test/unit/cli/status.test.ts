import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { StatusJson } from '../../../src/cli/statusCommand';
import { GIT_ENV, TempRepo } from '../git/tempRepo';
import { assertRefused, cli, cliWithEnv, intentYaml, spawnBin, valueRepo, writeIntents } from './cliRun';

function parseOne(lines: readonly string[]): StatusJson {
  return JSON.parse(lines.join('\n')) as StatusJson;
}


describe('value-lens status (CLI on real git)', () => {
  let repo: TempRepo;
  const extra: TempRepo[] = [];
  afterEach(() => {
    repo.remove();
    for (const r of extra.splice(0)) r.remove();
  });

  /** The feature branch of the engine's own coverage test: every linking rule once. */
  function featureBranch(): { base: string; linked: string; viaCommit: string; unknownOnly: string; plain: string } {
    const made = valueRepo();
    repo = made.repo;
    repo.git('checkout', '-q', '-b', 'feature/checkout-speed-retry');
    const linked = repo.commit('Speed up pay\n\nIntent: checkout-speed\n', ['src/checkout/pay.ts']);
    const viaCommit = repo.commit('Misc helper\n\nIntent: search, ghost\n', ['src/util/misc.ts']);
    const unknownOnly = repo.commit('Legacy fix\n\nIntent: ghost-two\n', ['src/checkout/legacy/old.ts']);
    const plain = repo.commit('No trailer', ['src/other/new.ts']);
    repo.write('src/checkout/wip.ts', 'wip\n');
    repo.write('notes.txt', 'x\n');
    return { base: made.base, linked, viaCommit, unknownOnly, plain };
  }

  it('--json: branch, base, intents and coverage by the linking rules of PRODUCT.md §2', async () => {
    const { unknownOnly, plain } = featureBranch();
    const r = await cli(repo.dir, 'status', '--json');
    assert.strictEqual(r.code, 0, r.err.join('\n'));
    assert.deepStrictEqual(r.err, []);
    // Commits: 2 of 4 linked (a branch-name match links none; `ghost-two` alone does not link).
    // Files: pay.ts (paths + trailer), misc.ts (linked commit), wip.ts (paths, uncommitted) are
    // linked; legacy/old.ts (excluded by `!`, unknown id only), new.ts and notes.txt are not.
    assert.deepStrictEqual(parseOne(r.out), {
      branch: 'feature/checkout-speed-retry',
      head: plain,
      base: 'main',
      intents: ['checkout-speed', 'search'],
      commits: { total: 4, linked: 2 },
      files: { total: 6, linked: 3 },
      unlinkedCommits: [plain, unknownOnly],
      unknownIntents: ['ghost-two', 'ghost'],
    });
  });

  it('text: short lines for a terminal, paths relative to the working folder', async () => {
    const { viaCommit, unknownOnly, plain } = featureBranch();
    const short = (sha: string): string => sha.slice(0, 7);
    const r = await cli(path.join(repo.dir, 'src'), 'status');
    assert.strictEqual(r.code, 0, r.err.join('\n'));
    assert.deepStrictEqual(r.err, []);
    assert.deepStrictEqual(r.out, [
      `On branch feature/checkout-speed-retry at ${short(plain)}, base main`,
      'Intents:',
      '  checkout-speed  Title of checkout-speed  (branch pattern, branch name, commit trailer)',
      '  search          Title of search  (commit trailer)',
      'Commits: 2 of 4 linked (50%)',
      'Files:   3 of 6 linked (50%)',
      'Unlinked commits:',
      `  ${short(plain)} No trailer`,
      `  ${short(unknownOnly)} Legacy fix`,
      'Unlinked files:',
      '  checkout/legacy/old.ts',
      '  other/new.ts',
      '  ../notes.txt (uncommitted)',
      'Unknown intent ids in trailers:',
      `  ghost-two (${short(unknownOnly)})`,
      `  ghost (${short(viaCommit)})`,
    ]);
  });

  it('detached HEAD: branch null, head is the commit', async () => {
    const { linked } = featureBranch();
    repo.git('checkout', '-q', '--detach', linked);
    const json = await cli(repo.dir, 'status', '--json');
    assert.strictEqual(json.code, 0, json.err.join('\n'));
    const status = parseOne(json.out);
    assert.strictEqual(status.branch, null);
    assert.strictEqual(status.head, linked);
    assert.strictEqual(status.base, 'main');
    assert.deepStrictEqual(status.intents, ['checkout-speed']);
    assert.deepStrictEqual(status.commits, { total: 1, linked: 1 });
    const text = await cli(repo.dir, 'status');
    assert.strictEqual(text.out[0], `HEAD detached at ${linked.slice(0, 7)}, base main`);
  });

  it('unborn branch: head and base null, uncommitted files still counted', async () => {
    repo = TempRepo.create({ branch: 'trunk' });
    writeIntents(repo, '', { docs: intentYaml('docs', ['*.md']) });
    repo.write('README.md', 'hello\n');
    const json = await cli(repo.dir, 'status', '--json');
    assert.strictEqual(json.code, 0, json.err.join('\n'));
    assert.deepStrictEqual(parseOne(json.out), {
      branch: 'trunk',
      head: null,
      base: null,
      intents: [],
      commits: { total: 0, linked: 0 },
      // README.md; the new .value/ file is Value Lens's own, not work to link.
      files: { total: 1, linked: 1 },
      unlinkedCommits: [],
      unknownIntents: [],
    });
    const text = await cli(repo.dir, 'status');
    assert.deepStrictEqual(text.out.slice(0, 4), ['On branch trunk, no commits yet', 'Intents: none', 'Commits: none compared', 'Files:   1 of 1 linked (100%)']);
  });

  it('says why when there is no base branch, and still answers', async () => {
    repo = TempRepo.create({ branch: 'work' });
    writeIntents(repo, '', { docs: intentYaml('docs', ['*.md']) });
    repo.git('add', '.');
    const head = repo.commit('start');
    const r = await cli(repo.dir, 'status');
    assert.strictEqual(r.code, 0, r.err.join('\n'));
    assert.strictEqual(r.out[0], `On branch work at ${head.slice(0, 7)}, no base branch`);
    assert.match(r.out[1] ?? '', /^Note: No base branch: set baseBranch in \.value\/config\.yaml/);
  });

  it('finds .value/ above the folder given, up to the repository top level', async () => {
    repo = TempRepo.create();
    // A workspace folder below the top level: paths and coverage are relative to it.
    writeIntents(repo, 'app', { api: intentYaml('api', ['lib/**']) });
    repo.git('add', '.');
    repo.commit('base', ['app/lib/a.ts', 'other/b.ts']);
    repo.git('checkout', '-q', '-b', 'topic');
    const sha = repo.commit('Work\n\nIntent: api\n', ['app/lib/a.ts', 'other/b.ts']);
    fs.mkdirSync(path.join(repo.dir, 'app/lib/deep'));
    const r = await cli(repo.dir, 'status', 'app/lib/deep', '--json');
    assert.strictEqual(r.code, 0, r.err.join('\n'));
    const status = parseOne(r.out);
    assert.deepStrictEqual([status.intents, status.commits, status.files, status.head], [['api'], { total: 1, linked: 1 }, { total: 1, linked: 1 }, sha]);
  });

  it('exit 2 with one line: not a repository, no .value/, no such folder, bad arguments', async () => {
    repo = TempRepo.create({ init: false });
    writeIntents(repo, '', { docs: intentYaml('docs') });
    assertRefused(await cli(repo.dir, 'status'), /is not inside a git repository/);
    assertRefused(await cli(repo.dir, 'status', '--json'), /is not inside a git repository/);

    const bare = TempRepo.create();
    extra.push(bare);
    bare.write('src/x.ts');
    assertRefused(await cli(path.join(bare.dir, 'src'), 'status'), new RegExp(`no \\.value/ folder in .*src or above it up to the repository top level ${bare.dir}$`));
    assertRefused(await cli(bare.dir, 'status'), new RegExp(`no \\.value/ folder in ${bare.dir}$`));

    assertRefused(await cli(repo.dir, 'status', 'missing'), /no such folder: missing/);
    assertRefused(await cli(repo.dir, 'status', 'a', 'b'), /at most one folder/);
    assertRefused(await cli(repo.dir, 'status', '--format', 'yaml'), /--format must be text, json or md/);
  });

  it('runs as the bundled bin: exit 0 and exactly one JSON object; exit 2 when git is missing', function () {
    this.timeout(10000);
    featureBranch();
    const json = spawnBin(repo.dir, ['status', '--json']);
    assert.strictEqual(json.status, 0, json.stderr);
    assert.strictEqual(json.stderr, '');
    const parsed: unknown = JSON.parse(json.stdout);
    assert.ok(parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed));
    assert.deepStrictEqual(Object.keys(parsed), ['branch', 'head', 'base', 'intents', 'commits', 'files', 'unlinkedCommits', 'unknownIntents']);
    const text = spawnBin(repo.dir, ['status']);
    assert.strictEqual(text.status, 0, text.stderr);
    assert.match(text.stdout, /^On branch feature\/checkout-speed-retry at [0-9a-f]{7}, base main\n/);

    const noGit = spawnBin(repo.dir, ['status'], { ...process.env, PATH: path.join(repo.dir, 'no-such-bin') });
    assert.strictEqual(noGit.status, 2);
    assert.strictEqual(noGit.stdout, '');
    assert.match(noGit.stderr, /^value-lens: Git was not found \(tried to run "git"\); install git or put it on PATH to see branch and commit links\.\n$/);
  });
});

describe('value-lens status in CI checkouts (real git)', () => {
  const repos: TempRepo[] = [];
  afterEach(() => {
    for (const r of repos.splice(0)) r.remove();
  });

  /** A clone as CI makes it: a detached checkout of the pull request's head, origin/main but no local main. */
  function ciClone(baseBranch: string | undefined): { clone: TempRepo; base: string; head: string } {
    const { repo: origin, base } = valueRepo();
    repos.push(origin);
    if (baseBranch !== undefined) {
      origin.write('.value/config.yaml', `baseBranch: ${baseBranch}\n`);
      origin.git('add', '.value/config.yaml');
      origin.commit('Configure the base', []);
    }
    origin.git('checkout', '-q', '-b', 'feature/pr');
    origin.commit('PR work\n\nIntent: search\n', ['src/search/pr.ts']);
    origin.commit('More PR work', ['src/util/pr.ts']);
    const clone = TempRepo.create({ init: false });
    repos.push(clone);
    clone.git('clone', '-q', '--no-checkout', `file://${origin.dir}`, '.');
    const head = origin.head();
    clone.git('checkout', '-q', '--detach', head);
    for (const branch of clone.git('for-each-ref', '--format=%(refname:short)', 'refs/heads/').split('\n').filter(Boolean)) clone.git('branch', '-D', branch);
    clone.git('remote', 'set-head', 'origin', '--delete');
    return { clone, base: baseBranch !== undefined ? origin.git('rev-parse', 'main').trim() : base, head };
  }

  it('finds a configured base through origin/<base> when there is no local branch', async () => {
    const { clone } = ciClone('main');
    const json = await cli(clone.dir, 'status', '--json');
    assert.strictEqual(json.code, 0, json.err.join('\n'));
    const status = JSON.parse(json.out.join('\n')) as StatusJson;
    assert.strictEqual(status.base, 'origin/main');
    // git's own count of the commits ahead: two, one linked.
    assert.strictEqual(Number(clone.git('rev-list', '--count', 'origin/main..HEAD').trim()), 2);
    assert.deepStrictEqual(status.commits, { total: 2, linked: 1 });
  });

  it('compares with the pull request\'s target: GITHUB_BASE_REF, CI_MERGE_REQUEST_TARGET_BRANCH_NAME, or --base', async () => {
    const { clone } = ciClone(undefined);
    clone.git('update-ref', 'refs/remotes/origin/release', clone.git('rev-parse', 'HEAD~1').trim());
    const base = async (env: NodeJS.ProcessEnv, ...args: string[]): Promise<string | null> => {
      const r = await cliWithEnv(clone.dir, { ...GIT_ENV, ...env }, 'status', '--json', ...args);
      assert.strictEqual(r.code, 0, r.err.join('\n'));
      return (JSON.parse(r.out.join('\n')) as StatusJson).base;
    };
    assert.strictEqual(await base({}), 'origin/main');
    assert.strictEqual(await base({ GITHUB_BASE_REF: 'release' }), 'origin/release');
    assert.strictEqual(await base({ CI_MERGE_REQUEST_TARGET_BRANCH_NAME: 'release' }), 'origin/release');
    assert.strictEqual(await base({ GITHUB_BASE_REF: 'release' }, '--base', 'main'), 'origin/main');
    assertRefused(await cliWithEnv(clone.dir, GIT_ENV, 'status', '--base=-h'), /--base: "-h" is not a valid branch name/);
    assertRefused(await cliWithEnv(clone.dir, { ...GIT_ENV, GITHUB_BASE_REF: 'a..b' }, 'status'), /GITHUB_BASE_REF: "a..b" is not a valid branch name/);
  });
});
