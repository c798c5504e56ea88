import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { TempRepo } from '../git/tempRepo';
import { cli, intentYaml } from './cliRun';

const TOKEN = 'c2VjcmV0LXRva2VuLXZhbHVl';

describe('value-lens check: links that could expose secrets in CI logs', () => {
  let repo: TempRepo;
  beforeEach(() => {
    repo = TempRepo.create();
    // Where actions/checkout keeps its auth header.
    repo.git('config', 'http.https://github.com/.extraheader', `AUTHORIZATION: basic ${TOKEN}`);
    repo.write('.env', 'DEPLOY_TOKEN=abc123supersecret\n');
    repo.write('.value/intents/good.yaml', intentYaml('good'));
  });
  afterEach(() => fs.rmSync(repo.dir, { recursive: true, force: true }));

  it('refuses an intent linked to .git/config or to a .env beside .value/, and quotes neither', async () => {
    fs.symlinkSync('../../.git/config', path.join(repo.dir, '.value/intents/a.yaml'));
    fs.symlinkSync('../../.env', path.join(repo.dir, '.value/intents/b.yaml'));
    const r = await cli(repo.dir, 'check', '--format', 'json');
    const all = [...r.out, ...r.err].join('\n');
    assert.ok(!all.includes(TOKEN) && !all.includes('abc123supersecret') && !all.includes('extraheader'), all);
    assert.strictEqual(r.code, 1);
    const problems = (JSON.parse(r.out.join('\n')) as { problems: { file: string; code: string; message: string }[] }).problems;
    assert.deepStrictEqual(problems.map((p) => `${p.file} ${p.code}`), ['.value/intents/a.yaml link-refused', '.value/intents/b.yaml link-refused']);
    assert.match(problems[0]!.message, /inside the git folder/);
    assert.match(problems[1]!.message, /outside the \.value folder/);
  });

  it('refuses .value/intents linked to a folder outside .value/', async () => {
    repo.write('docs/intents/x.yaml', 'secret: text-of-docs\n');
    fs.rmSync(path.join(repo.dir, '.value/intents'), { recursive: true });
    fs.symlinkSync('../docs/intents', path.join(repo.dir, '.value/intents'));
    const r = await cli(repo.dir, 'check');
    assert.strictEqual(r.code, 1);
    assert.deepStrictEqual(r.out.map((l) => l.replace(/ to .*/, '')), ['.value/intents:1:1: error: Not read: .value/intents is a symbolic link']);
  });

  it('follows a link inside .value/ but quotes none of the linked file\'s text', async () => {
    repo.write('.value/shared/c.yaml', 'id: c\ntitle: C\nwhy: w\nowner: o\nstatus: leaked-text-here\n');
    fs.symlinkSync('../shared/c.yaml', path.join(repo.dir, '.value/intents/c.yaml'));
    const r = await cli(repo.dir, 'check');
    assert.strictEqual(r.code, 1);
    assert.deepStrictEqual(r.out, ['.value/intents/c.yaml:5:9: error: … must be one of …; found text ("…").']);
  });

  it('cuts a long token the YAML parser quotes to 60 characters', async () => {
    repo.write('.value/intents/d.yaml', `[http]\n\textraheader = AUTHORIZATION: basic ${'x'.repeat(3000)}\n`);
    const r = await cli(repo.dir, 'check');
    assert.strictEqual(r.code, 1);
    assert.ok(r.out.some((l) => l.includes(`"basic ${'x'.repeat(54)}…"`)), r.out.join('\n'));
    assert.ok(r.out.every((l) => !l.includes('x'.repeat(55))), r.out.join('\n'));
  });
});

describe('value-lens check: no problem quotes more than 120 characters of anything', () => {
  it('cuts a 3,000-character metric name in a review-overdue note', async () => {
    const repo = TempRepo.create();
    try {
      repo.write('.value/intents/good.yaml', intentYaml('good'));
      const metric = `m${'e'.repeat(2999)}`;
      repo.write('.value/releases/1.0.yaml', `release: "1.0"\nbranch: release/1.0\nbase: main\ncreated: 2026-01-01\nexpected:\n  summary: Faster.\n  intents: [good]\n  measures:\n    - metric: ${metric}\n      review: 2026-02-01\n`);
      const r = await cli(repo.dir, 'check', '--today', '2026-06-01');
      assert.ok(r.out.some((l) => l.includes(`"m${'e'.repeat(119)}…"`)), r.out.join('\n'));
      assert.ok(r.out.every((l) => l.length < 400), r.out.join('\n'));
    } finally {
      repo.remove();
    }
  });
});
