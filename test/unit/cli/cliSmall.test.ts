import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { TempRepo } from '../git/tempRepo';
import { assertRefused, cli, intentYaml, valueRepo } from './cliRun';

describe('value-lens: dates, odd keys, odd file names and links', () => {
  let repo: TempRepo;
  beforeEach(() => {
    repo = valueRepo().repo;
  });
  afterEach(() => repo.remove());

  it('refuses a --today that is no calendar date, for check and report', async () => {
    for (const command of ['check', 'report']) {
      for (const bad of ['2026-13-45', '2026-02-30', '2026-00-10']) {
        assertRefused(await cli(repo.dir, command, '--today', bad), new RegExp(`^value-lens: --today: "${bad}" is not a date in the calendar`));
      }
      assertRefused(await cli(repo.dir, command, '--today', 'soon'), /--today must be a date written YYYY-MM-DD/);
    }
    assert.strictEqual((await cli(repo.dir, 'check', '--today', '2028-02-29')).code, 0);
  });

  it('a list or map as a key is a problem at the key, with nothing on stderr but the summary', async () => {
    repo.write('.value/intents/odd.yaml', `${intentYaml('odd')}? [a, b]\n: c\n`);
    const warnings: string[] = [];
    const onWarning = (w: Error): void => {
      warnings.push(w.message);
    };
    process.on('warning', onWarning);
    try {
      const r = await cli(repo.dir, 'check');
      // Node emits warnings on the next tick.
      await new Promise((resolve) => setImmediate(resolve));
      assert.strictEqual(r.code, 1);
      assert.deepStrictEqual(r.out, ['.value/intents/odd.yaml:8:3: error: A list or map cannot be a key: keys are names, as in "title: Faster checkout". Write the key as text.']);
      assert.deepStrictEqual(warnings, []);
    } finally {
      process.off('warning', onWarning);
    }
  });

  it('escapes control characters in printed paths, so each problem stays one line', async () => {
    repo.write('.value/intents/a\nb.yaml', 'id: a\n');
    const r = await cli(repo.dir, 'check');
    assert.strictEqual(r.code, 1);
    assert.ok(r.out.length > 0);
    for (const line of r.out) assert.match(line, /^\.value\/intents\/a\\nb\.yaml:\d+:\d+: (error|warning): /);
  });

  it('reports a dangling intent link as a warning instead of skipping it', async () => {
    fs.symlinkSync('gone.yaml', path.join(repo.dir, '.value/intents/lost.yaml'));
    const r = await cli(repo.dir, 'check');
    assert.strictEqual(r.code, 0);
    assert.deepStrictEqual(r.out, ['.value/intents/lost.yaml:1:1: warning: Skipped: this is a symbolic link to gone.yaml, which does not exist. Fix the link or remove it.']);
  });
});
