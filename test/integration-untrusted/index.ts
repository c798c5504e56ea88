// Test entry for the run in an untrusted (restricted mode) workspace.
import { runSuitesIn } from '../support/extensionHostMocha';

export function run(): Promise<void> {
  return runSuitesIn(__dirname);
}
