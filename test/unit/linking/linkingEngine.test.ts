import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { CommitRecord } from '../../../src/core/git/commitLog';
import type { BranchLogOptions, GitPort, RepoState } from '../../../src/core/git/gitPort';
import { NotARepositoryError } from '../../../src/core/git/gitErrors';
import { SimpleGitPort } from '../../../src/core/git/simpleGitPort';
import { isFullScan, LinkingEngine } from '../../../src/core/linking/linkingEngine';
import type { BranchCommits } from '../../../src/core/linking/branchScan';
import { sameCommits } from '../../../src/core/linking/branchScan';
import type { LinkingModel } from '../../../src/core/linking/linkingEngine';
import { DEFAULT_CONFIG } from '../../../src/core/model/types';
import { TempRepo } from '../git/tempRepo';
import { intent } from './intents';

const MODEL: LinkingModel = {
  config: DEFAULT_CONFIG,
  intents: [
    intent('checkout-speed', ['src/checkout/**', '!src/checkout/legacy/**'], ['feature/checkout-*']),
    intent('search', ['src/search/**']),
    intent('docs', ['*.md']),
  ],
};

describe('linking engine on real repositories', () => {
  let repo: TempRepo;
  let base: string;
  afterEach(() => repo.remove());

  /** main with a few files; then a feature branch with a mix of linked and unlinked commits. */
  function featureRepo(branch = 'feature/checkout-speed-retry'): void {
    repo = TempRepo.create();
    base = repo.commit('base', ['src/checkout/pay.ts', 'src/checkout/legacy/old.ts', 'src/search/find.ts', 'src/util/misc.ts', 'README.md']);
    repo.git('checkout', '-q', '-b', branch);
  }

  /** feature/x with one linked commit, then main moves on and is merged into feature/x: two boundary commits. */
  function branchWithBaseMergedIn(): void {
    featureRepo('feature/x');
    repo.commit('Mine\n\nIntent: search\n', ['src/search/mine.ts']);
    repo.git('checkout', '-q', 'main');
    repo.commit('On main meanwhile', ['src/util/main-only.ts']);
    repo.git('checkout', '-q', 'feature/x');
    repo.git('merge', '-q', '--no-edit', 'main');
  }

  it('computes branch intents, commits and coverage by the exact rules', async () => {
    featureRepo();
    const linked = repo.commit('Speed up pay\n\nIntent: checkout-speed\n', ['src/checkout/pay.ts']);
    const viaCommit = repo.commit('Misc helper\n\nIntent: search, ghost\n', ['src/util/misc.ts']);
    const unknownOnly = repo.commit('Legacy fix\n\nIntent: ghost-two\n', ['src/checkout/legacy/old.ts']);
    const plain = repo.commit('No trailer', ['src/other/new.ts']);
    repo.write('src/checkout/wip.ts', 'wip\n');
    repo.write('notes.txt', 'x\n');
    const scan = await new LinkingEngine(repo.dir, new SimpleGitPort(repo.dir), MODEL).refresh();

    assert.strictEqual(scan.branch, 'feature/checkout-speed-retry');
    assert.strictEqual(scan.state.base?.mergeBase, base);
    assert.deepStrictEqual(scan.intents, [
      { id: 'checkout-speed', reasons: ['pattern', 'name', 'commit'] },
      { id: 'search', reasons: ['commit'] },
    ]);
    assert.deepStrictEqual(scan.commits.map((c) => [c.sha, c.intents, c.unknownIds]), [
      [plain, [], []],
      [unknownOnly, [], ['ghost-two']],
      [viaCommit, ['search'], ['ghost']],
      [linked, ['checkout-speed'], []],
    ]);
    assert.deepStrictEqual(scan.unknownTrailers, [
      { sha: unknownOnly, id: 'ghost-two' },
      { sha: viaCommit, id: 'ghost' },
    ]);
    assert.deepStrictEqual(scan.coverage.commits, { total: 4, linked: 2 });
    assert.deepStrictEqual(scan.coverage.unlinkedCommits, [plain, unknownOnly]);
    // pay.ts: paths + linked commit; misc.ts: linked commit only; legacy/old.ts: excluded by !, its
    // commit names only an unknown id; new.ts: nothing; wip.ts: uncommitted, covered by paths; notes.txt: nothing.
    assert.deepStrictEqual(scan.files.map((f) => [f.path, f.linked, f.uncommitted]), [
      ['src/checkout/legacy/old.ts', false, false],
      ['src/checkout/pay.ts', true, false],
      ['src/other/new.ts', false, false],
      ['src/util/misc.ts', true, false],
      ['notes.txt', false, true],
      ['src/checkout/wip.ts', true, true],
    ]);
    assert.deepStrictEqual(scan.coverage.files, { total: 6, linked: 3 });
    assert.deepStrictEqual(scan.coverage.unlinkedFiles, ['src/checkout/legacy/old.ts', 'src/other/new.ts', 'notes.txt']);
  });

  it('links a file no paths cover only through a linked commit that touched it', async () => {
    featureRepo();
    repo.commit('Unlinked work', ['src/util/only-unlinked.ts', 'src/util/both.ts']);
    const linked = repo.commit('Linked work\n\nIntent: search\n', ['src/util/only-linked.ts', 'src/util/both.ts']);
    repo.commit('Prose that mentions the key\n\nIntent: search is what this is not about.\nMore prose.\n', ['src/util/prose.ts']);
    repo.commit('Unknown intent only\n\nIntent: ghost\n', ['src/util/ghost.ts']);
    const scan = await new LinkingEngine(repo.dir, new SimpleGitPort(repo.dir), MODEL).refresh();
    const linkedness = Object.fromEntries(scan.files.map((f) => [f.path, f.linkedBy]));
    assert.deepStrictEqual(linkedness, {
      'src/util/both.ts': [linked],
      'src/util/ghost.ts': [],
      'src/util/only-linked.ts': [linked],
      'src/util/only-unlinked.ts': [],
      'src/util/prose.ts': [],
    });
    assert.deepStrictEqual(scan.coverage.unlinkedFiles, ['src/util/ghost.ts', 'src/util/only-unlinked.ts', 'src/util/prose.ts']);
    assert.deepStrictEqual(
      scan.commits.map((c) => c.files),
      [[], [], ['src/util/both.ts', 'src/util/only-linked.ts'], []],
      'only linked commits carry their files',
    );
  });

  it('links deleted and renamed files and names with spaces, unicode or a leading dash', async () => {
    featureRepo();
    repo.commit('more base', ['src/util/old name.ts', 'src/util/gone.ts']);
    repo.git('branch', '-f', 'main');
    const names = ['src/util/with space.ts', 'src/util/ünïcödé.ts', '-dash.ts', 'src/util/--all'];
    repo.commit('Names\n\nIntent: search\n', names);
    repo.git('mv', 'src/util/old name.ts', 'src/util/new name.ts');
    repo.git('rm', '-q', 'src/util/gone.ts');
    repo.commit('Move and delete\n\nintent: checkout-speed\n');
    const scan = await new LinkingEngine(repo.dir, new SimpleGitPort(repo.dir), MODEL).refresh();
    assert.deepStrictEqual(
      scan.files.map((f) => [f.path, f.status, f.linked]).sort(),
      [
        ['-dash.ts', 'A', true],
        ['src/util/--all', 'A', true],
        ['src/util/gone.ts', 'D', true],
        // A rename is one file, as git counts it.
        ['src/util/new name.ts', 'R', true],
        ['src/util/with space.ts', 'A', true],
        ['src/util/ünïcödé.ts', 'A', true],
      ],
    );
    assert.deepStrictEqual(scan.coverage.files, { total: 6, linked: 6 });
  });

  it('finds the files of a linked commit whose trailer key is spelled through a git config alias', async () => {
    featureRepo();
    // `i: search` is read as `Intent: search` by git's trailer parser, but no line starts with "Intent".
    repo.git('config', 'trailer.i.key', 'Intent');
    const aliased = repo.commit('Aliased\n\ni: search\n', ['src/util/aliased.ts']);
    repo.commit('Plain\n\nIntent: search\n', ['src/util/plain.ts']);
    const port = new CountingPort(new SimpleGitPort(repo.dir));
    const scan = await new LinkingEngine(repo.dir, port, MODEL).refresh();
    assert.deepStrictEqual(scan.commits.find((c) => c.sha === aliased)?.intents, ['search']);
    assert.deepStrictEqual(scan.coverage.files, { total: 2, linked: 2 });
    assert.strictEqual(port.calls.filesOfCommits, 1, 'one extra git call for the commit the --grep listing missed');
  });

  it('on a rescan asks git only for the files of linked commits it has not seen, and stays exact', async () => {
    featureRepo();
    repo.commit('First\n\nIntent: search\n', ['src/util/first.ts']);
    repo.commit('Names an intent that does not exist yet\n\nIntent: later\n', ['src/util/later.ts']);
    const port = new CountingPort(new SimpleGitPort(repo.dir));
    const engine = new LinkingEngine(repo.dir, port, MODEL);
    assert.deepStrictEqual((await engine.refresh()).coverage.unlinkedFiles, ['src/util/later.ts']);
    repo.commit('Second\n\nIntent: search\n', ['src/util/second.ts']);
    repo.commit('Unlinked', ['src/util/plain.ts']);
    assert.deepStrictEqual((await engine.refresh()).coverage.unlinkedFiles, ['src/util/later.ts', 'src/util/plain.ts']);
    assert.deepStrictEqual(port.calls, { locate: 2, branchLog: 2, mergeBase: 0, trailerIdsTouching: 0, trailerIdsOfFile: 0, filesOfTrailerCommits: 1, filesOfCommits: 1, changedFiles: 2, uncommittedFiles: 2, countedCommits: 1, countedBeyond: 1 });
    // A new intent links a commit seen before: its files are known already.
    engine.setModel({ ...MODEL, intents: [...MODEL.intents, intent('later')] });
    const scan = await engine.refresh();
    assert.deepStrictEqual(scan.coverage.unlinkedFiles, ['src/util/plain.ts']);
    assert.deepStrictEqual(scan.files.find((f) => f.path === 'src/util/later.ts')?.linkedBy, [scan.commits[2]?.sha]);
    assert.strictEqual(port.calls.filesOfCommits, 1);
  });

  it('tells the branch, its intents and commits before git has listed the changed files', async () => {
    featureRepo('feature/search');
    const linked = repo.commit('Faster\n\nIntent: checkout-speed\n', ['src/checkout/pay.ts']);
    repo.commit('Plain', ['src/util/misc.ts']);
    const port = new CountingPort(new SimpleGitPort(repo.dir));
    const early: { intents: string[]; commits: number; filesAsked: number; hasFiles: boolean }[] = [];
    const engine = new LinkingEngine(repo.dir, port, MODEL, {
      onBranchCommits: (c) => early.push({ intents: c.intents.map((i) => i.id), commits: c.coverage.commits.linked, filesAsked: port.calls.uncommittedFiles, hasFiles: isFullScan(c) }),
    });
    const scan = await engine.refresh();
    assert.deepStrictEqual(early, [{ intents: ['checkout-speed', 'search'], commits: 1, filesAsked: 0, hasFiles: false }]);
    assert.deepStrictEqual(scan.intents.map((i) => i.id), ['checkout-speed', 'search']);
    assert.ok(isFullScan(scan));
    assert.deepStrictEqual(scan.coverage.files, { total: 2, linked: 1 });
    // The first half alone starts no status, diff or file listing.
    const half = await new LinkingEngine(repo.dir, port, MODEL).scanCommits();
    assert.deepStrictEqual(half.coverage.unlinkedCommits.length, 1);
    assert.strictEqual(half.commits.find((c) => c.sha === linked)?.files.length, 0);
    assert.strictEqual(port.calls.uncommittedFiles, 1);
    assert.strictEqual(port.calls.changedFiles, 1);
  });

  it('counts the folder\'s own work only: not merges, not commits that change only .value/, and in a monorepo only commits that touch the folder', async () => {
    repo = TempRepo.create();
    repo.commit('base', ['api/src/a.ts', 'web/src/b.ts', 'api/.value/intents/search.yaml']);
    repo.git('checkout', '-q', '-b', 'feature/x');
    const inApi = repo.commit('API work\n\nIntent: search\n', ['api/src/a.ts']);
    repo.commit('Web work\n\nIntent: search\n', ['web/src/b.ts']);
    repo.commit('Describe the intent', ['api/.value/intents/search.yaml']);
    const both = repo.commit('Both', ['api/src/c.ts', 'web/src/d.ts']);
    const valueAndCode = repo.commit('Code and its intent', ['api/src/e.ts', 'api/.value/intents/search.yaml']);
    repo.git('checkout', '-q', 'main');
    repo.commit('On main', ['api/src/main.ts']);
    repo.git('checkout', '-q', 'feature/x');
    repo.git('merge', '-q', '--no-edit', 'main');
    repo.write('api/.value/intents/draft.yaml', 'id: draft\n');
    repo.write('api/notes.txt', 'wip\n');

    const folder = path.join(repo.dir, 'api');
    const scan = await new LinkingEngine(folder, new SimpleGitPort(folder), MODEL).refresh();
    // By hand: of the five commits ahead and the merge, three change api/ outside .value/.
    assert.deepStrictEqual(scan.commits.map((c) => c.sha), [valueAndCode, both, inApi]);
    assert.deepStrictEqual(scan.coverage.commits, { total: 3, linked: 1 });
    // Value Lens's own files are neither linked nor unlinked work.
    assert.deepStrictEqual(scan.files.map((f) => f.path).sort(), ['notes.txt', 'src/a.ts', 'src/c.ts', 'src/e.ts']);

    // At the top level every commit ahead but the merge changes files (api/.value/ is not its
    // .value/), until one changes only the top level's own .value/.
    const topEngine = new LinkingEngine(repo.dir, new SimpleGitPort(repo.dir), MODEL);
    assert.strictEqual((await topEngine.refresh()).coverage.commits.total, 5);
    repo.commit('Top-level intents', ['.value/intents/docs.yaml']);
    assert.strictEqual((await topEngine.refresh()).coverage.commits.total, 5);
    assert.strictEqual((await new LinkingEngine(folder, new SimpleGitPort(folder), MODEL).refresh()).coverage.commits.total, 3);
  });

  it('after a commit or a checkout asks git only about the commits it has not judged, and still counts as git does', async () => {
    repo = TempRepo.create();
    repo.commit('base', ['api/src/a.ts', 'web/src/b.ts', 'api/.value/intents/search.yaml']);
    repo.git('checkout', '-q', '-b', 'feature/x');
    repo.commit('API work', ['api/src/a.ts']);
    const folder = path.join(repo.dir, 'api');
    // The oracle: git's own walk with the rule as a pathspec, from the folder.
    const byGit = (): string[] => repo.git('-C', folder, 'log', '--format=%H', '--no-merges', '--full-history', 'main..HEAD', '--', '.', ':(exclude).value').split('\n').filter(Boolean).sort();
    const port = new CountingPort(new SimpleGitPort(folder));
    const engine = new LinkingEngine(folder, port, MODEL);
    const counted = async (): Promise<string[]> => (await engine.scanCommits()).commits.map((c) => c.sha).sort();
    assert.deepStrictEqual(await counted(), byGit());
    assert.strictEqual(port.calls.countedCommits, 1);

    const steps: Array<[string, () => string]> = [
      ['a commit that changes only .value/', () => repo.commit('Describe', ['api/.value/intents/search.yaml'])],
      ['work in the folder', () => repo.commit('More API', ['api/src/c.ts'])],
      ['work elsewhere in the repository', () => repo.commit('Web', ['web/src/d.ts'])],
      ['code and its intent together', () => repo.commit('Both', ['api/src/e.ts', 'api/.value/intents/search.yaml'])],
      ['a branch merged in', () => {
        repo.git('checkout', '-q', '-b', 'side', 'HEAD~2');
        repo.commit('On the side', ['api/src/side.ts']);
        repo.git('checkout', '-q', 'feature/x');
        repo.git('merge', '-q', '--no-edit', 'side');
        return repo.git('rev-parse', 'HEAD').trim();
      }],
    ];
    for (const [what, step] of steps) {
      const sha = step();
      port.countedAsked.length = 0;
      assert.deepStrictEqual(await counted(), byGit(), what);
      assert.ok(port.countedAsked.includes(sha), `${what}: the new commit is judged`);
      assert.ok(port.countedAsked.length <= 2, `${what}: only the new commits are judged, not ${port.countedAsked.length}`);
    }
    assert.strictEqual(port.calls.countedCommits, 1, 'the range is walked once, on the first scan');
    assert.strictEqual(port.calls.countedBeyond, steps.length);

    // Back to a commit seen before: every commit is known, git has none to judge.
    repo.git('reset', '-q', '--hard', 'HEAD~3');
    port.countedAsked.length = 0;
    assert.deepStrictEqual(await counted(), byGit());
    assert.deepStrictEqual(port.countedAsked, []);
    assert.strictEqual(port.calls.countedCommits, 1);

    // The base moved: the range is walked whole again, beside the log.
    repo.git('checkout', '-q', 'main');
    repo.commit('On main', ['api/src/main.ts']);
    repo.git('checkout', '-q', 'feature/x');
    repo.git('merge', '-q', '--no-edit', 'main');
    assert.deepStrictEqual(await counted(), byGit());
    assert.strictEqual(port.calls.countedCommits, 2);

    // A new engine judges the whole range in one walk, and agrees.
    const fresh = new LinkingEngine(folder, new SimpleGitPort(folder), MODEL);
    assert.deepStrictEqual((await fresh.scanCommits()).commits.map((c) => c.sha).sort(), byGit());
  });

  it('judges the commits beyond a seen one as the range walk does, in a sub-folder and at the top level', async () => {
    repo = TempRepo.create();
    repo.commit('base', ['api/src/a.ts', 'web/src/b.ts', 'api/.value/intents/search.yaml', '.value/intents/docs.yaml']);
    repo.git('checkout', '-q', '-b', 'feature/x');
    repo.commit('API work', ['api/src/a.ts']);
    repo.commit('Web work', ['web/src/b.ts']);
    repo.commit('API intent', ['api/.value/intents/search.yaml']);
    repo.commit('Top intent', ['.value/intents/docs.yaml']);
    repo.commit('API intent and web', ['api/.value/intents/search.yaml', 'web/src/x.ts']);
    repo.commit('Top intent and API', ['.value/intents/docs.yaml', 'api/src/y.ts']);
    repo.git('checkout', '-q', 'main');
    repo.commit('On main', ['web/src/main.ts']);
    repo.git('checkout', '-q', 'feature/x');
    repo.git('merge', '-q', '--no-edit', 'main');
    const base = repo.git('rev-parse', 'main').trim();
    const head = repo.git('rev-parse', 'HEAD').trim();
    const all = repo.git('log', '--format=%H', 'main..HEAD').split('\n').filter(Boolean);
    for (const folder of [repo.dir, path.join(repo.dir, 'api'), path.join(repo.dir, 'web')]) {
      const port = new SimpleGitPort(folder);
      await port.locate();
      const byGit = repo.git('-C', folder, 'log', '--format=%H', '--no-merges', '--full-history', 'main..HEAD', '--', '.', ':(exclude).value').split('\n').filter(Boolean).sort();
      assert.deepStrictEqual([...((await port.countedCommits(base, head)) ?? [])].sort(), byGit, `range walk in ${folder}`);
      const beyond = await port.countedBeyond(base, head, all[all.length - 1] ?? '', 100);
      assert.deepStrictEqual(beyond.listed.length, all.length - 1, `the commits above the oldest one in ${folder}`);
      assert.deepStrictEqual([...beyond.counted].sort(), byGit.filter((sha) => sha !== all[all.length - 1]), `beyond in ${folder}`);
    }
  });

  it('finds the merge-base of a branch that merged its base in, and counts only its own changes', async () => {
    branchWithBaseMergedIn();
    repo.commit('After the merge', ['src/util/after.ts']);
    const port = new CountingPort(new SimpleGitPort(repo.dir));
    const scan = await new LinkingEngine(repo.dir, port, MODEL).refresh();
    assert.strictEqual(scan.state.base?.mergeBase, repo.git('merge-base', 'main', 'HEAD').trim());
    assert.strictEqual(port.calls.mergeBase, 1, 'two boundary commits: git is asked for the merge-base');
    assert.deepStrictEqual(scan.files.map((f) => f.path).sort(), ['src/search/mine.ts', 'src/util/after.ts']);
    // The merge carries no work of its own: it counts neither as linked nor as unlinked.
    assert.strictEqual(scan.coverage.commits.total, 2, 'its two commits, not the merge');
  });

  it('after a save reads only the uncommitted files again; after a commit, the branch again', async () => {
    branchWithBaseMergedIn();
    const port = new CountingPort(new SimpleGitPort(repo.dir));
    const engine = new LinkingEngine(repo.dir, port, MODEL);
    await engine.refresh();
    repo.write('src/util/edited.ts', 'saved\n');
    const saved = await engine.refresh();
    assert.deepStrictEqual(saved.files.map((f) => [f.path, f.uncommitted]), [['src/search/mine.ts', false], ['src/util/edited.ts', true]]);
    assert.deepStrictEqual([port.calls.branchLog, port.calls.mergeBase, port.calls.changedFiles, port.calls.uncommittedFiles], [1, 1, 1, 2]);
    const added = repo.commit('Edited\n\nIntent: checkout-speed\n', ['src/util/edited.ts']);
    const committed = await engine.refresh();
    assert.strictEqual(committed.commits[0]?.sha, added);
    assert.deepStrictEqual(committed.files.find((f) => f.path === 'src/util/edited.ts')?.linkedBy, [added]);
    assert.deepStrictEqual([port.calls.branchLog, port.calls.mergeBase, port.calls.changedFiles, port.calls.uncommittedFiles], [2, 2, 2, 3]);
    // A new trailer key reads the log again, with the same HEAD.
    engine.setModel({ ...MODEL, config: { ...MODEL.config, trailer: 'Serves' } });
    assert.deepStrictEqual((await engine.refresh()).coverage.commits.linked, 0);
    assert.strictEqual(port.calls.branchLog, 3);
  });

  it('starts the branch log beside the lookup of HEAD and the base, first and after a commit, and keeps it only while the base stays', async () => {
    featureRepo('feature/x');
    const first = repo.commit('First\n\nIntent: search\n', ['src/search/first.ts']);
    const port = new CountingPort(new SimpleGitPort(repo.dir));
    const engine = new LinkingEngine(repo.dir, port, MODEL);
    // The first scan starts it against the base the ref files name.
    assert.deepStrictEqual((await engine.refresh()).commits.map((c) => c.sha), [first]);
    assert.deepStrictEqual(port.events, ['branchLog', 'locate', 'located']);
    // A save moves no ref: no log at all.
    repo.write('src/util/edited.ts', 'saved\n');
    await engine.refresh();
    assert.deepStrictEqual(port.events.slice(3), ['locate', 'located']);
    // A commit: the log against the last base runs beside the lookup, and its answer is kept.
    const second = repo.commit('Second\n\nIntent: checkout-speed\n', ['src/checkout/second.ts']);
    const afterCommit = await engine.refresh();
    assert.deepStrictEqual(port.events.slice(5), ['branchLog', 'locate', 'located']);
    assert.deepStrictEqual(afterCommit.commits.map((c) => c.sha), [second, first]);
    assert.strictEqual(port.calls.branchLog, 2, 'both early logs were kept');
    // The base moved too: the early log is stopped and the branch read again against the new base.
    repo.git('update-ref', 'refs/heads/main', first);
    const third = repo.commit('Third', ['src/util/third.ts']);
    const afterBaseMoved = await engine.refresh();
    assert.deepStrictEqual(afterBaseMoved.commits.map((c) => c.sha), [third, second]);
    assert.strictEqual(afterBaseMoved.state.base?.mergeBase, first);
    assert.strictEqual(port.calls.branchLog, 4);
    assert.deepStrictEqual(port.signals.map((s) => s.aborted), [false, false, true], 'the kept logs ran to their end, the other was stopped');
    assert.strictEqual(port.overlaps, 0);
  });

  it('links the commits against the intents as they are when the scan ends, also when they changed while git wrote the log', async () => {
    featureRepo('feature/x');
    const mine = repo.commit('Mine\n\nIntent: search\n', ['src/search/mine.ts']);
    const port = new CountingPort(new SimpleGitPort(repo.dir));
    const engine = new LinkingEngine(repo.dir, port, MODEL);
    // Once the log has started, linked as git writes it, `search` is deleted from `.value/`.
    port.afterBranchLogStarted = () => engine.setModel({ ...MODEL, intents: MODEL.intents.filter((i) => i.id !== 'search') });
    const half = await engine.scanCommits();
    assert.strictEqual(port.calls.branchLog, 1);
    assert.deepStrictEqual(half.coverage.unlinkedCommits, [mine]);
    assert.deepStrictEqual(half.unknownTrailers, [{ sha: mine, id: 'search' }]);
  });

  it('reads the uncommitted files from git on every rescan: a file restored since the last scan is gone at once', async () => {
    featureRepo('feature/x');
    repo.commit('Mine\n\nIntent: search\n', ['src/search/mine.ts']);
    repo.write('notes.txt', 'draft\n');
    const port = new CountingPort(new SimpleGitPort(repo.dir));
    const engine = new LinkingEngine(repo.dir, port, MODEL);
    assert.deepStrictEqual((await engine.refresh()).coverage.unlinkedFiles, ['notes.txt']);
    fs.rmSync(`${repo.dir}/notes.txt`);
    const after = await engine.refresh();
    assert.deepStrictEqual(after.coverage.unlinkedFiles, []);
    assert.strictEqual(port.calls.uncommittedFiles, 2);
  });

  it('on the base branch itself reads no log and no diff: nothing is ahead, only uncommitted files count', async () => {
    repo = TempRepo.create();
    const head = repo.commit('base', ['src/search/find.ts']);
    repo.write('src/search/find.ts', 'edited\n');
    const port = new CountingPort(new SimpleGitPort(repo.dir));
    const scan = await new LinkingEngine(repo.dir, port, MODEL).refresh();
    assert.strictEqual(scan.state.base?.mergeBase, head);
    assert.deepStrictEqual(scan.coverage.commits, { total: 0, linked: 0 });
    assert.deepStrictEqual(scan.files.map((f) => [f.path, f.uncommitted, f.linked]), [['src/search/find.ts', true, true]]);
    assert.deepStrictEqual([port.calls.branchLog, port.calls.changedFiles, port.calls.mergeBase], [0, 0, 0]);
  });

  it('degrades, instead of failing, while the base branch points to a missing commit, and recovers once it is repaired', async () => {
    featureRepo('feature/x');
    repo.commit('Mine\n\nIntent: search\n', ['src/search/mine.ts']);
    const ref = path.join(repo.dir, '.git', 'refs', 'heads', 'main');
    fs.writeFileSync(ref, `${'1234567'.padEnd(40, '0')}\n`);
    const engine = new LinkingEngine(repo.dir, new SimpleGitPort(repo.dir), MODEL);
    const broken = await engine.refresh();
    assert.match(broken.state.degraded ?? '', /^The base branch main points to commit 1234567, which this repository does not have/);
    assert.deepStrictEqual([broken.coverage.commits.total, broken.files.length, broken.branch], [0, 0, 'feature/x']);
    fs.writeFileSync(ref, `${base}\n`);
    const repaired = await engine.refresh();
    assert.strictEqual(repaired.state.degraded, undefined);
    assert.deepStrictEqual([repaired.coverage.commits.total, repaired.files.map((f) => f.path)], [1, ['src/search/mine.ts']]);
  });

  it('tells whether two scans show the same commits ahead (what the views use to show a first half early)', async () => {
    featureRepo('feature/x');
    repo.commit('Mine\n\nIntent: search\n', ['src/search/mine.ts']);
    const halves: BranchCommits[] = [];
    const engine = new LinkingEngine(repo.dir, new SimpleGitPort(repo.dir), MODEL, { onBranchCommits: (c) => halves.push(c) });
    const first = await engine.refresh();
    assert.ok(sameCommits(halves[0]!, first), 'a first half and its whole scan');
    repo.write('src/util/saved.ts', 'x\n');
    assert.ok(sameCommits(first, await engine.refresh()), 'a save moves nothing');
    repo.commit('More', ['src/util/more.ts']);
    assert.ok(!sameCommits(first, await engine.refresh()), 'a commit moves HEAD');
    repo.git('checkout', '-q', '-b', 'feature/y');
    const renamed = await engine.refresh();
    assert.ok(!sameCommits(halves[2]!, renamed), 'another branch at the same commit');
  });

  it('never lets a branch-name match link a commit', async () => {
    featureRepo('feature/search');
    const commit = repo.commit('Work without trailer', ['src/util/misc.ts']);
    const scan = await new LinkingEngine(repo.dir, new SimpleGitPort(repo.dir), MODEL).refresh();
    assert.deepStrictEqual(scan.intents, [{ id: 'search', reasons: ['name'] }]);
    assert.deepStrictEqual(scan.coverage.commits, { total: 1, linked: 0 });
    assert.deepStrictEqual(scan.coverage.unlinkedCommits, [commit]);
    assert.deepStrictEqual(scan.coverage.unlinkedFiles, ['src/util/misc.ts']);
  });

  it("gives a file's intents with reasons from paths and from its last N commits", async () => {
    featureRepo();
    repo.commit('one\n\nIntent: search\n', ['src/util/misc.ts']);
    repo.commit('two\n\nintent: checkout-speed, ghost\n', ['src/util/misc.ts', 'src/checkout/pay.ts']);
    const engine = new LinkingEngine(repo.dir, new SimpleGitPort(repo.dir), MODEL, { recentCommits: 1 });
    assert.deepStrictEqual(await engine.fileIntents('src/util/misc.ts'), [{ id: 'checkout-speed', reasons: ['commit'] }]);
    assert.deepStrictEqual(await engine.fileIntents('src/checkout/pay.ts'), [{ id: 'checkout-speed', reasons: ['path', 'commit'] }]);
    assert.deepStrictEqual(await engine.fileIntents('README.md'), [{ id: 'docs', reasons: ['path'] }]);
    const wider = new LinkingEngine(repo.dir, new SimpleGitPort(repo.dir), MODEL);
    assert.deepStrictEqual(await wider.fileIntents('src/util/misc.ts'), [
      { id: 'checkout-speed', reasons: ['commit'] },
      { id: 'search', reasons: ['commit'] },
    ]);
  });

  it('gives an untracked file the trailers of commits that touched its path before it was deleted', async () => {
    featureRepo();
    repo.commit('Old helper\n\nIntent: checkout-speed\n', ['src/search/helper.ts']);
    repo.git('rm', '-q', 'src/search/helper.ts');
    repo.git('commit', '-q', '-m', 'Drop it');
    repo.write('src/search/helper.ts', 'back again, not added yet\n');
    const engine = new LinkingEngine(repo.dir, new SimpleGitPort(repo.dir), MODEL);
    assert.strictEqual((await engine.refresh()).files.find((f) => f.path === 'src/search/helper.ts')?.status, '??');
    // The rule is "commits that touched it", and two did: the one with the trailer and the deletion.
    assert.deepStrictEqual(await engine.fileIntents('src/search/helper.ts'), [{ id: 'checkout-speed', reasons: ['commit'] }, { id: 'search', reasons: ['path'] }]);
  });

  it('caches a file answer per HEAD and asks git again after HEAD moves', async () => {
    featureRepo();
    const port = new CountingPort(new SimpleGitPort(repo.dir));
    const engine = new LinkingEngine(repo.dir, port, MODEL);
    await engine.refresh();
    await Promise.all([engine.fileIntents('src/util/misc.ts'), engine.fileIntents('src/util/misc.ts')]);
    await engine.fileIntents('src/util/misc.ts');
    assert.strictEqual(port.calls.trailerIdsTouching, 1);
    repo.commit('later\n\nIntent: search\n', ['src/util/misc.ts']);
    assert.deepStrictEqual(await engine.fileIntents('src/util/misc.ts'), [], 'stale until refreshed');
    await engine.refresh();
    assert.deepStrictEqual(await engine.fileIntents('src/util/misc.ts'), [{ id: 'search', reasons: ['commit'] }]);
    assert.strictEqual(port.calls.trailerIdsTouching, 2);
    engine.setModel({ ...MODEL, intents: [intent('search', ['src/util/**'])] });
    assert.deepStrictEqual(await engine.fileIntents('src/util/misc.ts'), [{ id: 'search', reasons: ['path', 'commit'] }]);
    assert.strictEqual(port.calls.trailerIdsTouching, 2, 'a model change keeps per-HEAD trailer answers');
  });

  it('never runs two scans of one repository at once; requests during a scan share one follow-up', async () => {
    featureRepo();
    repo.commit('one\n\nIntent: search\n', ['src/util/misc.ts']);
    const port = new CountingPort(new SimpleGitPort(repo.dir));
    const engine = new LinkingEngine(repo.dir, port, MODEL);
    const other = new LinkingEngine(repo.dir, port, MODEL);
    const results = await Promise.all([engine.refresh(), engine.refresh(), engine.refresh(), other.refresh(), engine.refresh()]);
    assert.strictEqual(port.overlaps, 0);
    assert.strictEqual(port.calls.locate, 3, 'engine: one scan + one shared follow-up; other engine: one, queued');
    assert.ok(results.every((r) => r.coverage.commits.linked === 1));
  });

  it('degrades without a base or without commits, and still answers from paths without git', async () => {
    repo = TempRepo.create({ branch: 'trunk' });
    repo.write('src/search/a.ts', 'x\n');
    const unborn = await new LinkingEngine(repo.dir, new SimpleGitPort(repo.dir), MODEL).refresh();
    assert.deepStrictEqual(unborn.state.head, { kind: 'unborn', branch: 'trunk' });
    assert.match(unborn.state.degraded ?? '', /No commits yet/);
    assert.deepStrictEqual(unborn.coverage.files, { total: 1, linked: 1 });
    assert.deepStrictEqual(await new LinkingEngine(repo.dir, new SimpleGitPort(repo.dir), MODEL).fileIntents('src/search/a.ts'), [{ id: 'search', reasons: ['path'] }]);

    repo.commit('first\n\nIntent: search\n', ['src/search/a.ts']);
    const noBase = await new LinkingEngine(repo.dir, new SimpleGitPort(repo.dir), MODEL).refresh();
    assert.match(noBase.state.degraded ?? '', /No base branch/);
    assert.deepStrictEqual(noBase.coverage.commits, { total: 0, linked: 0 });

    const plain = TempRepo.create({ init: false });
    try {
      const engine = new LinkingEngine(plain.dir, new SimpleGitPort(plain.dir), MODEL);
      await assert.rejects(engine.refresh(), NotARepositoryError);
      assert.deepStrictEqual(await engine.fileIntents('doc.md'), [{ id: 'docs', reasons: ['path'] }]);
    } finally {
      plain.remove();
    }
  });

  it('works on a detached HEAD and in a subfolder of the repository', async () => {
    repo = TempRepo.create();
    base = repo.commit('base', ['app/README.md', 'other/x.ts']);
    repo.git('checkout', '-q', '--detach');
    repo.commit('sub work\n\nIntent: search\n', ['app/src/search/q.ts', 'other/y.ts']);
    const folder = path.join(repo.dir, 'app');
    const engine = new LinkingEngine(folder, new SimpleGitPort(folder), MODEL);
    const scan = await engine.refresh();
    assert.strictEqual(scan.branch, undefined);
    assert.deepStrictEqual(scan.files.map((f) => f.path), ['src/search/q.ts'], 'changes outside the folder are left out');
    assert.deepStrictEqual(scan.commits[0]?.files, ['src/search/q.ts']);
    assert.deepStrictEqual(await engine.fileIntents('src/search/q.ts'), [{ id: 'search', reasons: ['path', 'commit'] }]);
  });
});

