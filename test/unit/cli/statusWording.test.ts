import * as assert from 'assert';
import type { TempRepo } from '../git/tempRepo';
import { cli, valueRepo } from './cliRun';

describe('value-lens status and check: what the notes say is true, and short', () => {
  const repos: TempRepo[] = [];
  afterEach(() => {
    for (const r of repos.splice(0)) r.remove();
  });
  function repository(): { repo: TempRepo; base: string } {
    const made = valueRepo();
    repos.push(made.repo);
    return made;
  }

  it('unrelated histories: the note, and no "none ahead" where commits cannot be counted', async () => {
    const { repo } = repository();
    repo.git('checkout', '-q', '--orphan', 'other');
    repo.commit('Other root\n');
    repo.commit('More\n', ['src/search/find.ts']);
    const r = await cli(repo.dir, 'status');
    assert.strictEqual(r.code, 0, r.err.join('\n'));
    assert.deepStrictEqual(r.out.slice(1, 5), [
      'Note: HEAD has no common history with main.',
      'Intents: none',
      'Commits: no shared history with main: commits ahead cannot be counted',
      'Files:   not compared',
    ]);
    assert.ok(!r.out.join('\n').includes('none ahead'));
  });

  it('a tag as baseBranch: says it is a tag, not that it does not exist', async () => {
    const { repo } = repository();
    repo.git('tag', 'v1.0');
    repo.write('.value/config.yaml', 'baseBranch: v1.0\n');
    const r = await cli(repo.dir, 'status');
    assert.strictEqual(r.code, 0, r.err.join('\n'));
    assert.strictEqual(r.out[1], 'Note: Base branch "v1.0" (from config) is a tag, not a branch: set baseBranch in .value/config.yaml to a branch such as main.');
    repo.write('.value/config.yaml', 'baseBranch: nowhere\n');
    assert.strictEqual((await cli(repo.dir, 'status')).out[1], 'Note: Base branch "nowhere" (from config) does not exist here.');
  });

  it('abridges a 3,000-character unknown id, and groups many unknown-id trailers into one line', async () => {
    const { repo, base } = repository();
    repo.git('checkout', '-q', '-b', 'topic');
    const long = `x${'y'.repeat(2999)}`;
    repo.commit(`Long\n\nIntent: ${long}\n`, ['src/util/misc.ts']);
    const one = await cli(repo.dir, 'status');
    assert.ok(one.out.includes(`  x${'y'.repeat(59)}… (${repo.head().slice(0, 7)})`), one.out.join('\n'));
    assert.ok(one.out.every((l) => l.length < 200));
    const md = await cli(repo.dir, 'status', '--format', 'md');
    assert.ok(md.out.includes(`Unknown intent ids in trailers: \`x${'y'.repeat(59)}…\``), md.out.join('\n'));

    // 904 trailers naming 12 ids.
    repo.fastImport('topic', repo.head(), 903, (i) => `Work ${i}\n\nIntent: ghost-${i % 12}\n`, (i) => `src/w${i % 5}.ts`);
    assert.ok(base);
    const many = await cli(repo.dir, 'status');
    const lines = many.out.filter((l) => /unknown intent/i.test(l));
    // Newest first, as the commits are listed.
    assert.deepStrictEqual(lines, ['904 trailers name unknown intents (13 ids): ghost-2, ghost-1, ghost-0, ghost-11, ghost-10, ghost-9, ghost-8, ghost-7, ghost-6, ghost-5, …']);
    const mdMany = await cli(repo.dir, 'status', '--format', 'md');
    assert.strictEqual(mdMany.out.filter((l) => /unknown intent/i.test(l)).length, 1);
  });

  it('check: many unknown intents in release statements are one line in text, each in JSON', async () => {
    const { repo } = repository();
    const ids = Array.from({ length: 12 }, (_, i) => `ghost-${i}`);
    repo.write('.value/releases/2.4.0.yaml', `release: 2.4.0\nbranch: release/2.4.0\nbase: main\ncreated: 2026-11-01\nexpected:\n  summary: Faster checkout.\n  intents: [search, ${ids.join(', ')}]\n`);
    const r = await cli(repo.dir, 'check');
    assert.strictEqual(r.code, 0);
    assert.deepStrictEqual(r.out, ['.value/releases/2.4.0.yaml:7:21: warning: 12 release entries in 1 file name unknown intents (12 ids): ghost-0, ghost-1, ghost-2, ghost-3, ghost-4, ghost-5, ghost-6, ghost-7, ghost-8, ghost-9, …; fix the ids or create the intents (--format json lists each).']);
    assert.deepStrictEqual(r.err, ['3 files checked: 0 errors, 12 warnings']);
    const json = JSON.parse((await cli(repo.dir, 'check', '--format', 'json')).out.join('\n')) as { problems: unknown[] };
    assert.strictEqual(json.problems.length, 12);
  });
});
