// Test entry loaded by the VS Code extension host (`extensionTestsPath`), both in the harness
// (code-server) and under @vscode/test-electron.
import { runSuitesIn } from '../support/extensionHostMocha';

export function run(): Promise<void> {
  // extension.test.js goes first: it proves activation happened by itself, before any other
  // suite calls activate().
  return runSuitesIn(__dirname, 'extension.test.js');
}
