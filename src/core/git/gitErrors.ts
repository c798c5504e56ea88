/** Errors the git layer throws, typed so callers can say something useful instead of a stack. */

/** The git executable could not be started (not installed or not on PATH). */
export class GitMissingError extends Error {
  override readonly name = 'GitMissingError';
  constructor(readonly binary: string) {
    super(`Git was not found (tried to run "${binary}"); install git or put it on PATH to see branch and commit links.`);
  }
}

/** The folder is not inside a git work tree (or does not exist). */
export class NotARepositoryError extends Error {
  override readonly name = 'NotARepositoryError';
  constructor(readonly folder: string) {
    super(`${folder} is not inside a git repository.`);
  }
}

/** A git command exited with a status the caller did not expect. */
export class GitCommandError extends Error {
  override readonly name = 'GitCommandError';
  /** The git command that failed (`log`, `status`…). */
  readonly subcommand: string;
  /** The first line of what git wrote to stderr: git's own words, empty when it wrote none. */
  readonly gitMessage: string;
  constructor(
    readonly args: readonly string[],
    readonly exitCode: number,
    readonly stderr: string,
    readonly stdout: string,
  ) {
    const subcommand = subcommandOf(args);
    const gitMessage = firstLine(stderr);
    super(`git ${subcommand} failed (exit ${exitCode}): ${gitMessage || 'no message'}`);
    this.subcommand = subcommand;
    this.gitMessage = gitMessage;
  }
}

/**
 * A git process wrote more than the runner takes from one command and was stopped: reading it
 * whole would exhaust memory or the longest string the runtime can make (a 512 MiB commit subject).
 */
export class GitOutputTooLargeError extends GitCommandError {
  constructor(args: readonly string[], readonly limitBytes: number) {
    super(args, -1, `its output passed ${Math.round(limitBytes / 1024 / 1024)} MiB and it was stopped`, '');
  }
}

/** A git process gave no output for too long and was stopped, so one stuck git cannot hang every later scan. */
export class GitTimeoutError extends Error {
  override readonly name = 'GitTimeoutError';
  /** The git command that was stopped (`log`, `status`…). */
  readonly subcommand: string;
  constructor(readonly args: readonly string[], readonly seconds: number) {
    const subcommand = subcommandOf(args);
    super(`git ${subcommand} gave no output for ${seconds} s and was stopped. A lock held by another git, a network file system or a hook may be slow: refresh once it is free.`);
    this.subcommand = subcommand;
  }
}

/** A user-provided ref or trailer key was refused before it reached git. */
export class InvalidGitInputError extends Error {
  override readonly name = 'InvalidGitInputError';
}

/** `log` in `--no-optional-locks -c x=y log …`: the leading options say nothing about what failed. */
function subcommandOf(args: readonly string[]): string {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '-c' || arg === '-C') i++;
    else if (!arg.startsWith('-')) return arg;
  }
  return args[0] ?? '';
}

function firstLine(text: string): string {
  return text.trim().split('\n', 1)[0] ?? '';
}
