import * as assert from 'assert';
import type { ChildProcess } from 'child_process';
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse } from 'yaml';
import { readValueFolder } from '../../../src/core/model/readValueFolder';
import type { AtomicWriteFs } from '../../../src/core/yaml/atomicWrite';
import { UnsafeWritePathError, WriteConflictError, WriteFailedError } from '../../../src/core/yaml/atomicWrite';
import { editYamlFile } from '../../../src/core/yaml/editYamlFile';
import { intentText, removeCliCopy, stableCli, workspaceOf } from './corpus';

// Faults while Value Lens writes a .value/ file: the file is always the old or the new content,
// never half of one, and the user is told what happened.
const TODAY = '2026-11-26';
const NOBODY = 65534;
const CHILD = path.join(__dirname, 'writerChild.js');

/**
 * The writer child where user nobody can run it: a checkout under a private folder (a CI clone
 * in a mode-700 temp folder) is out of nobody's reach. The bundle is self-contained, so a copy runs.
 */
function childForNobody(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'value-lens-writer-child-'));
  fs.chmodSync(dir, 0o755);
  const copy = path.join(dir, 'writerChild.js');
  fs.copyFileSync(CHILD, copy);
  fs.chmodSync(copy, 0o644);
  return copy;
}
/** The writer's temp files: hidden, and not ending in .yaml, so the model never reads one as an intent. */
const TEMP_NAME = /^\.[^/]+\.yaml\.[0-9a-f]{12}\.tmp$/;

const errnoError = (code: string, message: string): NodeJS.ErrnoException => Object.assign(new Error(`${code}: ${message}`), { code });

