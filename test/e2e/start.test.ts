import * as assert from 'assert';
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { repoRoot } from '../support/repoRoot';

describe('npm start', function () {
  this.timeout(120000);

  it('serves the product on 127.0.0.1 with the demo workspace, and Ctrl-C stops it and cleans up', async () => {
    const child = spawn(process.execPath, [path.join(repoRoot, 'scripts/start.mjs'), '--no-build'], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (b: Buffer) => (output += b.toString()));
    child.stderr.on('data', (b: Buffer) => (output += b.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no URL printed:\n${output}`)), 90000);
        child.stdout.on('data', () => {
          const match = /open: (http:\/\/127\.0\.0\.1:\d+\/\S+)/.exec(output);
          if (match?.[1]) {
            clearTimeout(timer);
            resolve(match[1]);
          }
        });
      });
      const folder = new URL(url).searchParams.get('folder') ?? '';
      assert.ok(fs.existsSync(path.join(folder, '.value', 'intents', 'checkout-speed.yaml')), folder);
      assert.ok(new URL(url).searchParams.get('payload')?.includes('extensionDevelopmentPath'));
      const response = await fetch(url);
      assert.strictEqual(response.status, 200);
      assert.match(await response.text(), /<html/i);

      child.kill('SIGINT');
      assert.strictEqual(await exited, 0, output);
      assert.match(output, /stopped/);
      assert.ok(!fs.existsSync(folder), 'the demo folder was left behind');
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
