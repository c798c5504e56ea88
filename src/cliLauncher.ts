// value-lens (dist/cli.js): starts the program (dist/cli-main.js, from src/cli.ts) from V8's code
// cache when the user's cache folder has it, as node would require it otherwise.
import { createRequire } from 'module';
import * as path from 'path';
import type { CachedScript } from './cli/codeCache';
import { codeCacheFolder, compileWithCodeCache } from './cli/codeCache';

const main = path.join(__dirname, 'cli-main.js');

function cached(): CachedScript | undefined {
  const folder = codeCacheFolder(process.env);
  try {
    return folder ? compileWithCodeCache(main, folder) : undefined;
  } catch {
    // An unreadable bundle fails below with node's own message.
    return undefined;
  }
}

const script = cached();
if (script) {
  process.once('exit', () => script.saveIfNeeded());
  script.run();
} else {
  createRequire(__filename)(main);
}
