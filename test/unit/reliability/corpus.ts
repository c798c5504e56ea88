import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { repoRoot } from '../../support/repoRoot';

/** One folder per bad input: a tiny workspace and its expected.json. */
export const CORPUS = path.join(repoRoot, 'test/fixtures/bad');

export interface ExpectedProblem {
  readonly severity: string;
  readonly code: string;
  readonly file: string;
  /** 1-based, as the CLI prints them. */
  readonly line: number;
  readonly col: number;
  /** A part of the message that says what is wrong. */
  readonly message: string;
}

export interface CorpusCase {
  readonly about: string;
  /** A step done at run time in the copied workspace: symlinks, generated files, permissions. */
  readonly setup?: SetupName;
  readonly exitCode: number;
  readonly problems: readonly ExpectedProblem[];
}

export const intentText = (id: string, status = 'active'): string => `id: ${id}\ntitle: Title of ${id}\nwhy: Because it matters.\nowner: team\nstatus: ${status}\n`;

/** Run-time steps: things git cannot carry portably, or that are too big to commit. */
const SETUPS = {
  hugeFile: (root: string): void => {
    fs.writeFileSync(path.join(root, '.value/intents/huge.yaml'), `${intentText('huge')}${'#'.repeat(79)}\n`.repeat(60000).slice(0, 5 * 1024 * 1024));
  },
  manyFiles: (root: string): void => {
    for (let i = 0; i < 5000; i++) fs.writeFileSync(path.join(root, `.value/intents/i${i}.yaml`), intentText(`i${i}`, i === 2500 ? 'finished' : 'active'));
  },
  symlinkLoop: (root: string): void => {
    const dir = path.join(root, '.value/intents');
    fs.symlinkSync('b.yaml', path.join(dir, 'a.yaml'));
    fs.symlinkSync('a.yaml', path.join(dir, 'b.yaml'));
    fs.symlinkSync('.', path.join(dir, 'self.yaml'));
  },
  /** `.value/intents/shared.yaml` → `../outside-shared.yaml`, a valid intent beside (outside) the workspace. */
  symlinkOutside: (root: string): void => {
    const outside = path.join(path.dirname(root), 'outside-shared.yaml');
    fs.writeFileSync(outside, intentText('shared'));
    fs.symlinkSync(outside, path.join(root, '.value/intents/shared.yaml'));
  },
  /** `.value/intents` → `../../outside-intents`, a folder with a valid intent beside (outside) the workspace. */
  symlinkFolderOutside: (root: string): void => {
    const outside = path.join(path.dirname(root), 'outside-intents');
    fs.mkdirSync(outside);
    fs.writeFileSync(path.join(outside, 'shared.yaml'), intentText('shared'));
    fs.symlinkSync(outside, path.join(root, '.value/intents'));
  },
  /** `.value/intents/inside.yaml` → `docs/inside.yaml`: in the workspace but outside .value/, so refused. */
  symlinkInside: (root: string): void => {
    fs.mkdirSync(path.join(root, 'docs'), { recursive: true });
    fs.writeFileSync(path.join(root, 'docs/inside.yaml'), intentText('inside'));
    fs.symlinkSync('../../docs/inside.yaml', path.join(root, '.value/intents/inside.yaml'));
  },
  unreadableFile: (root: string): void => {
    const file = path.join(root, '.value/intents/secret.yaml');
    fs.writeFileSync(file, intentText('secret'));
    fs.chmodSync(file, 0o000);
  },
};
export type SetupName = keyof typeof SETUPS;

export function listCases(): string[] {
  return fs.readdirSync(CORPUS).filter((name) => fs.existsSync(path.join(CORPUS, name, 'expected.json'))).sort();
}

export function readCase(name: string): CorpusCase {
  return JSON.parse(fs.readFileSync(path.join(CORPUS, name, 'expected.json'), 'utf8')) as CorpusCase;
}

/** A fresh copy of the case's workspace (expected.json left out) with its run-time setup done. */
export function workspaceOf(name: string, expected: CorpusCase = readCase(name)): { root: string; remove: () => void } {
  // The extra level lets symlinkOutside put its target beside the workspace, outside it.
  const holder = fs.mkdtempSync(path.join(os.tmpdir(), 'value-lens-bad-'));
  const root = path.join(holder, 'workspace');
  const caseDir = path.join(CORPUS, name);
  fs.cpSync(caseDir, root, { recursive: true, filter: (src) => src !== path.join(caseDir, 'expected.json') });
  if (expected.setup) SETUPS[expected.setup](root);
  return { root, remove: () => fs.rmSync(holder, { recursive: true, force: true }) };
}

let cliCopy: string | undefined;

/**
 * A private copy of the built `dist/cli.js` and `dist/cli-main.js`: other test runs in the same checkout rebuild that file,
 * and a half-written bundle must not be mistaken for a CLI bug. The copy is checked with --help.
 */
export function stableCli(): string {
  if (cliCopy) return cliCopy;
  const bin = path.join(repoRoot, 'dist/cli.js');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'value-lens-cli-copy-'));
  fs.chmodSync(dir, 0o755);
  const copy = path.join(dir, 'cli.js');
  // The bin starts the program beside it.
  const main = path.join(repoRoot, 'dist/cli-main.js');
  for (let attempt = 0; attempt < 20; attempt++) {
    if (fs.existsSync(bin) && fs.existsSync(main)) {
      fs.copyFileSync(bin, copy);
      fs.copyFileSync(main, path.join(dir, 'cli-main.js'));
      fs.chmodSync(copy, 0o644);
      const help = spawnSync(process.execPath, [copy, '--help'], { encoding: 'utf8' });
      if (help.status === 0 && help.stdout.startsWith('usage: value-lens')) return (cliCopy = copy);
    }
    spawnSync('sleep', ['0.5']);
  }
  throw new Error('build first: dist/cli.js is missing or does not run');
}

export function removeCliCopy(): void {
  if (cliCopy) fs.rmSync(path.dirname(cliCopy), { recursive: true, force: true });
  cliCopy = undefined;
}
