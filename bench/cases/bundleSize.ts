import * as fs from 'fs';
import * as path from 'path';
import type { CaseResult } from '../measure/caseResult';
import { verdictOf } from '../measure/caseResult';
import { summarize } from '../measure/sampling';
import type { BenchContext } from './benchContext';

const LIMIT_KB = 200;
const KB = 1024;

/** The production entry the bench measures: `esbuild.js --bench` writes it with the `--production` options. */
export function productionBundle(repoRoot: string): string {
  return path.join(repoRoot, 'dist', 'bench', 'extension.js');
}

/** The lazily loaded bundles next to it (dist/bench/lazy/*.js), as the .vsix ships them in dist/lazy/. */
export function lazyBundles(repoRoot: string): string[] {
  const dir = path.join(path.dirname(productionBundle(repoRoot)), 'lazy');
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.js')).sort().map((f) => path.join(dir, f)) : [];
}

function sizeRow(name: string, fixture: string, kb: number, note: string): CaseResult {
  return { name, fixture, unit: 'KB', iterations: 1, ours: summarize([kb]), target: 'info', verdict: 'INFO', note };
}

export function bundleSizeCase(context: BenchContext): Promise<CaseResult[]> {
  const bundle = productionBundle(context.repoRoot);
  if (!fs.existsSync(bundle)) throw new Error(`${bundle} is missing: run \`node esbuild.js --bench\` (npm run bench does)`);
  const kb = fs.statSync(bundle).size / KB;
  const lazy = lazyBundles(context.repoRoot).map((file) => ({ name: path.basename(file), kb: fs.statSync(file).size / KB }));
  const total = kb + lazy.reduce((n, b) => n + b.kb, 0);
  return Promise.resolve([
    {
      name: 'bundle size',
      fixture: '`dist/extension.js` as `--production` builds it (minified): what the host loads to activate',
      unit: 'KB',
      iterations: 1,
      ours: summarize([kb]),
      target: `≤ ${LIMIT_KB} KB`,
      verdict: verdictOf(kb <= LIMIT_KB),
      note: '1 KB = 1,024 bytes; measured on the copy `esbuild.js --bench` writes to dist/bench/ with the same options, so a concurrent dev build cannot swap it',
    },
    sizeRow('↳ all bundles', 'entry + dist/lazy/*.js, minified', total, `what the .vsix carries in dist/: the entry and ${lazy.length} bundles loaded on first use`),
    ...lazy.map((b) => sizeRow(`↳ lazy/${b.name}`, 'minified', b.kb, 'required on first use, not at activation')),
  ]);
}
