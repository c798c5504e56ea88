// Runs the compiled mocha tests of one folder under plain Node and writes the counts as JSON.
//   node scripts/runMocha.mjs <dir> <results.json> [timeoutMs]
import fs from 'node:fs';
import path from 'node:path';
import Mocha from 'mocha';

const [dir, resultsFile, timeout = '10000'] = process.argv.slice(2);
const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', timeout: Number(timeout) });
const files = fs.existsSync(dir)
  ? fs.readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.test.js')).sort()
  : [];
for (const f of files) mocha.addFile(path.resolve(dir, f));
const results = { passed: [], failed: [], pending: [] };
const runner = mocha.run((failures) => {
  fs.writeFileSync(resultsFile, JSON.stringify(results, null, 2));
  process.exitCode = failures ? 1 : 0;
});
runner.on('pass', (t) => results.passed.push(t.fullTitle()));
runner.on('pending', (t) => results.pending.push(t.fullTitle()));
runner.on('fail', (t, err) => results.failed.push({ title: t.fullTitle(), error: String(err?.message ?? err) }));
