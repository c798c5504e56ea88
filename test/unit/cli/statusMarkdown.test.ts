import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { repoRoot } from '../../support/repoRoot';
import { cli, intentYaml, valueRepo } from './cliRun';

describe('value-lens status --format md (for pull requests and CI job summaries)', () => {
  let demo: string;
  before(function () {
    this.timeout(30000);
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'value-lens-status-md-'));
    demo = execFileSync(process.execPath, [path.join(repoRoot, 'scripts/makeDemo.mjs'), path.join(parent, 'demo')], { encoding: 'utf8' }).trim();
  });
  after(() => fs.rmSync(path.dirname(demo), { recursive: true, force: true }));

  it('summarises the branch: intents with why, coverage, unexplained commits, unknown ids', async function () {
    this.timeout(20000);
    const r = await cli(demo, 'status', '--format', 'md');
    assert.strictEqual(r.code, 0, r.err.join('\n'));
    const text = r.out.join('\n');
    assert.match(text, /^### Value of `feature\/checkout-speed-retry` \(against `main`\)$/m);
    assert.match(text, /^\| \*\*Faster checkout\*\* \(`checkout-speed`\) \| Cart abandonment is 68%; every 100 ms of checkout latency costs about 1% conversion\. \| branch pattern, branch name, commit trailer \|$/m);
    assert.match(text, /Value coverage: \*\*1 of 3 linked \(33%\)\*\* commits, \*\*3 of 4 linked \(75%\)\*\* files\./);
    assert.match(text, /^- `[0-9a-f]{7}` Bump lint settings$/m);
    assert.match(text, /Unknown intent ids in trailers: `checkout-sped`/);
  });

  it('shows strikethrough, math and character references in titles and subjects literally', async () => {
    const { repo } = valueRepo();
    try {
      repo.write('.value/intents/search.yaml', intentYaml('search', ['src/search/**']).replace('title: Title of search', 'title: "~~old~~ &copy; $x^2$"'));
      repo.git('checkout', '-q', '-b', 'topic');
      repo.commit('Price ~~10~~ 5 &amp; $a+b$\n\nIntent: search\n', ['src/search/find.ts']);
      repo.commit('No link ~~x~~ &lt; $y$\n', ['README.md']);
      const text = (await cli(repo.dir, 'status', '--format', 'md')).out.join('\n');
      assert.match(text, /\| \*\*\\~\\~old\\~\\~ \\&copy; \\\$x\^2\\\$\*\* \(`search`\) \|/);
      assert.match(text, /^- `[0-9a-f]{7}` No link \\~\\~x\\~\\~ \\&lt; \\\$y\\\$$/m);
    } finally {
      repo.remove();
    }
  });

  it('keeps --json, and refuses formats it does not know', async () => {
    assert.strictEqual((await cli(demo, 'status', '--format', 'xml')).code, 2);
    assert.strictEqual((await cli(demo, 'status', '--json', '--format', 'md')).code, 2);
    const json = await cli(demo, 'status', '--json');
    assert.strictEqual((JSON.parse(json.out.join('\n')) as { branch: string }).branch, 'feature/checkout-speed-retry');
  });
});
