// `npm start`: builds the extension, creates the demo workspace, and serves a real VS Code
// (the harness's code-server) on 127.0.0.1 with Value Lens loaded from this checkout.
// Open the printed URL in a browser; Ctrl-C stops the server and removes the demo folder.
//   node scripts/start.mjs [--port N] [--folder DIR] [--no-build]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { makeDemo } from './makeDemo.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: opts } = parseArgs({
  options: { port: { type: 'string' }, folder: { type: 'string' }, 'no-build': { type: 'boolean' } },
});
const say = (s) => console.log(`[value-lens] ${s}`);
const step = (what, cmd, args) => {
  if (spawnSync(cmd, args, { cwd: root, stdio: 'inherit' }).status !== 0) {
    say(`${what} failed; see the output above`);
    process.exit(1);
  }
};

if (!opts['no-build']) step('build', process.execPath, ['esbuild.js']);
step('harness install', 'bash', ['harness/install.sh']);

let demoParent;
let folder = opts.folder && path.resolve(opts.folder);
if (!folder) {
  demoParent = fs.mkdtempSync(path.join(os.tmpdir(), 'value-lens-start-'));
  folder = makeDemo(path.join(demoParent, 'demo-shop'));
  say(`demo workspace: ${folder}`);
}

const { startCodeServer } = await import(pathToFileURL(path.join(root, 'harness/codeServer.mjs')).href);
const server = await startCodeServer({
  port: opts.port ? Number(opts.port) : undefined,
  onLog: (line) => { if (/\berror\b/i.test(line)) console.error(`[code-server] ${line}`); },
});
const url = server.workbenchUrl({ folder, extensionDevelopmentPath: root });
say(`VS Code (code-server 4.100.3) is running with Value Lens loaded.`);
say(`open: ${url}`);
say('press Ctrl-C to stop');

let stopping = false;
async function stop(code) {
  if (stopping) return;
  stopping = true;
  await server.stop();
  if (demoParent) fs.rmSync(demoParent, { recursive: true, force: true });
  say('stopped');
  process.exit(code);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
void server.exited.then((code) => {
  if (!stopping) {
    say(`code-server exited unexpectedly (${code})`);
    void stop(1);
  }
});
