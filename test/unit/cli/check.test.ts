import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../../../src/cli/runCli';
import { repoRoot } from '../../support/repoRoot';

async function cli(cwd: string, ...argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { cwd, stdout: (l) => out.push(l), stderr: (l) => err.push(l) });
  return { code, out, err };
}

describe('value-lens check (CLI)', () => {
  let root: string;
  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'value-lens-cli-'));
    fs.mkdirSync(path.join(root, 'repo/.value/intents'), { recursive: true });
    fs.writeFileSync(path.join(root, 'repo/.value/intents/good.yaml'), 'id: good\ntitle: G\nwhy: w\nowner: o\nstatus: active\n');
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('exits 0 and prints nothing on stdout for a clean folder', async () => {
    const r = await cli(root, 'check', 'repo');
    assert.strictEqual(r.code, 0);
    assert.deepStrictEqual(r.out, []);
    assert.deepStrictEqual(r.err, ['1 file checked: 0 errors, 0 warnings']);
  });

  it('prints path:line:col: severity: message and exits 1 on errors', async () => {
    const bad = path.join(root, 'repo/.value/intents/bad.yaml');
    fs.writeFileSync(bad, 'id: bad\ntitle: B\nwhy: w\nowner: o\nstatus: finished\n');
    try {
      const r = await cli(root, 'check', 'repo');
      assert.strictEqual(r.code, 1);
      assert.deepStrictEqual(r.out, ['repo/.value/intents/bad.yaml:5:9: error: "status" must be one of proposed, active, delivered, dropped; found text ("finished").']);
      const json = await cli(path.join(root, 'repo'), 'check', '--format', 'json');
      assert.strictEqual(json.code, 1);
      const parsed = JSON.parse(json.out.join('\n')) as { errors: number; problems: { file: string; line: number; col: number; code: string }[] };
      assert.strictEqual(parsed.errors, 1);
      assert.deepStrictEqual(parsed.problems.map((p) => [p.file, p.line, p.col, p.code]), [['.value/intents/bad.yaml', 5, 9, 'schema.enum']]);
    } finally {
      fs.rmSync(bad);
    }
  });

  it('reports the common bad inputs with their positions, and never crashes', async () => {
    const cases: Record<string, string> = {
      'empty.yaml': '',
      'syntax.yaml': 'id: syntax\ntitle: [unclosed\n',
      'dupkey.yaml': 'id: dupkey\ntitle: A\ntitle: B\nwhy: w\nowner: o\nstatus: active\n',
      'types.yaml': 'id: types\ntitle: T\nwhy: w\nowner: o\nstatus: active\nvalue: { amount: lots, currency: EUR }\n',
      'listmap.yaml': 'id: listmap\ntitle: T\nwhy: w\nowner: o\nstatus: active\npaths: { src: yes }\n',
      'mismatch.yaml': 'id: other\ntitle: T\nwhy: w\nowner: o\nstatus: active\n',
    };
    const dir = path.join(root, 'bad/.value/intents');
    fs.mkdirSync(dir, { recursive: true });
    for (const [name, text] of Object.entries(cases)) fs.writeFileSync(path.join(dir, name), text);
    const r = await cli(root, 'check', 'bad');
    assert.strictEqual(r.code, 1);
    const shown = r.out.map((l) => l.replace(/^bad\/\.value\/intents\//, '').replace(/: error: .*/, ''));
    assert.deepStrictEqual(shown, ['dupkey.yaml:3:1', 'empty.yaml:1:1', 'listmap.yaml:6:8', 'mismatch.yaml:1:5', 'syntax.yaml:2:8', 'types.yaml:6:18']);
    assert.deepStrictEqual(r.err, ['6 files checked: 6 errors, 0 warnings']);
  });

  it('exits 0 with warnings only', async () => {
    const warn = path.join(root, 'repo/.value/intents/warn.yaml');
    fs.writeFileSync(warn, 'id: warn\ntitle: W\nwhy: w\nowner: o\nstatus: active\nnote: extra\n');
    try {
      const r = await cli(root, 'check', 'repo');
      assert.strictEqual(r.code, 0);
      assert.match(r.out[0] ?? '', /:6:1: warning: Unknown field "note"/);
    } finally {
      fs.rmSync(warn);
    }
  });

  it('exits 2 with a one-line reason on usage errors and when there is nothing to check', async () => {
    assert.strictEqual((await cli(root, 'check', '--format', 'xml')).code, 2);
    assert.strictEqual((await cli(root, 'frobnicate')).code, 2);
    const none = await cli(root, 'check', '.');
    assert.strictEqual(none.code, 2);
    assert.match(none.err[0] ?? '', /no \.value\/ folder/);
  });

  it('runs as the bundled bin (dist/cli.js) with the same exit codes', function () {
    this.timeout(10000);
    const bin = path.join(repoRoot, 'dist/cli.js');
    assert.ok(fs.existsSync(bin), 'build first: dist/cli.js is missing');
    const ok = spawnSync(process.execPath, [bin, 'check', path.join(root, 'repo')], { encoding: 'utf8' });
    assert.strictEqual(ok.status, 0, ok.stderr);
    fs.writeFileSync(path.join(root, 'repo/.value/intents/x.yaml'), 'id: [\n');
    const bad = spawnSync(process.execPath, [bin, 'check', path.join(root, 'repo')], { encoding: 'utf8' });
    fs.rmSync(path.join(root, 'repo/.value/intents/x.yaml'));
    assert.strictEqual(bad.status, 1);
    assert.match(bad.stdout, /x\.yaml:\d+:\d+: error: /);
    const help = spawnSync(process.execPath, [bin, '--help'], { encoding: 'utf8' });
    assert.match(help.stdout, /usage: value-lens/);
  });
});
