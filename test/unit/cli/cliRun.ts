import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { runCli } from '../../../src/cli/runCli';
import { repoRoot } from '../../support/repoRoot';
import { GIT_ENV, TempRepo } from '../git/tempRepo';

/** One line on stderr, nothing on stdout, exit 2. */
export function assertRefused(r: CliRun, reason: RegExp): void {
  assert.strictEqual(r.code, 2);
  assert.deepStrictEqual(r.out, []);
  assert.strictEqual(r.err.length, 1, r.err.join('\n'));
  assert.match(r.err[0] ?? '', /^value-lens: /);
  assert.match(r.err[0] ?? '', reason);
}

export interface CliRun {
  readonly code: number;
  readonly out: string[];
  readonly err: string[];
}

/** Runs the CLI in-process with captured output lines. */
export async function cli(cwd: string, ...argv: string[]): Promise<CliRun> {
  return cliWithEnv(cwd, GIT_ENV, ...argv);
}

/** {@link cli} with the environment it sees (CI variables). */
export async function cliWithEnv(cwd: string, env: NodeJS.ProcessEnv, ...argv: string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { cwd, env, stdout: (l) => out.push(l), stderr: (l) => err.push(l) });
  return { code, out, err };
}

/** Runs the bundled bin `dist/cli.js` as a user would, with the tests' neutral git config. */
export function spawnBin(cwd: string, args: readonly string[], env: NodeJS.ProcessEnv = GIT_ENV): { status: number | null; stdout: string; stderr: string } {
  const bin = path.join(repoRoot, 'dist/cli.js');
  if (!fs.existsSync(bin)) throw new Error('build first: dist/cli.js is missing');
  return spawnSync(process.execPath, [bin, ...args], { cwd, env, encoding: 'utf8' });
}

/** An intent file's YAML text. */
export function intentYaml(id: string, paths: readonly string[] = [], branches: readonly string[] = []): string {
  return `id: ${id}\ntitle: Title of ${id}\nwhy: because\nowner: team\nstatus: active\npaths: ${JSON.stringify(paths)}\nbranches: ${JSON.stringify(branches)}\n`;
}

/** Writes `.value/intents/<id>.yaml` files under `folder` (`''` for the repository root). */
export function writeIntents(repo: TempRepo, folder: string, intents: Readonly<Record<string, string>>): string[] {
  return Object.entries(intents).map(([id, text]) => {
    const file = path.posix.join(folder, '.value/intents', `${id}.yaml`);
    repo.write(file, text);
    return file;
  });
}

/**
 * A repository whose main holds `.value/` with `checkout-speed` (src/checkout/**, not
 * legacy/, branches feature/checkout-*) and `search` (src/search/**), plus a few files.
 */
export function valueRepo(): { repo: TempRepo; base: string } {
  const repo = TempRepo.create();
  const intentFiles = writeIntents(repo, '', {
    'checkout-speed': intentYaml('checkout-speed', ['src/checkout/**', '!src/checkout/legacy/**'], ['feature/checkout-*']),
    search: intentYaml('search', ['src/search/**']),
  });
  repo.git('add', '--', ...intentFiles);
  const base = repo.commit('base', ['src/checkout/pay.ts', 'src/checkout/legacy/old.ts', 'src/search/find.ts', 'src/util/misc.ts', 'README.md']);
  return { repo, base };
}
