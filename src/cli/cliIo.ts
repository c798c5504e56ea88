/** Where the CLI reads its working folder and writes its lines; tests pass their own. */
export interface CliIo {
  readonly cwd: string;
  readonly stdout: (line: string) => void;
  readonly stderr: (line: string) => void;
  /** The environment (CI variables); `process.env` when absent. */
  readonly env?: NodeJS.ProcessEnv;
}

const ESCAPES: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * A path with its control characters written as escapes (`\n`, `\x1b`): a newline in a file
 * name would otherwise split a `file:line:col:` line in two for every tool that reads it.
 */
export function printablePath(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => ESCAPES[c] ?? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