/** The real port, with call counts and a check that no scan starts while another one's git calls run. */
class CountingPort implements GitPort {
  readonly calls = { locate: 0, branchLog: 0, mergeBase: 0, trailerIdsTouching: 0, trailerIdsOfFile: 0, filesOfTrailerCommits: 0, filesOfCommits: 0, changedFiles: 0, uncommittedFiles: 0, countedCommits: 0, countedBeyond: 0 };
  /** The commits countedBeyond judged. */
  readonly countedAsked: string[] = [];
  overlaps = 0;
  /** locate, located and branchLog, in the order they happened. */
  readonly events: string[] = [];
  /** The abort signals branch logs were started with. */
  readonly signals: AbortSignal[] = [];
  /** Called once each branch log has started. */
  afterBranchLogStarted: (() => void) | undefined;
  private inFlight = 0;

  constructor(private readonly inner: GitPort) {}

  async readState(options?: { readonly baseBranch?: string }): ReturnType<GitPort['readState']> {
    return this.track(this.inner.readState(options));
  }

  /** Every scan starts here. */
  async locate(options?: { readonly baseBranch?: string }): ReturnType<GitPort['locate']> {
    this.calls.locate += 1;
    if (this.inFlight > 0) this.overlaps += 1;
    this.events.push('locate');
    const state = await this.track(this.inner.locate(options));
    this.events.push('located');
    return state;
  }

