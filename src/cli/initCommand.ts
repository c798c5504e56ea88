import * as path from 'path';
import { describeInit, runInit } from '../core/init/runInit';
import type { CliIo } from './cliIo';
import { isFolder } from './linkedFolder';

/** `value-lens init [folder] [--hook]`: sets up `.value/`; running it twice changes nothing. */
export async function initCommand(options: { readonly folder: string; readonly hook: boolean }, io: CliIo): Promise<number> {
  const root = path.resolve(io.cwd, options.folder);
  if (!(await isFolder(root))) {
    io.stderr(`value-lens: no such folder: ${options.folder}`);
    return 2;
  }
  const result = await runInit(root, { hook: options.hook, exampleIntent: true });
  for (const line of describeInit(result)) io.stdout(line);
  return 0;
}
