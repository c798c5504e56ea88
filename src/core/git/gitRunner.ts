import * as fs from 'fs';
import { GitError, GitPluginError, simpleGit } from 'simple-git';
import type { SimpleGit, SimpleGitOptions } from 'simple-git';
import { GitCommandError, GitMissingError, GitOutputTooLargeError, GitTimeoutError, NotARepositoryError } from './gitErrors';

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
  /**
   * {@link run}, handing each piece of stdout to `onStdout` as git writes it instead of keeping it
   * (the answer's `stdout` is empty), so a caller can parse while git still works, and output far
   * beyond what one string can hold passes through. The pieces of a run that failed are to be
   * thrown away. Aborting `signal` stops git and rejects.
   */
  stream(args: readonly string[], onStdout: StdoutListener, signal?: AbortSignal): Promise<GitOutput>;
}

export type StdoutListener = (piece: Buffer) => void;

interface Listener {
  readonly onStdout: StdoutListener;
  readonly signal?: AbortSignal;
  /** Set once git wrote more than the stream takes: git was stopped. */
  overflowed?: boolean;
}

export interface GitRunnerOptions {
  /** Git executable; default `git` from PATH. */
  readonly binary?: string;
  /** Upper bound of git processes this runner starts at once; default 4. */
  readonly maxConcurrentProcesses?: number;
  /** A git process silent on stdout and stderr for this long is killed; default 2 minutes. */
  readonly silenceTimeoutMs?: number;
  /**
   * A git process writing more stdout than this is stopped with GitOutputTooLargeError; default
   * 256 MiB for {@link GitRunner.run} (its answer is one string) and 2 GiB for a stream.
   */
  readonly maxOutputBytes?: number;
}

const DEFAULT_SILENCE_TIMEOUT_MS = 120_000;
// Below V8's longest string (2^29 - 24 characters): a whole answer is decoded into one.
const DEFAULT_MAX_RUN_BYTES = 256 * 1024 * 1024;
const DEFAULT_MAX_STREAM_BYTES = 2 * 1024 * 1024 * 1024;

// Settings that would change the machine-readable output or start programs we did not ask for
// (docs/SECURITY.md lists what else we rely on). log.showSignature would run gpg.program on
// signed commits; core.fsmonitor is a hook `status` runs, and only ever a speed-up. simple-git
// refuses to set core.fsmonitor unless allowUnsafeFsMonitor is on: of its checks on arguments,
// that is the only one we lift (see INHERITED for the environment). i18n.logOutputEncoding would
// re-encode messages (UTF-16 reads as nothing): we decode UTF-8.
const NEUTRAL_CONFIG = [
  'color.ui=false',
  'i18n.logOutputEncoding=UTF-8',
  'log.showSignature=false',
  'core.quotePath=false',
  'core.fsmonitor=false',
];

// Programs git must never start for us: our output never goes to a pager, we never ask git to open
// an editor, and diffs come from git itself. They are left out of the child's environment.
const NEVER_PASSED = new Set(['PAGER', 'GIT_PAGER', 'EDITOR', 'GIT_EDITOR', 'GIT_SEQUENCE_EDITOR', 'GIT_EXTERNAL_DIFF']);

// simple-git checks an environment it is handed as if the caller had written it. These come from
// the user's own environment (credentials, SSH, CI config) and are passed on as they are today.
const INHERITED: Readonly<Record<string, keyof UnsafeOptions>> = {
  GIT_ASKPASS: 'allowUnsafeAskPass',
  SSH_ASKPASS: 'allowUnsafeAskPass',
  GIT_SSH: 'allowUnsafeSshCommand',
  GIT_SSH_COMMAND: 'allowUnsafeSshCommand',
  GIT_PROXY_COMMAND: 'allowUnsafeGitProxy',
  GIT_CONFIG: 'allowUnsafeConfigPaths',
  GIT_CONFIG_GLOBAL: 'allowUnsafeConfigPaths',
  GIT_CONFIG_SYSTEM: 'allowUnsafeConfigPaths',
  GIT_EXEC_PATH: 'allowUnsafeConfigPaths',
  PREFIX: 'allowUnsafeConfigPaths',
  GIT_TEMPLATE_DIR: 'allowUnsafeTemplateDir',
  GIT_CONFIG_COUNT: 'allowUnsafeConfigEnvCount',
};