  async mergeBase(headSha: string, baseSha: string): ReturnType<GitPort['mergeBase']> {
    this.calls.mergeBase += 1;
    return this.track(this.inner.mergeBase(headSha, baseSha));
  }

  async branchLog(baseSha: string, trailerKey: string, options?: BranchLogOptions): ReturnType<GitPort['branchLog']> {
    this.calls.branchLog += 1;
    this.events.push('branchLog');
    // A log started early belongs to the scan about to start: it is not another scan's git call.
    const log = options?.signal ? this.inner.branchLog(baseSha, trailerKey, options) : this.track(this.inner.branchLog(baseSha, trailerKey, options));
    if (options?.signal) this.signals.push(options.signal);
    this.afterBranchLogStarted?.();
    return log;
  }

  guessBase(options?: { readonly baseBranch?: string }): string | undefined {
    return this.inner.guessBase(options);
  }

  refsStamp(state: RepoState): string | undefined {
    return this.inner.refsStamp(state);
  }

  async filesOfTrailerCommits(baseSha: string | undefined, trailerKey: string, headSha?: string): ReturnType<GitPort['filesOfTrailerCommits']> {
    this.calls.filesOfTrailerCommits += 1;
    return this.track(this.inner.filesOfTrailerCommits(baseSha, trailerKey, headSha));
  }

