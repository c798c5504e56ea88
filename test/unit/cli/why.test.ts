import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { WhyJson } from '../../../src/cli/whyCommand';
import { execFileSync } from 'child_process';
import { GIT_ENV, TempRepo } from '../git/tempRepo';
import { assertRefused, cli, intentYaml, spawnBin, valueRepo, writeIntents } from './cliRun';

async function why(cwd: string, file: string): Promise<WhyJson> {
  const r = await cli(cwd, 'why', file, '--json');
  assert.strictEqual(r.code, 0, r.err.join('\n'));
  assert.deepStrictEqual(r.err, []);
  return JSON.parse(r.out.join('\n')) as WhyJson;
}


describe('value-lens why (CLI on real git)', () => {
  let repo: TempRepo;
  const extra: TempRepo[] = [];
  afterEach(() => {
    repo.remove();
    for (const r of extra.splice(0)) r.remove();
  });

  /** pay.ts: paths only; misc.ts: a trailer only; find.ts: both; legacy/old.ts: an unknown id only. */
  function linkedFiles(): void {
    repo = valueRepo().repo;
    repo.commit('Tidy helper\n\nIntent: search\n', ['src/util/misc.ts', 'src/search/find.ts']);
    repo.commit('Legacy fix\n\nIntent: ghost\n', ['src/checkout/legacy/old.ts']);
    repo.commit('Faster pay', ['src/checkout/pay.ts']);
  }

  it('runs one git process, the file\'s own log, whatever the branch: no scan of the branch first', () => {
    linkedFiles();
    repo.git('checkout', '-q', '-b', 'feature/long');
    for (let i = 0; i < 5; i++) repo.commit(`Work ${i}`, [`src/work/${i}.ts`]);
    repo.write('src/wip.ts', 'wip\n');
    const bin = path.join(repo.dir, '..', `spy-${path.basename(repo.dir)}`);
    fs.mkdirSync(bin, { recursive: true });
    const log = path.join(bin, 'calls.log');
    const real = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
    fs.writeFileSync(path.join(bin, 'git'), `#!/bin/sh\necho "$*" >> '${log}'\nexec '${real}' "$@"\n`, { mode: 0o755 });
    try {
      const run = spawnBin(path.join(repo.dir, 'src'), ['why', 'util/misc.ts', '--json'], { ...GIT_ENV, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}` });
      assert.strictEqual(run.status, 0, run.stderr);
      assert.deepStrictEqual(JSON.parse(run.stdout), { path: 'src/util/misc.ts', intents: [{ id: 'search', reasons: ['commit'] }] });
      const calls = fs.readFileSync(log, 'utf8').trim().split('\n');
      assert.strictEqual(calls.length, 1, calls.join('\n'));
      assert.match(calls[0] ?? '', /--literal-pathspecs log -z --max-count=50 .* HEAD -- src\/util\/misc\.ts$/);
    } finally {
      fs.rmSync(bin, { recursive: true, force: true });
    }
  });

  it('answers for a tracked symbolic link to a folder, which git tracks as a file', async () => {
    repo = valueRepo().repo;
    repo.write('git-gui/Makefile');
    fs.mkdirSync(path.join(repo.dir, 'subprojects'));
    fs.symlinkSync('../git-gui', path.join(repo.dir, 'subprojects/git-gui'));
    repo.git('add', '--', 'git-gui/Makefile', 'subprojects/git-gui');
    repo.commit('Link git-gui\n\nIntent: search\n');
    assert.match(repo.git('ls-files', '-s', 'subprojects/git-gui'), /^120000 /);
    assert.deepStrictEqual(await why(repo.dir, 'subprojects/git-gui'), { path: 'subprojects/git-gui', intents: [{ id: 'search', reasons: ['commit'] }] });
    // The folder it leads to is still a folder.
    assertRefused(await cli(repo.dir, 'why', 'git-gui'), /git-gui is a folder; why takes a file/);
  });

  it('tells a path-glob match from a commit-trailer match', async () => {
    linkedFiles();
    assert.deepStrictEqual(await why(repo.dir, 'src/checkout/pay.ts'), { path: 'src/checkout/pay.ts', intents: [{ id: 'checkout-speed', reasons: ['path'] }] });
    assert.deepStrictEqual(await why(repo.dir, 'src/util/misc.ts'), { path: 'src/util/misc.ts', intents: [{ id: 'search', reasons: ['commit'] }] });
    assert.deepStrictEqual(await why(repo.dir, 'src/search/find.ts'), { path: 'src/search/find.ts', intents: [{ id: 'search', reasons: ['path', 'commit'] }] });
    // Excluded by `!src/checkout/legacy/**`, and a trailer naming no intent links nothing.
    assert.deepStrictEqual(await why(repo.dir, 'src/checkout/legacy/old.ts'), { path: 'src/checkout/legacy/old.ts', intents: [] });
  });

  it('takes paths relative to the working folder or absolute; reports them relative to the .value/ folder', async () => {
    linkedFiles();
    assert.deepStrictEqual(await why(path.join(repo.dir, 'src/checkout'), '../util/misc.ts'), { path: 'src/util/misc.ts', intents: [{ id: 'search', reasons: ['commit'] }] });
    assert.deepStrictEqual(await why('/', path.join(repo.dir, 'src/checkout/pay.ts')), { path: 'src/checkout/pay.ts', intents: [{ id: 'checkout-speed', reasons: ['path'] }] });
  });

  it('text: the file, then each intent with its title and reasons', async () => {
    linkedFiles();
    const both = await cli(path.join(repo.dir, 'src'), 'why', 'search/find.ts');
    assert.strictEqual(both.code, 0, both.err.join('\n'));
    assert.deepStrictEqual(both.out, ['search/find.ts:', '  search  Title of search  (paths glob, commit trailer)']);
    const none = await cli(repo.dir, 'why', 'README.md');
    assert.deepStrictEqual(none.out, ["README.md: no intents (no intent's paths cover it and no recent commit that touched it names one)"]);
  });

  it('uses the nearest .value/ above the file: a workspace folder below the top level', async () => {
    repo = TempRepo.create();
    writeIntents(repo, 'app', { api: intentYaml('api', ['lib/**']), ops: intentYaml('ops') });
    repo.git('add', '.');
    repo.commit('base', ['app/lib/a.ts', 'app/tools/run.ts']);
    repo.commit('Script\n\nIntent: ops\n', ['app/tools/run.ts']);
    assert.deepStrictEqual(await why(repo.dir, 'app/lib/a.ts'), { path: 'lib/a.ts', intents: [{ id: 'api', reasons: ['path'] }] });
    assert.deepStrictEqual(await why(repo.dir, 'app/tools/run.ts'), { path: 'tools/run.ts', intents: [{ id: 'ops', reasons: ['commit'] }] });
  });

  it('on an unborn branch and a detached HEAD', async () => {
    repo = TempRepo.create();
    writeIntents(repo, '', { docs: intentYaml('docs', ['*.md']) });
    repo.write('README.md', 'hi\n');
    assert.deepStrictEqual(await why(repo.dir, 'README.md'), { path: 'README.md', intents: [{ id: 'docs', reasons: ['path'] }] });
    repo.git('add', '.');
    const first = repo.commit('Docs\n\nIntent: docs\n');
    repo.commit('More', ['notes.txt']);
    repo.git('checkout', '-q', '--detach', first);
    assert.deepStrictEqual(await why(repo.dir, 'README.md'), { path: 'README.md', intents: [{ id: 'docs', reasons: ['path', 'commit'] }] });
  });

  it('exit 2 with one line: a path outside, no .value/, not a repository, no such file, a folder, bad arguments', async () => {
    linkedFiles();
    const outside = TempRepo.create({ init: false });
    extra.push(outside);
    outside.write('elsewhere.ts');
    const relativeOutside = path.relative(repo.dir, path.join(outside.dir, 'elsewhere.ts'));
    assertRefused(await cli(repo.dir, 'why', relativeOutside), /elsewhere\.ts is outside any git repository or folder with \.value\/$/);
    assertRefused(await cli(repo.dir, 'why', path.join(outside.dir, 'elsewhere.ts'), '--json'), /is outside any git repository/);

    const other = TempRepo.create();
    extra.push(other);
    other.write('lib/x.ts');
    assertRefused(await cli(repo.dir, 'why', path.join(other.dir, 'lib/x.ts')), new RegExp(`no \\.value/ folder in .*lib or above it up to the repository top level ${other.dir}$`));

    writeIntents(outside, '', { docs: intentYaml('docs') });
    assertRefused(await cli(outside.dir, 'why', 'elsewhere.ts'), /is not inside a git repository/);

    assertRefused(await cli(repo.dir, 'why', 'src/nope.ts'), /no such file: src\/nope\.ts$/);
    assertRefused(await cli(repo.dir, 'why', 'src'), /src is a folder; why takes a file$/);
    assertRefused(await cli(repo.dir, 'why'), /why takes exactly one path/);
    assertRefused(await cli(repo.dir, 'why', 'README.md', 'src/util/misc.ts'), /why takes exactly one path/);
    assertRefused(await cli(repo.dir, 'why', 'README.md', '--verbose'), /Unknown option '--verbose'/);
  });

  it('runs as the bundled bin: exit 0 and exactly one JSON object; exit 2 for a path outside', function () {
    this.timeout(10000);
    linkedFiles();
    const json = spawnBin(path.join(repo.dir, 'src'), ['why', 'search/find.ts', '--json']);
    assert.strictEqual(json.status, 0, json.stderr);
    assert.strictEqual(json.stderr, '');
    const parsed: unknown = JSON.parse(json.stdout);
    assert.deepStrictEqual(parsed, { path: 'src/search/find.ts', intents: [{ id: 'search', reasons: ['path', 'commit'] }] });
    const text = spawnBin(repo.dir, ['why', 'src/checkout/pay.ts']);
    assert.strictEqual(text.status, 0, text.stderr);
    assert.strictEqual(text.stdout, 'src/checkout/pay.ts:\n  checkout-speed  Title of checkout-speed  (paths glob)\n');
    fs.mkdirSync(path.join(repo.dir, '..', `${path.basename(repo.dir)}-sibling`));
    try {
      fs.writeFileSync(path.join(repo.dir, '..', `${path.basename(repo.dir)}-sibling`, 'f.ts'), 'x\n');
      const outside = spawnBin(repo.dir, ['why', `../${path.basename(repo.dir)}-sibling/f.ts`]);
      assert.strictEqual(outside.status, 2);
      assert.strictEqual(outside.stdout, '');
      assert.strictEqual(outside.stderr.split('\n').filter(Boolean).length, 1);
    } finally {
      fs.rmSync(path.join(repo.dir, '..', `${path.basename(repo.dir)}-sibling`), { recursive: true, force: true });
    }
  });
});
