import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { SimpleGitPort } from '../../../src/core/git/simpleGitPort';
import { readValueFolder } from '../../../src/core/model/readValueFolder';
import { buildReport } from '../../../src/core/report/buildReport';
import { readReportCommits } from '../../../src/core/report/readReportCommits';
import type { ValueReport } from '../../../src/core/report/reportModel';
import { periodStart } from '../../../src/core/report/reportPeriod';
import { cli, spawnBin } from '../cli/cliRun';
import { TempRepo } from '../git/tempRepo';
import { FIXTURE_FILES, TODAY } from './reportFixture';

describe('value-lens report (CLI)', function () {
  this.timeout(20000);
  let repo: TempRepo;

  before(() => {
    repo = TempRepo.create();
    for (const [file, text] of Object.entries(FIXTURE_FILES)) repo.write(file, text);
    repo.git('add', '--', '.value');
    repo.commit('Describe the value\n');
    repo.commit('Faster totals\n\nIntent: checkout-speed\n', ['src/cart.ts']);
    repo.commit('Guide shops\n\nIntent: onboarding, ghost\n', ['src/guide.ts']);
    repo.commit('Typo\n', ['README.md']);
  });
  after(() => repo.remove());

  /** The report the core builds for the repository: what the CLI must print. */
  async function expected(period: 'all' | '30d'): Promise<ValueReport> {
    const { model } = await readValueFolder(repo.dir);
    const commits = await readReportCommits(new SimpleGitPort(repo.dir), 'Intent', { since: periodStart(period, TODAY) });
    return buildReport({ title: path.basename(repo.dir), model, commits, today: TODAY, period });
  }

  it('prints the same numbers as the report model (the bundled bin, JSON)', async () => {
    const run = spawnBin(repo.dir, ['report', '--format', 'json', '--today', TODAY]);
    assert.strictEqual(run.status, 0, run.stderr);
    const printed = JSON.parse(run.stdout) as ValueReport;
    assert.deepStrictEqual(printed, JSON.parse(JSON.stringify(await expected('all'))));
    // Four commits; "Describe the value" changes only .value/: bookkeeping, not counted.
    assert.deepStrictEqual(printed.headline.coverage, { commits: 3, linked: 2, share: 2 / 3 });
    assert.strictEqual(printed.headline.money.find((t) => t.currency === 'EUR' && t.per === 'year')?.expected, 115000);
  });

  it('writes Markdown by default and HTML to --out, with the period from --since', async () => {
    const md = await cli(repo.dir, 'report', '.', '--today', TODAY);
    assert.strictEqual(md.code, 0, md.err.join('\n'));
    assert.match(md.out.join('\n'), /^# Value report: /);
    assert.ok(md.out.join('\n').includes(`\nValue coverage counts the history of main at ${repo.head().slice(0, 12)}.\n`));
    assert.match(md.out.join('\n'), /\| EUR \| per year \| €115,000 per year \| €45,000 per year \|/);

    const out = await cli(repo.dir, 'report', '--format', 'html', '--since', '30d', '--out', 'report.html', '--today', TODAY);
    assert.strictEqual(out.code, 0, out.err.join('\n'));
    assert.deepStrictEqual(out.out, []);
    assert.match(out.err.join('\n'), /Wrote the value report to report\.html/);
    const html = fs.readFileSync(path.join(repo.dir, 'report.html'), 'utf8');
    assert.match(html, /^<!DOCTYPE html>/);
    assert.match(html, /last 30 days/);
    const thirty = await expected('30d');
    assert.ok(html.includes(`data-figure="releases-in-period">${thirty.headline.releases.inPeriod}<`));
  });

  it('refuses to write --out through a committed link that leads outside the folder; the target is untouched', async () => {
    const outside = TempRepo.create({ init: false });
    try {
      const bashrc = path.join(outside.dir, '.bashrc');
      fs.writeFileSync(bashrc, 'export PATH=$HOME/bin:$PATH\n');
      fs.symlinkSync(bashrc, path.join(repo.dir, 'link.md'));
      fs.symlinkSync(outside.dir, path.join(repo.dir, 'site'));
      for (const out of ['link.md', 'site/.bashrc']) {
        const run = await cli(repo.dir, 'report', '--out', out, '--today', TODAY);
        assert.strictEqual(run.code, 2, out);
        assert.deepStrictEqual(run.out, []);
        assert.strictEqual(run.err.length, 1);
        assert.match(run.err[0] ?? '', new RegExp(`^value-lens: cannot write ${out}: .*leads outside .*so Value Lens does not write it`));
        assert.strictEqual(fs.readFileSync(bashrc, 'utf8'), 'export PATH=$HOME/bin:$PATH\n');
      }
      assert.deepStrictEqual(fs.readdirSync(outside.dir), ['.bashrc']);
      // A report written earlier is replaced, as before.
      for (let i = 0; i < 2; i++) assert.strictEqual((await cli(repo.dir, 'report', '--out', 'again.md', '--today', TODAY)).code, 0);
      assert.match(fs.readFileSync(path.join(repo.dir, 'again.md'), 'utf8'), /^# Value report: /);
    } finally {
      for (const name of ['link.md', 'site', 'again.md']) fs.rmSync(path.join(repo.dir, name), { force: true });
      outside.remove();
    }
  });

  it('exits 2 with one line for usage errors and for folders it cannot report on', async () => {
    const cases: [string[], RegExp][] = [
      [['report', '--format', 'pdf'], /--format must be html, md or json/],
      [['report', '--since', '7d'], /--since must be 30d, 90d, 365d or all/],
      [['report', '--today', 'tomorrow'], /--today must be a date/],
      [['report', 'a', 'b'], /at most one folder/],
      [['report', 'no-such-folder'], /no such folder/],
      [['report', 'src'], /no \.value\/ folder/],
    ];
    for (const [args, message] of cases) {
      const run = await cli(repo.dir, ...args);
      assert.strictEqual(run.code, 2, args.join(' '));
      assert.strictEqual(run.err.length, 1, args.join(' '));
      assert.match(run.err[0] ?? '', message);
      assert.deepStrictEqual(run.out, []);
    }
    const plain = TempRepo.create({ init: false });
    try {
      plain.write('.value/intents/a.yaml', 'id: a\ntitle: A\nwhy: w\nowner: o\nstatus: active\n');
      const run = await cli(plain.dir, 'report', '--out', 'r.md');
      assert.strictEqual(run.code, 2);
      assert.match(run.err[0] ?? '', /not a git repository/);
      assert.ok(!fs.existsSync(path.join(plain.dir, 'r.md')));
    } finally {
      plain.remove();
    }
  });
});