  async filesOfCommits(shas: readonly string[]): ReturnType<GitPort['filesOfCommits']> {
    this.calls.filesOfCommits += 1;
    return this.track(this.inner.filesOfCommits(shas));
  }

  async countedCommits(baseSha: string, headSha: string): ReturnType<GitPort['countedCommits']> {
    this.calls.countedCommits += 1;
    return this.track(this.inner.countedCommits(baseSha, headSha));
  }

  async countedBeyond(baseSha: string, headSha: string, seenSha: string, most: number): ReturnType<GitPort['countedBeyond']> {
    this.calls.countedBeyond += 1;
    const judged = await this.track(this.inner.countedBeyond(baseSha, headSha, seenSha, most));
    this.countedAsked.push(...judged.listed);
    return judged;
  }

  async resolveCommit(ref: string): ReturnType<GitPort['resolveCommit']> {
    return this.inner.resolveCommit(ref);
  }

  async changedFiles(mergeBase: string, headSha?: string): ReturnType<GitPort['changedFiles']> {
    this.calls.changedFiles += 1;
    return this.track(this.inner.changedFiles(mergeBase, headSha));
  }

  async uncommittedFiles(): ReturnType<GitPort['uncommittedFiles']> {
    this.calls.uncommittedFiles += 1;
    return this.track(this.inner.uncommittedFiles());
  }

  async commitsTouching(file: string, limit: number, trailerKey: string): Promise<CommitRecord[]> {
    return this.inner.commitsTouching(file, limit, trailerKey);
  }

  async trailerIdsOfFile(folderPath: string, limit: number, trailerKey: string): Promise<string[]> {
    this.calls.trailerIdsOfFile += 1;
    return this.inner.trailerIdsOfFile(folderPath, limit, trailerKey);
  }

  async trailerIdsTouching(file: string, limit: number, trailerKey: string, headSha?: string): Promise<string[]> {
    this.calls.trailerIdsTouching += 1;
    return this.inner.trailerIdsTouching(file, limit, trailerKey, headSha);
  }

  async commitHistory(trailerKey: string, since?: string, ref?: string): Promise<CommitRecord[]> {
    return this.inner.commitHistory(trailerKey, since, ref);
  }

  private async track<T>(call: Promise<T>): Promise<T> {
    this.inFlight += 1;
    try {
      return await call;
    } finally {
      this.inFlight -= 1;
    }
  }
}