describe('write faults: disk full, permissions, races, a killed writer', function () {
  this.timeout(60000);
  let root: string;
  let file: string;
  const original = `# The team's own notes stay as they are.\n${intentText('checkout-speed')}`;
  const entries = (): string[] => fs.readdirSync(path.dirname(file)).sort();
  beforeEach(() => {
    root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'value-lens-faults-')));
    file = path.join(root, '.value/intents/checkout-speed.yaml');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, original);
  });
  afterEach(() => {
    fs.chmodSync(path.dirname(file), 0o755);
    fs.rmSync(root, { recursive: true, force: true });
  });
  const setTitle = [{ kind: 'set', path: ['title'], value: 'Faster checkout' }] as const;

  it('disk full while the new content is written: a clear message, the old file intact, no temp file left', async () => {
    // Like a real ENOSPC: part of the data reaches the temp file before the write fails.
    const diskFull: Partial<AtomicWriteFs> = {
      writeNewFile: async (temp, content) => {
        await fs.promises.writeFile(temp, content.slice(0, content.length / 2), { flag: 'wx' });
        throw errnoError('ENOSPC', 'no space left on device, write');
      },
    };
    await assert.rejects(editYamlFile(file, setTitle, { root, fs: diskFull }), (e: unknown) => {
      assert.ok(e instanceof WriteFailedError, String(e));
      assert.strictEqual(e.reason, 'disk-full');
      assert.match(e.message, /checkout-speed\.yaml was not saved: the disk is full \(or over quota\)\. Free some space and try again\. The file on disk was not changed\./);
      return true;
    });
    assert.strictEqual(fs.readFileSync(file, 'utf8'), original);
    assert.deepStrictEqual(entries(), ['checkout-speed.yaml']);
  });

  it('disk full when the new file is moved into place: the same message, the old file intact', async () => {
    const diskFull: Partial<AtomicWriteFs> = { rename: () => Promise.reject(errnoError('ENOSPC', 'no space left on device, rename')) };
    await assert.rejects(editYamlFile(file, setTitle, { root, fs: diskFull }), (e: unknown) => e instanceof WriteFailedError && e.reason === 'disk-full');
    assert.strictEqual(fs.readFileSync(file, 'utf8'), original);
    assert.deepStrictEqual(entries(), ['checkout-speed.yaml']);
  });

  it('permission denied (read-only file, read-only folder): a clear message, nothing changed', () => {
    // Root may write anything, so as root the edit runs in a child process as user nobody.
    const asNobody = process.getuid?.() === 0;
    if (asNobody) fs.chmodSync(root, 0o755);
    fs.chmodSync(file, 0o444);
    const child = asNobody ? childForNobody() : CHILD;
    const editAs = (): { error?: string; reason?: string; message?: string; changed?: boolean } => {
      const r = spawnSync(process.execPath, [child, 'edit', file, root, JSON.stringify(setTitle)], { encoding: 'utf8', timeout: 30000, ...(asNobody ? { uid: NOBODY, gid: NOBODY } : {}) });
      assert.strictEqual(r.status, 0, r.stderr);
      return JSON.parse(r.stdout) as { error?: string; reason?: string; message?: string };
    };
    // A read-only file in a writable folder: a rename alone would replace it; the writer must not.
    if (!asNobody) {
      const readOnlyFile = editAs();
      assert.deepStrictEqual([readOnlyFile.error, readOnlyFile.reason], ['WriteFailedError', 'permission'], JSON.stringify(readOnlyFile));
      assert.match(readOnlyFile.message ?? '', /was not saved: permission denied\. Check that you may write to the file and its folder\. The file on disk was not changed\./);
    }
    fs.chmodSync(path.dirname(file), 0o555);
    let readOnlyFolder;
    try {
      readOnlyFolder = editAs();
    } finally {
      if (child !== CHILD) fs.rmSync(path.dirname(child), { recursive: true, force: true });
    }
    assert.deepStrictEqual([readOnlyFolder.error, readOnlyFolder.reason], ['WriteFailedError', 'permission'], JSON.stringify(readOnlyFolder));
    assert.match(readOnlyFolder.message ?? '', /checkout-speed\.yaml was not saved: permission denied/);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), original);
    assert.deepStrictEqual(entries(), ['checkout-speed.yaml']);
  });

  it('the file changes on disk between read and write: a conflict, the other change kept, no temp file left', async () => {
    const theirs = `${original}sponsor: Head of Commerce\n`;
    // The user saves the file in another editor while Value Lens is writing its temp file.
    const userSavesMeanwhile: Partial<AtomicWriteFs> = {
      writeNewFile: async (temp, content, mode) => {
        await fs.promises.writeFile(file, theirs);
        await fs.promises.writeFile(temp, content, { flag: 'wx', mode });
      },
    };
    await assert.rejects(editYamlFile(file, setTitle, { root, fs: userSavesMeanwhile }), (e: unknown) => {
      assert.ok(e instanceof WriteConflictError, String(e));
      assert.match(e.message, /changed on disk since it was read, so it was not overwritten\. Reload it and try again\./);
      return true;
    });
    assert.strictEqual(fs.readFileSync(file, 'utf8'), theirs);
    assert.deepStrictEqual(entries(), ['checkout-speed.yaml']);
  });

  it('two edits of the same intent in quick succession: both land, or the second reports a conflict; never a lost or partial edit', async () => {
    const outcomes = { both: 0, conflict: 0 };
    for (let round = 0; round < 40; round++) {
      fs.writeFileSync(file, original);
      const [title, owner] = await Promise.allSettled([
        editYamlFile(file, setTitle, { root }),
        editYamlFile(file, [{ kind: 'set', path: ['owner'], value: 'payments-team' }], { root }),
      ]);
      const data = parse(fs.readFileSync(file, 'utf8')) as { title: string; owner: string };
      for (const r of [title, owner]) if (r.status === 'rejected') assert.ok(r.reason instanceof WriteConflictError, String(r.reason));
      assert.ok(title.status === 'fulfilled' || owner.status === 'fulfilled', 'at least one edit lands');
      // What the writer reported is exactly what is on disk.
      assert.strictEqual(data.title === 'Faster checkout', title.status === 'fulfilled', `round ${round}: title edit reported ${title.status}, file has title "${data.title}"`);
      assert.strictEqual(data.owner === 'payments-team', owner.status === 'fulfilled', `round ${round}: owner edit reported ${owner.status}, file has owner "${data.owner}"`);
      assert.ok(fs.readFileSync(file, 'utf8').startsWith("# The team's own notes stay as they are.\n"));
      if (title.status === 'fulfilled' && owner.status === 'fulfilled') outcomes.both++;
      else outcomes.conflict++;
    }
    assert.deepStrictEqual(entries(), ['checkout-speed.yaml']);
    console.log(`      two quick edits × 40: both landed ${outcomes.both}, second refused as a conflict ${outcomes.conflict}`);
  });

  it('an intent symlinked to a file outside the repository: neither read nor written through', async () => {
    const ws = workspaceOf('symlink-outside-repository');
    try {
      const link = path.join(ws.root, '.value/intents/shared.yaml');
      const outside = fs.realpathSync(link);
      const before = fs.readFileSync(outside, 'utf8');
      const { model } = await readValueFolder(ws.root);
      assert.ok(!model.intents.has('shared'), 'nothing is read through the link');
      assert.deepStrictEqual(model.problems('2026-11-26').map((p) => `${p.file} ${p.code}`), ['.value/intents/shared.yaml outside-workspace']);
      await assert.rejects(editYamlFile(link, setTitle, { root: ws.root }), (e: unknown) => {
        assert.ok(e instanceof UnsafeWritePathError, String(e));
        assert.match(e.message, /shared\.yaml leads outside .* \(through a symbolic link or \.\.\), so Value Lens does not write it\./);
        return true;
      });
      assert.strictEqual(fs.readFileSync(outside, 'utf8'), before);
      assert.ok(fs.lstatSync(link).isSymbolicLink(), 'the link itself is not replaced either');
      assert.deepStrictEqual(fs.readdirSync(path.dirname(outside)).sort(), ['outside-shared.yaml', 'workspace']);
    } finally {
      ws.remove();
    }
  });

  it('the writing process killed at random moments: the file is always exactly the old or a new content, and leftovers are never read as intents, and a later write removes them', async function () {
    const kills = 20;
    this.timeout(kills * 10000);
    // Near the 1 MB limit, so each write takes long enough to be cut in every phase.
    const big = (letter: string): string => `${intentText('checkout-speed')}sponsor: ${letter.repeat(900 * 1024)}\n`;
    const contents = [big('a'), big('b')];
    const contentFiles = contents.map((c, i) => {
      const f = path.join(root, `content-${i}.txt`);
      fs.writeFileSync(f, c);
      return f;
    });
    fs.writeFileSync(file, contents[0]!);
    let writes = 0;
    for (let k = 0; k < kills; k++) {
      const child = spawn(process.execPath, [CHILD, 'loop', file, root, contentFiles[1]!, contentFiles[0]!], { stdio: ['ignore', 'pipe', 'pipe'] });
      const wrote = await firstWrite(child);
      assert.ok(wrote, 'the child wrote at least once before it was killed');
      await new Promise((r) => setTimeout(r, Math.random() * 40));
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await exited;
      writes += countWrites(child);
      const now = fs.readFileSync(file, 'utf8');
      assert.ok(now === contents[0] || now === contents[1], `after kill ${k}: the file is ${now.length} characters, neither old nor new content`);
    }
    const temps = entries().filter((e) => e !== 'checkout-speed.yaml');
    for (const t of temps) assert.match(t, TEMP_NAME);
    const { model } = await readValueFolder(root);
    assert.deepStrictEqual(model.fileNames, ['.value/intents/checkout-speed.yaml']);
    assert.deepStrictEqual(model.problems(TODAY), []);
    console.log(`      killed the writer ${kills} times after ${writes} complete writes; ${temps.length} kills hit mid-write and left a hidden temp file`);

    // The next write removes what cut-off writes left (older than any write in progress), and
    // leaves alone a fresh temp file that may belong to a write still going on elsewhere.
    const dir = path.dirname(file);
    const inFlight = '.checkout-speed.yaml.0123456789ab.tmp';
    const notOurs = '.checkout-speed.yaml.my-notes.tmp';
    const stale = [...temps, '.checkout-speed.yaml.aaaaaaaaaaaa.tmp'];
    for (const t of [inFlight, notOurs, ...stale]) fs.writeFileSync(path.join(dir, t), 'half');
    const anHourAgo = new Date(Date.now() - 3600 * 1000);
    for (const t of [notOurs, ...stale]) fs.utimesSync(path.join(dir, t), anHourAgo, anHourAgo);
    assert.strictEqual(await editYamlFile(file, setTitle, { root }), true);
    assert.deepStrictEqual(entries(), [inFlight, notOurs, 'checkout-speed.yaml'].sort());
  });
});

