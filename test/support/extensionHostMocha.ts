// Runs the compiled mocha suites of one folder inside the VS Code extension host (the
// `extensionTestsPath` entry of the harness and of @vscode/test-electron).
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

/** Runs `dir`'s *.test.js files (`first` before the rest); resolves when all passed. */
export function runSuitesIn(dir: string, first?: string): Promise<void> {
  // VALUE_LENS_TEST_GREP runs only the tests whose full title matches (while working on one).
  const grep = process.env.VALUE_LENS_TEST_GREP;
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 20000, reporter: 'spec', ...(grep ? { grep } : {}) });
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.test.js')).sort();
  for (const file of first && files.includes(first) ? [first, ...files.filter((f) => f !== first)] : files) {
    mocha.addFile(path.join(dir, file));
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
