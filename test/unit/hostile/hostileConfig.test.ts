import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { BranchOps } from '../../../src/core/git/branchOps';
import { SimpleGitPort } from '../../../src/core/git/simpleGitPort';
import { spawnBin, valueRepo } from '../cli/cliRun';
import { GIT_ENV } from '../git/tempRepo';
import type { TempRepo } from '../git/tempRepo';
import { inTerminal, Traps, userGit } from './traps';

// The git commands Value Lens runs; an alias with one of these names must never run.
const OUR_COMMANDS = ['log', 'status', 'diff', 'rev-parse', 'for-each-ref', 'merge-base', 'symbolic-ref', 'show-ref', 'ls-tree', 'cat-file', 'config'];
const HOOKS = ['pre-commit', 'post-commit', 'post-checkout', 'post-index-change', 'reference-transaction', 'pre-auto-gc', 'fsmonitor-watchman'];

/** Rewrites commit `sha` with a (fake) PGP signature header, so `log --show-signature` asks gpg.program. */
function signed(repo: TempRepo, sha: string): string {
  const raw = repo.git('cat-file', 'commit', sha);
  const [header, ...message] = raw.split('\n\n');
  const signature = 'gpgsig -----BEGIN PGP SIGNATURE-----\n \n iQEzBAABCAAdFiEE\n -----END PGP SIGNATURE-----';
  return repo.gitInput(`${header}\n${signature}\n\n${message.join('\n\n')}`, 'hash-object', '-t', 'commit', '-w', '--stdin').trim();
}

/**
 * A repository that would run a program for every setting the issue names: pager, fsmonitor,
 * editor, external diff, hooks, aliases shadowing built-ins, gpg with log.showSignature, ssh,
 * clean/smudge/process filters and a textconv driver on the files our scans list.
 */
function hostileRepo(traps: Traps): { repo: TempRepo; signedSha: string } {
  const { repo } = valueRepo();
  repo.write('.gitattributes', '*.ts filter=evil diff=evil\n*.md filter=evilproc\n');
  repo.git('checkout', '-q', '-b', 'feature/checkout-fast');
  repo.git('add', '--', '.gitattributes');
  repo.commit('Faster pay\n\nIntent: checkout-speed\n', ['src/checkout/pay.ts']);
  const toSign = repo.commit('Find faster\n\nIntent: search\n', ['src/search/find.ts']);
  const signedSha = signed(repo, toSign);
  repo.git('update-ref', 'refs/heads/feature/checkout-fast', signedSha);
  repo.commit('Reword the readme\n', ['README.md']);
  repo.git('branch', 'release/9.9', 'main');
  // Old timestamps, recorded in the index: no tracked file is "racily clean", so a status
  // need not re-read (and filter) any file whose size is unchanged.
  const past = new Date('2020-01-01T00:00:00Z');
  for (const f of repo.git('ls-files', '-z').split('\0').filter(Boolean)) fs.utimesSync(path.join(repo.dir, f), past, past);
  repo.git('update-index', '-q', '--refresh');
  repo.write('src/util/misc.ts', 'changed, and longer than before\n');
  repo.write('src/new.ts', 'untracked\n');

  const hooks = path.join(traps.dir, 'hooks');
  fs.mkdirSync(hooks);
  for (const h of HOOKS) fs.renameSync(traps.program(`hook-${h}`), path.join(hooks, h));
  const settings: [string, string][] = [
    ['core.pager', traps.program('pager', 'cat')],
    ['core.fsmonitor', traps.program('fsmonitor')],
    ['core.editor', traps.program('editor')],
    ['diff.external', traps.program('diff-external')],
    ['core.hooksPath', hooks],
    ...OUR_COMMANDS.map((c): [string, string] => [`alias.${c}`, `!${traps.program(`alias-${c}`)}`]),
    ['alias.lg', `!${traps.program('alias-lg')}`],
    ['gpg.program', traps.program('gpg')],
    ['log.showSignature', 'true'],
    ['core.sshCommand', traps.program('ssh')],
    ['filter.evil.clean', traps.program('filter-clean', 'cat')],
    ['filter.evil.smudge', traps.program('filter-smudge', 'cat')],
    ['filter.evilproc.process', traps.program('filter-process')],
    ['diff.evil.textconv', traps.program('textconv', 'cat "$1"')],
  ];
  for (const [key, value] of settings) repo.git('config', key, value);
  return { repo, signedSha };
}

