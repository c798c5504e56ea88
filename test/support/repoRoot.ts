import * as path from 'path';

/** The repository root, from a test bundle in dist/test/<suite>/. */
export const repoRoot = path.resolve(__dirname, '..', '..', '..');
