import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { infoRow, ratioOf, verdictOf } from '../measure/caseResult';
import type { CaseResult } from '../measure/caseResult';
import { measurePair } from '../measure/sampling';
import { timeGitToDevNull } from '../fixtures/gitCommand';
import { HOT_FILE } from '../fixtures/repos';
import { count } from './benchContext';
import type { BenchContext } from './benchContext';

const ITERATIONS = 10;

/** Milliseconds for one process to run to its end, its output to /dev/null; rejects on a non-zero exit. */
function timeProcess(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(command, [...args], { cwd, env, stdio: 'ignore' });
    child.once('error', reject);
    child.once('close', (code) => (code === 0 ? resolve(performance.now() - start) : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`))));
  });
}

/**
 * `value-lens why <file>` as a user runs it (the bundled CLI, a new node process) against what
 * its answer needs at the least: node starting, plus `git log -n 50 -- file`. The work must not
 * grow with the branch: the history repository has thousands of commits ahead of nothing else.
 */
export async function whyCommandCase(context: BenchContext): Promise<CaseResult[]> {
  const repo = context.fixtures.historyRepo;
  // The production build the bench makes (esbuild.js --bench), not whatever dev build dist/ holds.
  const cli = path.join(context.repoRoot, 'dist', 'bench', 'cli.js');
  if (!fs.existsSync(cli)) throw new Error('dist/bench/cli.js is missing: node esbuild.js --bench first');
  // `why` needs a .value/ folder; an untracked one, removed afterwards, so other cases see the repository as it was.
  const valueDir = path.join(repo, '.value');
  const made = !fs.existsSync(valueDir);
  if (made) {
    fs.mkdirSync(path.join(valueDir, 'intents'), { recursive: true });
    fs.writeFileSync(path.join(valueDir, 'intents', 'hot.yaml'), 'id: hot\ntitle: Hot path\nwhy: bench\nowner: bench\nstatus: active\npaths: ["packages/**"]\n');
  }
  // A cache folder of its own: the warm-up run writes the code cache a user's second run starts from.
  const cacheHome = fs.mkdtempSync(path.join(os.tmpdir(), 'value-lens-bench-cache-'));
  const warm = { ...process.env, XDG_CACHE_HOME: cacheHome };
  const baseline = async (): Promise<number> => (await timeProcess(process.execPath, ['-e', '0'], repo)) + (await timeGitToDevNull(repo, ['log', '-n', '50', '--', HOT_FILE]));
  try {
    const pair = await measurePair({
      warmup: 1,
      iterations: ITERATIONS,
      ours: () => timeProcess(process.execPath, [cli, 'why', HOT_FILE, '--json'], repo, warm),
      baseline,
    });
    const cold = await measurePair({
      warmup: 1,
      iterations: ITERATIONS,
      ours: () => timeProcess(process.execPath, [cli, 'why', HOT_FILE, '--json'], repo, { ...process.env, VALUE_LENS_CODE_CACHE: '0' }),
      baseline,
    });
    const ratio = ratioOf(pair.ours, pair.baseline);
    return [{
      name: 'why <file> (CLI)',
      fixture: `a file touched by ${count(context.scale.hotFileCommits)} of ${count(context.scale.historyCommits)} commits`,
      unit: 'ms',
      iterations: ITERATIONS,
      ours: pair.ours,
      baseline: { ...pair.baseline, what: '`node -e 0` + `git log -n 50 -- file` > /dev/null' },
      ratio,
      target: '≤ 1.5×',
      verdict: verdictOf(ratio <= 1.5),
      note: 'ours = `node dist/bench/cli.js why file --json` (the shipped, minified CLI, from its code cache): finds .value/, reads it, one `git log` of the file; no branch scan',
    }, infoRow({
      name: '↳ without the code cache',
      pair: cold,
      iterations: ITERATIONS,
      baselineWhat: 'the same',
      note: 'a first run after installing or upgrading, or VALUE_LENS_CODE_CACHE=0: V8 compiles the bundle again',
    })];
  } finally {
    if (made) fs.rmSync(valueDir, { recursive: true, force: true });
    fs.rmSync(cacheHome, { recursive: true, force: true });
  }
}