type UnsafeOptions = NonNullable<SimpleGitOptions['unsafe']>;

interface GitEnvironment {
  readonly env: Record<string, string>;
  readonly unsafe: UnsafeOptions;
}

/**
 * The environment of every git process: the extension's own, without {@link NEVER_PASSED}, and with
 * GIT_FLUSH=0. Into a pipe git flushes after every commit, which wakes this process once per commit
 * (10,000 times for a long branch); buffered output reads the same at the end and costs far less.
 */
function gitEnvironment(env: NodeJS.ProcessEnv): GitEnvironment {
  const out: Record<string, string> = {};
  const unsafe: UnsafeOptions = { allowUnsafeFsMonitor: true };
  for (const [key, value] of Object.entries(env)) {
    const name = key.toUpperCase();
    if (value === undefined || NEVER_PASSED.has(name) || name === 'GIT_FLUSH') continue;
    out[key] = value;
    const allowance = INHERITED[name];
    if (allowance) unsafe[allowance] = true;
  }
  out.GIT_FLUSH = '0';
  return { env: out, unsafe };
}

interface FailedRun {
  readonly exitCode: number;
  readonly stdout: Buffer;
  readonly stderr: string;
  /** Stopped for writing more than the runner takes. */
  readonly tooLarge?: boolean;
}

/** Carries a failed run through simple-git's error path (which keeps GitError instances) to our catch. */
class RunFailure extends GitError {
  constructor(readonly result: FailedRun) {
    super(undefined, result.stderr);
  }
}

/**
 * A runner on simple-git. simple-git collects stdout into buffers: run() stops git past
 * maxOutputBytes, and a stream's pieces are not collected at all; run()'s output is decoded
 * once, after the process ends.
 * simple-git waits 50 ms more after a process that printed nothing at all, so the commands run on
 * every refresh are asked in a form that always prints something (see uncommittedFiles).
 */
