import * as fs from 'fs';
import * as path from 'path';

/**
 * The nearest folder at or above `folder` that holds `.git` (a directory, or a file in a linked
 * worktree or submodule): where git finds the work tree, found on disk without starting git.
 * Undefined when there is none.
 */
export function workTreeRootOf(folder: string): string | undefined {
  const start = path.resolve(folder);
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, '.git'))) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}
