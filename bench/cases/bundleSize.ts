import * as fs from 'fs';
import * as path from 'path';
import type { CaseResult } from '../measure/caseResult';
import { verdictOf } from '../measure/caseResult';
import { summarize } from '../measure/sampling';
import type { BenchContext } from './benchContext';

const LIMIT_KB = 200;

/** The production bundle the bench measures: `esbuild.js --bench` writes it with the `--production` options. */
export function productionBundle(repoRoot: string): string {
  return path.join(repoRoot, 'dist', 'bench', 'extension.js');
}

export function bundleSizeCase(context: BenchContext): Promise<CaseResult[]> {
  const bundle = productionBundle(context.repoRoot);
  if (!fs.existsSync(bundle)) throw new Error(`${bundle} is missing: run \`node esbuild.js --bench\` (npm run bench does)`);
  const kb = fs.statSync(bundle).size / 1024;
  return Promise.resolve([
    {
      name: 'bundle size',
      fixture: '`dist/extension.js` as `--production` builds it (minified)',
      unit: 'KB',
      iterations: 1,
      ours: summarize([kb]),
      target: `≤ ${LIMIT_KB} KB`,
      verdict: verdictOf(kb <= LIMIT_KB),
      note: '1 KB = 1,024 bytes; measured on the copy `esbuild.js --bench` writes to dist/bench/extension.js with the same options, so a concurrent dev build cannot swap it',
    },
  ]);
}
