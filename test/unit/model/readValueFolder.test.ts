import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readValueFolder } from '../../../src/core/model/readValueFolder';

const TODAY = '2026-11-26';

describe('reading a .value/ folder from disk', () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'value-lens-read-'));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));
  const write = (rel: string, content: string | Buffer): void => {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), content);
  };

  it('says when there is no .value/ folder', async () => {
    const { hasValueFolder, model } = await readValueFolder(root);
    assert.strictEqual(hasValueFolder, false);
    assert.deepStrictEqual(model.problems(TODAY), []);
  });

  it('reports a .value that is a file instead of a folder', async () => {
    write('.value', 'oops');
    const { hasValueFolder, model } = await readValueFolder(root);
    assert.ok(hasValueFolder);
    assert.deepStrictEqual(model.problems(TODAY).map((p) => `${p.file} ${p.code}`), ['.value value-not-folder']);
  });

  it('reports .value/intents or .value/releases that is a file, so check cannot pass on files it never read', async () => {
    write('.value/intents', 'oops');
    const { model } = await readValueFolder(root);
    const problems = model.problems(TODAY);
    assert.deepStrictEqual(problems.map((p) => `${p.file} ${p.severity} ${p.code}`), ['.value/intents error value-not-folder']);
    assert.match(problems[0]!.message, /\.value\/intents is a file/);
  });

  it('reports a .value/intents folder it may not list (as a user without permission)', async function () {
    if (process.getuid?.() === 0) this.skip(); // root lists any folder
    write('.value/intents/a.yaml', 'id: a\n');
    fs.chmodSync(path.join(root, '.value/intents'), 0o000);
    try {
      const { model } = await readValueFolder(root);
      assert.deepStrictEqual(model.problems(TODAY).map((p) => `${p.file} ${p.code}`), ['.value/intents unreadable']);
      assert.match(model.problems(TODAY)[0]!.message, /permission denied/);
    } finally {
      fs.chmodSync(path.join(root, '.value/intents'), 0o755);
    }
  });

  it('reads intents, releases and config, skipping other files and nested folders', async () => {
    write('.value/intents/a.yaml', 'id: a\ntitle: A\nwhy: w\nowner: o\nstatus: active\n');
    write('.value/intents/b.yml', 'id: b\ntitle: B\nwhy: w\nowner: o\nstatus: active\n');
    write('.value/intents/README.md', '# not an intent');
    write('.value/intents/nested/c.yaml', 'id: c\n');
    write('.value/config.yaml', 'currency: USD\n');
    const { model } = await readValueFolder(root);
    assert.deepStrictEqual([...model.intents.keys()].sort(), ['a', 'b']);
    assert.strictEqual(model.config.currency, 'USD');
    assert.deepStrictEqual(model.problems(TODAY), []);
  });

  it('refuses a 5 MB file without reading it, and carries on with the rest', async () => {
    write('.value/intents/huge.yaml', Buffer.alloc(5 * 1024 * 1024, 0x20));
    write('.value/intents/a.yaml', 'id: a\ntitle: A\nwhy: w\nowner: o\nstatus: active\n');
    const { model } = await readValueFolder(root);
    assert.deepStrictEqual(model.problems(TODAY).map((p) => `${p.file} ${p.code}`), ['.value/intents/huge.yaml too-large']);
    assert.ok(model.intents.has('a'));
  });

  it('follows links into a folder of .value/ whose name starts with two dots, and not out of .value/', async () => {
    write('.value/..shared/a.yaml', 'id: a\ntitle: A\nwhy: w\nowner: o\nstatus: active\n');
    write('.value/..shared/intents/b.yaml', 'id: b\ntitle: B\nwhy: w\nowner: o\nstatus: active\n');
    write('..elsewhere/c.yaml', 'id: c\ntitle: C\nwhy: w\nowner: o\nstatus: active\n');
    // A linked file, and a linked intents folder below it; one link leaves .value/.
    fs.mkdirSync(path.join(root, '.value/releases'));
    fs.symlinkSync(path.join(root, '.value/..shared/intents'), path.join(root, '.value/intents'));
    fs.symlinkSync(path.join(root, '.value/..shared/a.yaml'), path.join(root, '.value/..shared/intents/a.yaml'));
    fs.symlinkSync(path.join(root, '..elsewhere/c.yaml'), path.join(root, '.value/..shared/intents/c.yaml'));
    const { model } = await readValueFolder(root);
    assert.deepStrictEqual([...model.intents.keys()].sort(), ['a', 'b']);
    assert.deepStrictEqual(model.problems(TODAY).map((p) => `${p.file} ${p.code}`), ['.value/intents/c.yaml link-refused']);
  });

  it('reports a symbolic link loop as unreadable', async () => {
    fs.mkdirSync(path.join(root, '.value/intents'), { recursive: true });
    fs.symlinkSync('b.yaml', path.join(root, '.value/intents/a.yaml'));
    fs.symlinkSync('a.yaml', path.join(root, '.value/intents/b.yaml'));
    const { model } = await readValueFolder(root);
    const problems = model.problems(TODAY);
    assert.deepStrictEqual(problems.map((p) => `${p.file} ${p.code}`), ['.value/intents/a.yaml unreadable', '.value/intents/b.yaml unreadable']);
    assert.match(problems[0]!.message, /loops/);
  });

  it('reports a file it may not read', async function () {
    if (process.getuid?.() === 0) this.skip(); // root reads every file, so permissions cannot be tested as root
    write('.value/intents/secret.yaml', 'id: secret\n');
    fs.chmodSync(path.join(root, '.value/intents/secret.yaml'), 0o000);
    const { model } = await readValueFolder(root);
    assert.match(model.problems(TODAY)[0]?.message ?? '', /permission denied/);
  });

  it('reads 5,000 intent files', async function () {
    this.timeout(20000);
    for (let i = 0; i < 5000; i++) write(`.value/intents/i${i}.yaml`, `id: i${i}\ntitle: T\nwhy: w\nowner: o\nstatus: proposed\n`);
    const { model } = await readValueFolder(root);
    assert.strictEqual(model.intents.size, 5000);
    assert.deepStrictEqual(model.problems(TODAY), []);
  });
});
