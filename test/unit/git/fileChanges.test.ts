import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parseNameStatus, parsePorcelainStatus } from '../../../src/core/git/fileChanges';
import { linkFiles } from '../../../src/core/linking/coverage';
import { SimpleGitPort } from '../../../src/core/git/simpleGitPort';
import { TempRepo } from './tempRepo';

describe('changed and uncommitted files (real git)', () => {
  let repo: TempRepo;
  afterEach(() => repo.remove());

  it('lists files changed since the merge-base, not what the base did since', async () => {
    repo = TempRepo.create();
    repo.commit('base', ['keep.txt', 'edit.txt', 'gone.txt', 'old name.txt']);
    const mergeBase = repo.head();
    repo.git('checkout', '-q', '-b', 'feature/f');
    repo.commit('work', ['edit.txt', 'src/new file.ts', 'ünï/#1.md']);
    repo.git('rm', '-q', 'gone.txt');
    repo.git('mv', 'old name.txt', 'new name.txt');
    repo.commit('remove and rename');
    repo.git('checkout', '-q', 'main');
    repo.commit('main only', ['main-only.txt']);
    repo.git('checkout', '-q', 'feature/f');
    const files = await new SimpleGitPort(repo.dir).changedFiles(mergeBase);
    const byPath = Object.fromEntries(files.map((f) => [f.path, f.from === undefined ? f.status : `${f.status} from ${f.from}`]));
    assert.deepStrictEqual(byPath, {
      'edit.txt': 'M',
      'src/new file.ts': 'A',
      'ünï/#1.md': 'A',
      'gone.txt': 'D',
      'new name.txt': 'R from old name.txt',
    });
  });

  it('counts a rename once, as `git diff --name-only` does, even with diff.renames off, and links it by its old path', async () => {
    repo = TempRepo.create();
    repo.write('docs/guide.md', 'a guide long enough for git to see the same file under its new name\n'.repeat(5));
    repo.commit('base', ['keep.txt', 'edit.txt']);
    repo.git('add', '--', 'docs/guide.md');
    repo.commit('guide');
    const mergeBase = repo.head();
    repo.git('checkout', '-q', '-b', 'feature/f');
    repo.git('config', 'diff.renames', 'false');
    fs.mkdirSync(path.join(repo.dir, 'handbook'));
    repo.git('mv', 'docs/guide.md', 'handbook/guide.md');
    repo.commit('move the guide', ['edit.txt']);
    const files = await new SimpleGitPort(repo.dir).changedFiles(mergeBase);
    const named = repo.git('-c', 'diff.renames=true', 'diff', '--name-only', '-z', mergeBase, '--').split('\0').filter((p) => p.length > 0);
    assert.deepStrictEqual(files.map((f) => f.path).sort(), named.sort());
    assert.deepStrictEqual(files.find((f) => f.path === 'handbook/guide.md'), { path: 'handbook/guide.md', status: 'R', from: 'docs/guide.md' });
    const links = linkFiles([], { committedFiles: files, uncommittedFiles: [], pathIntents: (p) => (p.startsWith('docs/') ? ['docs'] : []) });
    assert.deepStrictEqual(links.coverage, { files: { total: 2, linked: 1 }, unlinkedFiles: ['edit.txt'] });
    // A linked commit that changed the file before it moved links it too.
    const commit = { sha: 'a'.repeat(40), subject: 's', author: 'a', date: 'd', trailerIds: ['other'], files: ['docs/guide.md'], intents: ['other'], unknownIds: [] };
    const byCommit = linkFiles([commit], { committedFiles: files, uncommittedFiles: [], pathIntents: () => [] });
    assert.deepStrictEqual(byCommit.files.find((f) => f.path === 'handbook/guide.md')?.linkedBy, [commit.sha]);
  });

  it('lists staged, unstaged and untracked files', async () => {
    repo = TempRepo.create();
    repo.commit('base', ['a.txt', 'b.txt', 'c.txt']);
    repo.write('a.txt', 'changed\n');
    repo.write('b.txt', 'staged\n');
    repo.git('add', 'b.txt');
    repo.git('rm', '-q', '--cached', 'c.txt');
    repo.write('deep/new dir/n.txt', 'new\n');
    const files = await new SimpleGitPort(repo.dir).uncommittedFiles();
    // c.txt is both deleted from the index and present as an untracked file: git lists it twice.
    assert.deepStrictEqual(files.map((f) => `${f.status}|${f.path}`).sort(), [' M|a.txt', 'D |c.txt', 'M |b.txt', '??|c.txt', '??|deep/new dir/n.txt'].sort());
  });

  it('answers an empty list for a clean work tree, and keeps a file whose name looks like the branch header', async () => {
    repo = TempRepo.create();
    repo.commit('base', ['a.txt']);
    assert.deepStrictEqual(await new SimpleGitPort(repo.dir).uncommittedFiles(), []);
    repo.write('## notes.md', 'x\n');
    assert.deepStrictEqual(await new SimpleGitPort(repo.dir).uncommittedFiles(), [{ path: '## notes.md', status: '??' }]);
  });

  it('lists exactly what `git status --untracked-files=all` lists, also when opened on a subfolder', async () => {
    repo = TempRepo.create();
    repo.commit('base', ['sub/tracked.txt', 'gone.txt', '.gitignore']);
    repo.write('.gitignore', '*.log\nbuild/\n');
    repo.write('sub/tracked.txt', 'changed\n');
    repo.git('rm', '-q', 'gone.txt');
    for (const f of ['top.txt', 'sub/deep/new file.ts', 'other/ünï\nline.md', 'sub/skip.log', 'build/out.js', '-dash.txt']) repo.write(f, 'x\n');
    repo.write('intent.txt', 'x\n');
    repo.git('add', '-N', 'intent.txt');
    repo.git('init', '-q', 'nested');
    repo.write('nested/inner.txt', 'x\n');
    const expected = repo
      .git('status', '--porcelain=v1', '-z', '--untracked-files=all', '--no-renames')
      .split('\0')
      .filter((e) => e.length > 0)
      .map((e) => `${e.slice(0, 2)}|${e.slice(3)}`);
    assert.ok(expected.includes('??|nested/') && expected.includes('??|other/ünï\nline.md') && !expected.some((e) => e.endsWith('.log')));
    for (const folder of [repo.dir, `${repo.dir}/sub`]) {
      const files = await new SimpleGitPort(folder).uncommittedFiles();
      assert.deepStrictEqual(files.map((f) => `${f.status}|${f.path}`), expected, folder);
    }
  });

  it('finds the last N commits that touched a file, even with glob characters in its name', async () => {
    repo = TempRepo.create();
    repo.commit('one\n\nIntent: a\n', ['src/[id].ts']);
    repo.commit('two\n\nIntent: b\n', ['src/x.ts']);
    repo.commit('three\n\nIntent: c, d\n', ['src/[id].ts']);
    repo.commit('four\n\nIntent: e\n', ['src/[id].ts', 'src/x.ts']);
    const port = new SimpleGitPort(repo.dir);
    const touching = await port.commitsTouching('src/[id].ts', 2, 'Intent');
    assert.deepStrictEqual(touching.map((c) => c.trailerIds), [['e'], ['c', 'd']]);
    assert.strictEqual((await port.commitsTouching('src/[id].ts', 50, 'Intent')).length, 3);
    assert.deepStrictEqual(await port.commitsTouching('src/missing.ts', 50, 'Intent'), []);
  });

  it("reads only the trailer ids of a file's last N commits, newest first, deduplicated", async () => {
    repo = TempRepo.create();
    repo.commit('one\n\nIntent: a\n', ['src/[id].ts']);
    repo.commit('two\n\nIntent: b\n', ['src/x.ts']);
    repo.commit('three\n\nIntent: c, a\n', ['src/[id].ts']);
    repo.commit('four, no trailer', ['src/[id].ts']);
    repo.commit('five\n\nintent: e\nintent: c\n', ['src/[id].ts', 'src/x.ts']);
    const port = new SimpleGitPort(repo.dir);
    assert.deepStrictEqual(await port.trailerIdsTouching('src/[id].ts', 3, 'Intent'), ['e', 'c', 'a']);
    assert.deepStrictEqual(await port.trailerIdsTouching('src/[id].ts', 2, 'Intent'), ['e', 'c']);
    assert.deepStrictEqual(await port.trailerIdsTouching('src/*', 50, 'Intent'), [], 'the path is literal, not a glob');
    assert.deepStrictEqual(await port.trailerIdsTouching('src/missing.ts', 50, 'Intent'), []);
  });
});

describe('change list parsing', () => {
  it('parses renames and copies in name-status and porcelain output', () => {
    assert.deepStrictEqual(parseNameStatus('R087\0old.txt\0new.txt\0M\0m.txt\0'), [
      { path: 'new.txt', status: 'R', from: 'old.txt' },
      { path: 'm.txt', status: 'M' },
    ]);
    assert.deepStrictEqual(parsePorcelainStatus('R  new.txt\0old.txt\0?? u.txt\0'), [
      { path: 'new.txt', status: 'R ', from: 'old.txt' },
      { path: 'u.txt', status: '??' },
    ]);
    assert.deepStrictEqual(parseNameStatus(''), []);
  });
});
