import * as fs from 'fs';
import { GitError, GitPluginError, simpleGit } from 'simple-git';
import type { SimpleGit } from 'simple-git';
import { GitCommandError, GitMissingError, GitTimeoutError, NotARepositoryError } from './gitErrors';

/** What one git process produced. */
export interface GitOutput {
  readonly exitCode: number;
  readonly stdout: string;
}

/** Runs git with an argument array (never a shell string) in one folder. */
export interface GitRunner {
  readonly cwd: string;
  /**
   * Runs `git <args>` and returns its whole stdout. Exit codes listed in `allowExitCodes`
   * (besides 0) resolve instead of throwing, so "not found" answers need no try/catch.
   */
  run(args: readonly string[], allowExitCodes?: readonly number[]): Promise<GitOutput>;
}

export interface GitRunnerOptions {
  /** Git executable; default `git` from PATH. */
  readonly binary?: string;
  /** Upper bound of git processes this runner starts at once; default 4. */
  readonly maxConcurrentProcesses?: number;
  /** A git process silent on stdout and stderr for this long is killed; default 2 minutes. */
  readonly silenceTimeoutMs?: number;
}

const DEFAULT_SILENCE_TIMEOUT_MS = 120_000;

// Settings that would change the machine-readable output or start programs we did not ask for
// (docs/SECURITY.md lists what else we rely on). log.showSignature would run gpg.program on
// signed commits; core.fsmonitor is a hook `status` runs, and only ever a speed-up. simple-git
// refuses to set core.fsmonitor unless allowUnsafeFsMonitor is on: that is the only check we lift.
const NEUTRAL_CONFIG = [
  'color.ui=false',
  'log.showSignature=false',
  'core.quotePath=false',
  'core.fsmonitor=false',
];

interface FailedRun {
  readonly exitCode: number;
  readonly stdout: Buffer;
  readonly stderr: string;
}

/** Carries a failed run through simple-git's error path (which keeps GitError instances) to our catch. */
class RunFailure extends GitError {
  constructor(readonly result: FailedRun) {
    super(undefined, result.stderr);
  }
}

/**
 * A runner on simple-git. simple-git collects stdout into buffers without a size cap, so a
 * 2 MB commit message is read in full; output is decoded once, after the process ends.
 */
export function createGitRunner(cwd: string, options: GitRunnerOptions = {}): GitRunner {
  const binary = options.binary ?? 'git';
  const silenceTimeoutMs = options.silenceTimeoutMs ?? DEFAULT_SILENCE_TIMEOUT_MS;
  let git: SimpleGit | undefined;
  const client = (): SimpleGit => {
    if (!fs.existsSync(cwd)) throw new NotARepositoryError(cwd);
    git ??= simpleGit({
      baseDir: cwd,
      binary,
      maxConcurrentProcesses: options.maxConcurrentProcesses ?? 4,
      config: NEUTRAL_CONFIG,
      unsafe: { allowUnsafeFsMonitor: true },
      // Killed only when silent, not when slow: a 100 MB log or a big status keeps talking.
      timeout: { block: silenceTimeoutMs },
      // simple-git only treats a run as failed when stderr is non-empty; we want every
      // non-zero exit (e.g. `rev-parse --verify -q` is silent) reported with its code.
      errors: (error, result) => {
        if (isTimeout(error)) return error;
        if (result.exitCode === 0 && !(error instanceof Error)) return undefined;
        return new RunFailure({
          exitCode: result.exitCode,
          stdout: Buffer.concat(result.stdOut),
          stderr: Buffer.concat(result.stdErr).toString('utf8'),
        });
      },
    });
    // No `.env(...)`: the child inherits process.env as is. Handing simple-git the whole
    // environment would make its safety check refuse every command when PAGER or EDITOR is set.
    return git;
  };
  return {
    cwd,
    async run(args, allowExitCodes = []) {
      try {
        const stdout = await client().raw([...args]);
        return { exitCode: 0, stdout };
      } catch (e) {
        if (isTimeout(e)) throw new GitTimeoutError(args, Math.round(silenceTimeoutMs / 100) / 10);
        const failure = findFailure(e);
        if (!failure) throw e;
        if (isSpawnFailure(failure)) throw new GitMissingError(binary);
        if (allowExitCodes.includes(failure.exitCode)) return { exitCode: failure.exitCode, stdout: failure.stdout.toString('utf8') };
        if (/not a git repository/i.test(failure.stderr)) throw new NotARepositoryError(cwd);
        throw new GitCommandError(args, failure.exitCode, failure.stderr, failure.stdout.toString('utf8'));
      }
    },
  };
}

function isTimeout(e: unknown): e is GitPluginError {
  return e instanceof GitPluginError && e.plugin === 'timeout';
}

function findFailure(e: unknown): FailedRun | undefined {
  return e instanceof RunFailure ? e.result : undefined;
}

function isSpawnFailure(failure: FailedRun): boolean {
  return failure.exitCode < 0 || /\bspawn\b.*\bENOENT\b/.test(failure.stderr);
}
