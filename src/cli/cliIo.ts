/** Where the CLI reads its working folder and writes its lines; tests pass their own. */
export interface CliIo {
  readonly cwd: string;
  readonly stdout: (line: string) => void;
  readonly stderr: (line: string) => void;
  /** The environment (CI variables); `process.env` when absent. */
  readonly env?: NodeJS.ProcessEnv;
}
