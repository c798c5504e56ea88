// dist/lazy/commands.js: what the commands run (multi-step inputs, release flows, YAML edits).
// See bundles.ts; the command ids are registered eagerly by commands/registerCommands.ts.
export { runCommand } from '../commands/commandTable';
export { editValueFile } from '../state/valueFileEditor';
