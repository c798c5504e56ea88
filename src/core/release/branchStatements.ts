import type { BranchOps } from '../git/branchOps';
import { entryNameOf, RELEASES_DIR, VALUE_DIR } from '../valueFolder';
import type { StatementFile } from './statementLookup';
import { declaredBranch } from './statementLookup';

/** The statement files committed on `ref` (none when the ref or the folder does not exist there). */
export async function statementFilesOnRef(git: BranchOps, ref: string): Promise<StatementFile[]> {
  const files = await git.filesAt(ref, `${VALUE_DIR}/${RELEASES_DIR}`, true);
  return files.flatMap((f) => {
    const base = f.path.slice(f.path.lastIndexOf('/') + 1);
    const name = entryNameOf(base);
    // Only files directly in releases/, as the model reads them.
    if (!name || f.path !== `${VALUE_DIR}/${RELEASES_DIR}/${base}`) return [];
    const branch = f.text === undefined ? undefined : declaredBranch(f.text);
    return [branch === undefined ? { name } : { name, branch }];
  });
}