describe('a repository whose .git/config runs programs (hostile config, trusted workspace)', function () {
  this.timeout(60000);
  let traps: Traps;
  let repo: TempRepo;
  let signedSha: string;
  before(() => {
    traps = new Traps();
    ({ repo, signedSha } = hostileRepo(traps));
  });
  beforeEach(() => traps.clear());
  after(() => {
    repo.remove();
    traps.remove();
  });

  /** `run` starts the trap `name`: proves the setting is live in this repository. */
  function fires(name: string, run: () => unknown): void {
    traps.clear();
    run();
    assert.ok(traps.fired().includes(name), `${name} did not run; ran: ${traps.fired().join(', ') || 'nothing'}`);
  }

  it('every trap runs when git is used the ordinary way (the controls)', () => {
    const noEditorEnv = { ...GIT_ENV, GIT_EDITOR: undefined, EDITOR: undefined, VISUAL: undefined };
    fires('fsmonitor', () => userGit(repo.dir, ['status']));
    fires('hook-pre-commit', () => userGit(repo.dir, ['commit', '--allow-empty', '-m', 'x']));
    fires('editor', () => userGit(repo.dir, ['commit', '--allow-empty', '--no-verify'], noEditorEnv));
    fires('diff-external', () => userGit(repo.dir, ['diff', 'HEAD~3', 'HEAD']));
    fires('textconv', () => userGit(repo.dir, ['log', '-p', '--no-ext-diff', '-1', `${signedSha}~1`]));
    fires('gpg', () => userGit(repo.dir, ['log', '-1', signedSha]));
    fires('alias-lg', () => userGit(repo.dir, ['lg']));
    fires('ssh', () => userGit(repo.dir, ['ls-remote', 'ssh://git@example.invalid/x.git']));
    fires('filter-clean', () => userGit(repo.dir, ['hash-object', '--path=src/a.ts', 'README.md']));
    fires('filter-smudge', () => userGit(repo.dir, ['cat-file', '--filters', 'HEAD:src/checkout/pay.ts']));
    fires('filter-process', () => userGit(repo.dir, ['hash-object', '--path=README.md', 'README.md']));
    if (inTerminal(repo.dir, 'git log -1') !== undefined) assert.ok(traps.fired().includes('pager'), 'the pager did not run in a terminal');
  });

  it('git ignores aliases that shadow the built-in commands we run', () => {
    for (const command of OUR_COMMANDS) {
      const r = userGit(repo.dir, [command, '-h']);
      // `-h` prints the built-in's usage (exit 129); an alias would have run the trap instead.
      assert.strictEqual(r.status, 129, `git ${command} -h`);
    }
    assert.deepStrictEqual(traps.fired(), []);
  });

  it('the engine reads state, commits, changed, uncommitted files and file history, starting none of them', async () => {
    const port = new SimpleGitPort(repo.dir);
    const state = await port.readState();
    assert.strictEqual(state.head.kind === 'branch' && state.head.branch, 'feature/checkout-fast');
    const mergeBase = state.base?.mergeBase;
    assert.ok(mergeBase);
    // What a scan runs: the boundary log and the file lists of the commits with a trailer line.
    const ahead = (await port.branchLog(mergeBase, 'Intent'))?.commits ?? [];
    assert.deepStrictEqual(ahead.map((c) => c.subject), ['Reword the readme', 'Find faster', 'Faster pay']);
    assert.deepStrictEqual([...(await port.filesOfTrailerCommits(mergeBase, 'Intent')).values()].flat().sort(), ['.gitattributes', 'src/checkout/pay.ts', 'src/search/find.ts']);
    assert.deepStrictEqual(ahead.find((c) => c.sha === signedSha)?.trailerIds, ['search']);
    assert.deepStrictEqual((await port.changedFiles(mergeBase)).map((f) => f.path).sort(), ['.gitattributes', 'README.md', 'src/checkout/pay.ts', 'src/search/find.ts']);
    assert.deepStrictEqual((await port.uncommittedFiles()).map((f) => f.path).sort(), ['src/new.ts', 'src/util/misc.ts']);
    assert.deepStrictEqual((await port.commitsTouching('src/checkout/pay.ts', 10, 'Intent')).map((c) => c.subject), ['Faster pay', 'base']);
    assert.strictEqual((await port.commitHistory('Intent')).length, 4);

    const ops = new BranchOps(repo.dir);
    assert.ok((await ops.branches()).some((b) => b.name === 'main'));
    assert.strictEqual((await ops.commitsBetween(undefined, 'HEAD', 'Intent')).length, 4);
    assert.strictEqual((await ops.filesAt('HEAD', '.value', true)).length, 2);
    assert.strictEqual(await ops.hasUncommittedChanges(), true);
    assert.deepStrictEqual(traps.fired(), []);
  });

  it('the CLI (status in every format, why, report in every format, check --branch) starts none of them', () => {
    const runs = [
      ['status'],
      ['status', '--json'],
      ['status', '--format', 'md'],
      ['why', 'src/checkout/pay.ts'],
      ['report', '--format', 'html'],
      ['report', '--format', 'md'],
      ['report', '--format', 'json'],
    ].map((args) => ({ args, run: spawnBin(repo.dir, args) }));
    for (const { args, run } of runs) assert.strictEqual(run.status, 0, `value-lens ${args.join(' ')}: ${run.stderr}`);
    assert.match(runs[0]!.run.stdout, /^On branch feature\/checkout-fast at [0-9a-f]{7}, base main$/m);
    assert.match(runs[0]!.run.stdout, /^Commits: 2 of 3 linked \(67%\)$/m);
    assert.match(runs[3]!.run.stdout, /checkout-speed .*\(paths glob, commit trailer\)/);
    // A release branch without a statement: check reads its tree from git and fails (exit 1).
    const check = spawnBin(repo.dir, ['check', '--branch', 'release/9.9']);
    assert.strictEqual(check.status, 1, check.stderr);
    assert.match(check.stdout, /release\/9\.9 is a release branch without a value statement/);
    assert.deepStrictEqual(traps.fired(), []);
  });

  it('relies on workspace trust for clean filters: status re-reads a file whose timestamp changed through the filter, as git status does', async () => {
    // Same size, new timestamp: git must compare the content, which goes through the clean filter.
    // Neutralising filters would report every such file (e.g. each Git LFS file) as changed.
    const file = path.join(repo.dir, 'src/checkout/pay.ts');
    fs.utimesSync(file, new Date(), new Date());
    try {
      assert.deepStrictEqual((await new SimpleGitPort(repo.dir).uncommittedFiles()).map((f) => f.path).sort(), ['src/new.ts', 'src/util/misc.ts']);
      assert.deepStrictEqual(traps.fired(), ['filter-clean']);
    } finally {
      const past = new Date('2020-01-01T00:00:00Z');
      fs.utimesSync(file, past, past);
    }
  });
});
