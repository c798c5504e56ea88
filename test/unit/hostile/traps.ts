import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { GIT_ENV } from '../git/tempRepo';

/**
 * Programs that leave a marker file named after themselves when anything runs them, so a test
 * can tell exactly which configured program git started.
 */
export class Traps {
  readonly dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'value-lens-traps-')));
  readonly markers = path.join(this.dir, 'markers');

  constructor() {
    fs.mkdirSync(this.markers);
  }

  /**
   * A shell script that marks `name` and then behaves as `tail` says (default: exit 1). The
   * path has no spaces, so git may run it through `sh -c` as it does configured commands.
   */
  program(name: string, tail = 'exit 1'): string {
    const file = path.join(this.dir, name);
    fs.writeFileSync(file, `#!/bin/sh\ntouch '${path.join(this.markers, name)}'\n${tail}\n`, { mode: 0o755 });
    return file;
  }

  /** The names of the programs that ran since the last `clear()`. */
  fired(): string[] {
    return fs.readdirSync(this.markers).sort();
  }

  clear(): void {
    for (const f of fs.readdirSync(this.markers)) fs.rmSync(path.join(this.markers, f));
  }

  remove(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Runs git as a user would type it in `cwd` (the repository's own config applies); never throws. */
export function userGit(cwd: string, args: readonly string[], env: NodeJS.ProcessEnv = GIT_ENV): { status: number | null; stdout: string } {
  const r = spawnSync('git', args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return { status: r.status, stdout: r.stdout };
}

/** Runs `command` in a pseudo-terminal (util-linux `script`), where git starts its pager; undefined without `script`. */
export function inTerminal(cwd: string, command: string): number | null | undefined {
  try {
    execFileSync('sh', ['-c', 'command -v script'], { stdio: 'ignore' });
  } catch {
    return undefined;
  }
  return spawnSync('script', ['-qec', command, '/dev/null'], { cwd, env: { ...GIT_ENV, TERM: 'dumb' }, stdio: 'ignore', timeout: 10000 }).status;
}