export function createGitRunner(cwd: string, options: GitRunnerOptions = {}): GitRunner {
  const binary = options.binary ?? 'git';
  const silenceTimeoutMs = options.silenceTimeoutMs ?? DEFAULT_SILENCE_TIMEOUT_MS;
  const maxRunBytes = options.maxOutputBytes ?? DEFAULT_MAX_RUN_BYTES;
  const maxStreamBytes = options.maxOutputBytes ?? DEFAULT_MAX_STREAM_BYTES;
  // Buffered runs: past the cap, closing stdout stops git (SIGPIPE) and simple-git's buffers grow no more.
  const capped = (_command: string, stdout: NodeJS.ReadableStream): void => {
    let bytes = 0;
    stdout.on('data', (piece: Buffer) => {
      bytes += piece.length;
      if (bytes > maxRunBytes) (stdout as NodeJS.ReadableStream & { destroy(): void }).destroy();
    });
  };
  // Streams: simple-git's own collector (the only 'data' listener when this runs; its timeout
  // plugin listens later) is removed, so nothing but the listener keeps the output.
  const streamed = (listener: Listener) => (_command: string, stdout: NodeJS.ReadableStream): void => {
    stdout.removeAllListeners('data');
    let bytes = 0;
    stdout.on('data', (piece: Buffer) => {
      if (listener.overflowed) return;
      bytes += piece.length;
      if (bytes <= maxStreamBytes) return listener.onStdout(piece);
      listener.overflowed = true;
      (stdout as NodeJS.ReadableStream & { destroy(): void }).destroy();
    });
  };
  let environment: GitEnvironment | undefined;
  let git: SimpleGit | undefined;
  let plain: SimpleGit | undefined;
  let refused = false;
  // Without `env` the child inherits process.env as it is, and simple-git checks nothing of it.
  const create = (env?: GitEnvironment, signal?: AbortSignal): SimpleGit => {
    const client = simpleGit({
      ...(signal ? { abort: signal } : {}),
      baseDir: cwd,
      binary,
      maxConcurrentProcesses: options.maxConcurrentProcesses ?? 4,
      config: NEUTRAL_CONFIG,
      // core.fsmonitor=false above needs allowUnsafeFsMonitor; the rest is the inherited environment.
      unsafe: env?.unsafe ?? { allowUnsafeFsMonitor: true },
      // Killed only when silent, not when slow: a 100 MB log or a big status keeps talking.
      timeout: { block: silenceTimeoutMs },
      // simple-git only treats a run as failed when stderr is non-empty; we want every
      // non-zero exit (e.g. `rev-parse --verify -q` is silent) reported with its code.
      errors: (error, result) => {
        if (isTimeout(error)) return error;
        if (result.stdOut.reduce((n, piece) => n + piece.length, 0) > maxRunBytes) return new RunFailure({ exitCode: result.exitCode, stdout: Buffer.alloc(0), stderr: '', tooLarge: true });
        if (result.exitCode === 0 && !(error instanceof Error)) return undefined;
        return new RunFailure({
          exitCode: result.exitCode,
          stdout: Buffer.concat(result.stdOut),
          stderr: Buffer.concat(result.stdErr).toString('utf8'),
        });
      },
    });
    return env ? client.env(env.env) : client;
  };
  const withHandler = (client: SimpleGit, listener?: Listener): SimpleGit => client.outputHandler(listener ? streamed(listener) : capped);
  // The buffered client first; the plain one once simple-git refused the environment. A listener of
  // stdout gets a client of its own: simple-git hands the streams of every process a client starts
  // to the one handler set on that client.
  const clientFor = (buffered: boolean, listener?: Listener): SimpleGit => {
    const env = buffered ? (environment ??= gitEnvironment(process.env)) : undefined;
    if (listener) return withHandler(create(env, listener.signal), listener);
    return env ? (git ??= withHandler(create(env))) : (plain ??= withHandler(create()));
  };
  const raw = async (args: readonly string[], listener?: Listener): Promise<string> => {
    if (!fs.existsSync(cwd)) throw new NotARepositoryError(cwd);
    if (!refused) {
      try {
        return await clientFor(true, listener).raw([...args]);
      } catch (e) {
        // An environment simple-git will not hand over (say GIT_CONFIG_KEY_0=core.pager) is
        // inherited the plain way instead, as the process's own: only GIT_FLUSH is lost. simple-git
        // refuses before it starts git, so no stdout reached a listener.
        if (!isRefusedEnvironment(e)) throw e;
        refused = true;
      }
    }
    return clientFor(false, listener).raw([...args]);
  };
  const run = async (args: readonly string[], allowExitCodes: readonly number[], listener?: Listener): Promise<GitOutput> => {
    try {
      const stdout = await raw(args, listener);
      // git may have ended before it noticed its stdout closed.
      if (listener?.overflowed) throw new GitOutputTooLargeError(args, maxStreamBytes);
      return { exitCode: 0, stdout: listener ? '' : stdout };
    } catch (e) {
      if (isTimeout(e)) throw new GitTimeoutError(args, Math.round(silenceTimeoutMs / 100) / 10);
      if (listener?.overflowed) throw new GitOutputTooLargeError(args, maxStreamBytes);
      const failure = findFailure(e);
      if (!failure) throw e;
      if (failure.tooLarge) throw new GitOutputTooLargeError(args, maxRunBytes);
      if (isSpawnFailure(failure)) throw new GitMissingError(binary);
      if (allowExitCodes.includes(failure.exitCode)) return { exitCode: failure.exitCode, stdout: failure.stdout.toString('utf8') };
      if (/not a git repository/i.test(failure.stderr)) throw new NotARepositoryError(cwd);
      throw new GitCommandError(args, failure.exitCode, failure.stderr, failure.stdout.toString('utf8'));
    }
  };
  return {
    cwd,
    run: (args, allowExitCodes = []) => run(args, allowExitCodes),
    stream: (args, onStdout, signal) => run(args, [], { onStdout, ...(signal ? { signal } : {}) }),
  };
}

function isTimeout(e: unknown): e is GitPluginError {
  return e instanceof GitPluginError && e.plugin === 'timeout';
}

function isRefusedEnvironment(e: unknown): boolean {
  return e instanceof GitPluginError && e.plugin === 'unsafe';
}

function findFailure(e: unknown): FailedRun | undefined {
  return e instanceof RunFailure ? e.result : undefined;
}

function isSpawnFailure(failure: FailedRun): boolean {
  return failure.exitCode < 0 || /\bspawn\b.*\bENOENT\b/.test(failure.stderr);
}
