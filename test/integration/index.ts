// Test entry loaded by the VS Code extension host (`extensionTestsPath`), both in the harness
// (code-server) and under @vscode/test-electron. Resolves when every test passed.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 20000, reporter: 'spec' });
  // extension.test.js goes first: it proves activation happened by itself, before any other
  // suite calls activate().
  const files = fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort();
  for (const file of ['extension.test.js', ...files.filter((f) => f !== 'extension.test.js')]) {
    if (files.includes(file)) mocha.addFile(path.join(__dirname, file));
  }
  const results = { passed: [] as string[], failed: [] as { title: string; error: string }[], pending: [] as string[] };
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      // A second channel that proves the tests ran here, whatever the log forwarding did.
      const resultsFile = process.env.VALUE_LENS_TEST_RESULTS;
      if (resultsFile) fs.writeFileSync(resultsFile, JSON.stringify(results, null, 2));
      if (failures > 0) reject(new Error(`${failures} test(s) failed.`));
      else resolve();
    });
    runner.on('pass', (t) => results.passed.push(t.fullTitle()));
    runner.on('pending', (t) => results.pending.push(t.fullTitle()));
    runner.on('fail', (t, err: unknown) => results.failed.push({ title: t.fullTitle(), error: err instanceof Error ? err.message : String(err) }));
  });
}
