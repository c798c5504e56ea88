import * as path from 'path';

/**
 * `target` relative to `root` when it lies inside it (`''` for the root itself), else undefined.
 * Only `..` as a whole first segment leaves the root: `..notes.yaml` is a name like any other.
 */
export function relativeInside(root: string, target: string): string | undefined {
  const relative = path.relative(root, target);
  if (relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) return undefined;
  return relative;
}