describe('value-lens init in a folder it may not write', () => {
  it('exits 2 with one line that says permission denied (no usage hint: the command line was right), and writes nothing', function () {
    this.timeout(30000);
    const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'value-lens-readonly-')));
    try {
      // Root may write anything, so as root the CLI runs as user nobody in a folder root owns.
      const asNobody = process.getuid?.() === 0;
      fs.chmodSync(dir, asNobody ? 0o755 : 0o555);
      const r = spawnSync(process.execPath, [stableCli(), 'init'], { cwd: dir, encoding: 'utf8', timeout: 20000, ...(asNobody ? { uid: NOBODY, gid: NOBODY } : {}) });
      assert.strictEqual(r.status, 2, r.stderr);
      assert.strictEqual(r.stdout, '');
      assert.match(r.stderr, /^value-lens: \S*\.value\/config\.yaml was not saved: permission denied\. Check that you may write to the file and its folder\. Nothing was written\.\n$/);
      assert.deepStrictEqual(fs.readdirSync(dir), []);
    } finally {
      fs.chmodSync(dir, 0o755);
      fs.rmSync(dir, { recursive: true, force: true });
      removeCliCopy();
    }
  });
});

const outputOf = new WeakMap<ChildProcess, string>();

/** Resolves true once the child reports its first complete write, false if it exits first. */
function firstWrite(child: ChildProcess): Promise<boolean> {
  outputOf.set(child, '');
  return new Promise((resolve) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      outputOf.set(child, outputOf.get(child)! + chunk.toString());
      if (outputOf.get(child)!.includes('wrote\n')) resolve(true);
    });
    child.once('exit', () => resolve(false));
  });
}

function countWrites(child: ChildProcess): number {
  return (outputOf.get(child) ?? '').split('\n').filter((l) => l === 'wrote').length;
}
