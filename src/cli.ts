// value-lens: the command-line entry on the same core as the extension (for CI and git hooks).
import { runCli } from './cli/runCli';

/** Exits once what was written has reached stdout and stderr (pipes are written asynchronously). */
function exitWhenFlushed(code: number): void {
  let pending = 2;
  const done = (): void => {
    pending -= 1;
    // Not waiting for the event loop to drain: git's child-process timers would hold the exit back by ~50 ms.
    if (pending === 0) process.exit(code);
  };
  process.stdout.write('', done);
  process.stderr.write('', done);
}

/* eslint-disable no-console -- a CLI writes to the console by design */
void runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: (line) => console.log(line),
  stderr: (line) => console.error(line),
}).then(
  (code) => exitWhenFlushed(code),
  (e: unknown) => {
    console.error(`value-lens: unexpected failure: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    exitWhenFlushed(2);
  },
);
