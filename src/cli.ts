// value-lens: the command-line entry on the same core as the extension (for CI and git hooks).
import { runCli } from './cli/runCli';

/* eslint-disable no-console -- a CLI writes to the console by design */
void runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: (line) => console.log(line),
  stderr: (line) => console.error(line),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error(`value-lens: unexpected failure: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    process.exitCode = 2;
  },
);
