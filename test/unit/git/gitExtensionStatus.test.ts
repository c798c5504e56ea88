import * as assert from 'assert';
import * as path from 'path';
import { parsePorcelainStatus } from '../../../src/core/git/fileChanges';
import { changesFromGitExtension } from '../../../src/core/git/gitExtensionStatus';
import type { GitExtensionChange } from '../../../src/core/git/gitExtensionStatus';
import { SimpleGitPort } from '../../../src/core/git/simpleGitPort';
import { TempRepo } from './tempRepo';

// The Git extension's `Status` numbers (API 1): 0-9 are the same in every VS Code version.
const INDEX_MODIFIED = 0;
const INDEX_ADDED = 1;
const INDEX_DELETED = 2;
const INDEX_RENAMED = 3;
const MODIFIED = 5;
const DELETED = 6;
const UNTRACKED = 7;
const IGNORED = 8;
const INTENT_TO_ADD = 9;
// A later value (TYPE_CHANGED in VS Code 1.100, BOTH_MODIFIED in older ones): read by the list it is in.
const LATER = 11;

describe('uncommitted files from the Git extension\'s lists', () => {
  const top = path.resolve('/work/repo');
  const at = (file: string, status: number, original = file): GitExtensionChange => ({ path: path.join(top, file), originalPath: path.join(top, original), status });
  const none = { index: [], workingTree: [], untracked: [], merge: [] };

  it('gives each file its porcelain XY code, repository-relative, tracked files first, sorted as git status does', () => {
    const files = changesFromGitExtension(top, {
      index: [at('src/b.ts', INDEX_MODIFIED), at('src/new.ts', INDEX_ADDED), at('gone.txt', INDEX_DELETED)],
      workingTree: [at('src/b.ts', MODIFIED), at('src/a.ts', DELETED), at('notes 1.md', UNTRACKED), at('later.ts', LATER), at('planned.ts', INTENT_TO_ADD), at('build.log', IGNORED)],
      untracked: [at('ünï/😀.md', UNTRACKED)],
      merge: [at('conflict.ts', LATER)],
    });
    assert.deepStrictEqual(files, [
      { path: 'conflict.ts', status: 'UU' },
      { path: 'gone.txt', status: 'D ' },
      { path: 'later.ts', status: ' M' },
      { path: 'planned.ts', status: ' A' },
      { path: 'src/a.ts', status: ' D' },
      { path: 'src/b.ts', status: 'MM' },
      { path: 'src/new.ts', status: 'A ' },
      { path: 'notes 1.md', status: '??' },
      { path: 'ünï/😀.md', status: '??' },
    ]);
  });

  it('lists a staged rename as its old path deleted and its new path added, as --no-renames does', () => {
    const files = changesFromGitExtension(top, { ...none, index: [at('new/name.ts', INDEX_RENAMED, 'old/name.ts')] });
    assert.deepStrictEqual(files, [
      { path: 'new/name.ts', status: 'A ' },
      { path: 'old/name.ts', status: 'D ' },
    ]);
  });

  it('gives up when a path lies outside the repository: the lists are another repository\'s', () => {
    assert.strictEqual(changesFromGitExtension(top, { ...none, workingTree: [at('../other/x.ts', MODIFIED)] }), undefined);
    assert.strictEqual(changesFromGitExtension(path.join(top, 'sub'), { ...none, workingTree: [at('x.ts', MODIFIED)] }), undefined);
    assert.deepStrictEqual(changesFromGitExtension(top, none), []);
  });

  it('names the same files as the engine\'s own git status in a real repository', async () => {
    const repo = TempRepo.create();
    try {
      repo.commit('base', ['a.ts', 'b.ts', 'old.ts', 'gone.ts']);
      repo.write('a.ts', 'changed\n');
      repo.write('b.ts', 'staged\n');
      repo.git('add', 'b.ts');
      repo.write('b.ts', 'and changed again\n');
      repo.git('mv', 'old.ts', 'renamed.ts');
      repo.git('rm', '-q', 'gone.ts');
      repo.write('dir/untracked.txt', 'new\n');
      const own = await new SimpleGitPort(repo.dir).uncommittedFiles();
      const dir = repo.dir;
      const listed = changesFromGitExtension(dir, {
        index: [{ path: path.join(dir, 'b.ts'), originalPath: path.join(dir, 'b.ts'), status: INDEX_MODIFIED }, { path: path.join(dir, 'renamed.ts'), originalPath: path.join(dir, 'old.ts'), status: INDEX_RENAMED }, { path: path.join(dir, 'gone.ts'), originalPath: path.join(dir, 'gone.ts'), status: INDEX_DELETED }],
        workingTree: [{ path: path.join(dir, 'a.ts'), originalPath: path.join(dir, 'a.ts'), status: MODIFIED }, { path: path.join(dir, 'b.ts'), originalPath: path.join(dir, 'b.ts'), status: MODIFIED }, { path: path.join(dir, 'dir', 'untracked.txt'), originalPath: path.join(dir, 'dir', 'untracked.txt'), status: UNTRACKED }],
        untracked: [],
        merge: [],
      });
      assert.deepStrictEqual(listed, own);
      assert.deepStrictEqual(own, parsePorcelainStatus(repo.git('status', '--porcelain=v1', '-z', '--no-renames', '--untracked-files=all')));
    } finally {
      repo.remove();
    }
  });
});
