import * as fs from 'fs';
import * as path from 'path';

function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: string }).name === 'value-lens') return dir;
    if (path.dirname(dir) === dir) throw new Error(`no value-lens package.json above ${from}`);
  }
}

/** The repository root, found from wherever the test bundle was built to. */
export const repoRoot = findRoot(__dirname);
