import { parseArgs } from 'util';
import { localIsoDate } from '../core/today';
import { checkCommand } from './checkCommand';
import type { CliIo } from './cliIo';

export const USAGE = `usage: value-lens <command> [options]

commands:
  check [folder]   validate the .value/ files of folder (default: .)
                   --format text|json   output format (default: text)
                   --today YYYY-MM-DD   date used for "review overdue" (default: today)

exit codes: 0 no errors, 1 errors found, 2 usage error or nothing to check`;

/** Runs one CLI invocation and returns its exit code; never throws for bad input. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    if (command) io.stdout(USAGE);
    else io.stderr(USAGE);
    return command ? 0 : 2;
  }
  try {
    if (command === 'check') {
      const { values, positionals } = parseArgs({
        args: [...rest],
        allowPositionals: true,
        options: { format: { type: 'string', default: 'text' }, today: { type: 'string' } },
      });
      if (values.format !== 'text' && values.format !== 'json') throw new Error(`--format must be text or json, not "${values.format}"`);
      if (values.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.today)) throw new Error('--today must be a date written YYYY-MM-DD');
      if (positionals.length > 1) throw new Error('check takes at most one folder');
      return await checkCommand({ folder: positionals[0] ?? '.', format: values.format, today: values.today ?? localIsoDate() }, io);
    }
    throw new Error(`unknown command "${command}"`);
  } catch (e) {
    io.stderr(`value-lens: ${e instanceof Error ? e.message : String(e)}`);
    io.stderr('run "value-lens --help" for usage');
    return 2;
  }
}
