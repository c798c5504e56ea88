import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readValueFolder } from '../../../src/core/model/readValueFolder';
import type { Problem } from '../../../src/core/model/problem';
import type { ExpectedProblem } from './corpus';
import { listCases, readCase, removeCliCopy, stableCli, workspaceOf } from './corpus';

// Runs every case of test/fixtures/bad/ through the core and through the built CLI, as a user would.
const TODAY = '2026-11-26';
/** Longer messages flood the Problems panel and CI logs; every corpus message must fit. */
const MAX_MESSAGE_LENGTH = 300;
const NOBODY = 65534;
const runningAsRoot = process.getuid?.() === 0;

/** A problem as the core or the CLI shows it: the fields of expected.json, with the whole message. */
type ShownProblem = ExpectedProblem;

const fromCore = (p: Problem): ShownProblem => ({ severity: p.severity, code: p.code, file: p.file, line: p.range.start.line + 1, col: p.range.start.col + 1, message: p.message });

function assertProblems(actual: readonly ShownProblem[], expected: readonly ExpectedProblem[], where: string): void {
  const key = (p: ExpectedProblem): string => `${p.file}:${p.line}:${p.col} ${p.severity} ${p.code}`;
  assert.deepStrictEqual(actual.map(key), expected.map(key), `${where}: problems (file:line:col severity code)`);
  actual.forEach((p, i) => {
    assert.ok(p.message.includes(expected[i]!.message), `${where}: message of ${key(p)}\n  expected to contain: ${expected[i]!.message}\n  was: ${p.message}`);
    assert.ok(!/[\r\n]/.test(p.message), `${where}: message of ${key(p)} is one line`);
    assert.ok(p.message.length <= MAX_MESSAGE_LENGTH, `${where}: message of ${key(p)} is ${p.message.length} characters long`);
  });
}

/** The built bin, run in the workspace as a user would; as root, optionally as user nobody. */
function runBin(root: string, args: readonly string[], asNobody: boolean): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [stableCli(), ...args], { cwd: root, encoding: 'utf8', timeout: 60000, maxBuffer: 64 * 1024 * 1024, ...(asNobody ? { uid: NOBODY, gid: NOBODY } : {}) });
  assert.strictEqual(r.error, undefined, `the CLI could not run: ${String(r.error)}`);
  // An escaped exception shows as a Node stack trace on stderr.
  assert.doesNotMatch(r.stderr, /^\s+at .+:\d+:\d+\)?$/m, `a stack trace escaped:\n${r.stderr}`);
  return r;
}

function shareWithNobody(root: string): void {
  for (let dir = root; dir !== os.tmpdir() && dir !== path.dirname(dir); dir = path.dirname(dir)) fs.chmodSync(dir, 0o755);
  for (const entry of fs.readdirSync(root, { recursive: true }).map(String)) {
    const full = path.join(root, entry);
    if (fs.lstatSync(full).isDirectory()) fs.chmodSync(full, 0o755);
  }
}

describe('bad-input corpus (test/fixtures/bad): core and CLI', function () {
  this.timeout(60000);
  const names = listCases();
  let passed = 0;
  after(() => {
    removeCliCopy();
    console.log(`      bad-input corpus: ${passed} cases passed (of ${names.length})`);
  });

  it('has a case for every YAML problem the value model promises to report', () => {
    assert.ok(names.length >= 30, `only ${names.length} cases`);
  });

  for (const name of names) {
    it(name, async function () {
      const expected = readCase(name);
      assert.ok(expected.about, 'every case says what it is about');
      const ws = workspaceOf(name, expected);
      try {
        // Permissions do not stop root; the core check runs in this (root) process, so it cannot see the fault.
        const coreCanSeeIt = !(expected.setup === 'unreadableFile' && runningAsRoot);
        if (coreCanSeeIt) {
          const { model, hasValueFolder } = await readValueFolder(ws.root);
          assert.ok(hasValueFolder);
          assertProblems(model.problems(TODAY).map(fromCore), expected.problems, 'core');
        }

        const asNobody = expected.setup === 'unreadableFile' && runningAsRoot;
        if (asNobody) shareWithNobody(ws.root);
        const json = runBin(ws.root, ['check', '--format', 'json', '--today', TODAY], asNobody);
        assert.strictEqual(json.status, expected.exitCode, `exit code of check --format json\n${json.stderr}`);
        const report = JSON.parse(json.stdout) as { errors: number; warnings: number; problems: ShownProblem[] };
        assertProblems(report.problems, expected.problems, 'CLI --format json');
        assert.strictEqual(report.errors, expected.problems.filter((p) => p.severity === 'error').length);

        const text = runBin(ws.root, ['check', '--today', TODAY], asNobody);
        assert.strictEqual(text.status, expected.exitCode, `exit code of check\n${text.stderr}`);
        const lines = text.stdout.split('\n').filter((l) => l !== '');
        assert.deepStrictEqual(lines, report.problems.map((p) => `${p.file}:${p.line}:${p.col}: ${p.severity}: ${p.message}`), 'text output: one path:line:col: severity: message line per problem');
        assert.match(text.stderr, /^\d+ files? checked: \d+ errors?, \d+ warnings?\n$/);
        passed++;
      } finally {
        ws.remove();
      }
    });
  }
});
