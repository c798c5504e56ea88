import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  NotTextFileError,
  UnsafeWritePathError,
  WriteConflictError,
  contentHash,
  createFileAtomic,
  readFileForEdit,
  writeFileAtomic,
} from '../../../src/core/yaml/atomicWrite';
import { editYamlFile } from '../../../src/core/yaml/editYamlFile';

describe('atomic write', () => {
  let root: string;
  let outside: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'value-lens-write-'));
    outside = fs.mkdtempSync(path.join(os.tmpdir(), 'value-lens-outside-'));
  });
  afterEach(() => {
    fs.rmSync(root, { recursive: true, force: true });
    fs.rmSync(outside, { recursive: true, force: true });
  });
  const entries = (dir = root) => fs.readdirSync(dir).sort();

  it('replaces a file that did not change since it was read, keeping its mode, leaving no temp file', async () => {
    const file = path.join(root, 'a.yaml');
    fs.writeFileSync(file, 'id: a\n');
    fs.chmodSync(file, 0o640);
    const snapshot = await readFileForEdit(file);
    await writeFileAtomic(file, 'id: b\n', { root, expectedHash: snapshot.hash });
    assert.strictEqual(fs.readFileSync(file, 'utf8'), 'id: b\n');
    assert.strictEqual(fs.statSync(file).mode & 0o777, 0o640);
    assert.deepStrictEqual(entries(), ['a.yaml']);
  });

  it('refuses to overwrite a file that changed on disk since it was read, and writes nothing', async () => {
    const file = path.join(root, 'a.yaml');
    fs.writeFileSync(file, 'id: a\n');
    const snapshot = await readFileForEdit(file);
    fs.writeFileSync(file, 'id: a\n# edited elsewhere\n');
    await assert.rejects(writeFileAtomic(file, 'id: b\n', { root, expectedHash: snapshot.hash }), (e: unknown) => {
      assert.ok(e instanceof WriteConflictError);
      assert.strictEqual(e.reason, 'changed');
      assert.match(e.message, /changed on disk since it was read, so it was not overwritten/);
      return true;
    });
    assert.strictEqual(fs.readFileSync(file, 'utf8'), 'id: a\n# edited elsewhere\n');
    assert.deepStrictEqual(entries(), ['a.yaml']);
  });

  it('reports a file deleted since it was read as a conflict, and does not recreate it', async () => {
    const file = path.join(root, 'a.yaml');
    await assert.rejects(writeFileAtomic(file, 'x', { root, expectedHash: contentHash('') }), (e: unknown) => e instanceof WriteConflictError && e.reason === 'deleted');
    assert.deepStrictEqual(entries(), []);
  });

  it('cleans up the temp file and keeps the old content when the rename fails (crash safety)', async () => {
    const file = path.join(root, 'a.yaml');
    fs.writeFileSync(file, 'id: a\n');
    const { hash } = await readFileForEdit(file);
    const failing = { rename: () => Promise.reject(Object.assign(new Error('disk gone'), { code: 'EIO' })), link: fs.promises.link };
    await assert.rejects(writeFileAtomic(file, 'id: b\n', { root, expectedHash: hash, fs: failing }), /disk gone/);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), 'id: a\n');
    assert.deepStrictEqual(entries(), ['a.yaml']);
  });

  it('writes through a symlink whose target is inside the root, keeping the link', async () => {
    fs.mkdirSync(path.join(root, 'real'));
    const real = path.join(root, 'real', 'a.yaml');
    fs.writeFileSync(real, 'id: a\n');
    const link = path.join(root, 'link.yaml');
    fs.symlinkSync(real, link);
    const { hash } = await readFileForEdit(link);
    await writeFileAtomic(link, 'id: b\n', { root, expectedHash: hash });
    assert.ok(fs.lstatSync(link).isSymbolicLink());
    assert.strictEqual(fs.readFileSync(real, 'utf8'), 'id: b\n');
  });

  it('refuses to write or create through a symlink that leads outside the root', async () => {
    const victim = path.join(outside, 'victim.yaml');
    fs.writeFileSync(victim, 'keep: me\n');
    const link = path.join(root, 'a.yaml');
    fs.symlinkSync(victim, link);
    const { hash } = await readFileForEdit(link);
    await assert.rejects(writeFileAtomic(link, 'x', { root, expectedHash: hash }), UnsafeWritePathError);
    fs.symlinkSync(outside, path.join(root, '.value'));
    await assert.rejects(createFileAtomic(path.join(root, '.value', 'intents', 'x.yaml'), 'x', { root, makeFolders: true }), UnsafeWritePathError);
    await assert.rejects(createFileAtomic(path.join(root, '..', 'escape.yaml'), 'x', { root }), UnsafeWritePathError);
    assert.strictEqual(fs.readFileSync(victim, 'utf8'), 'keep: me\n');
    assert.deepStrictEqual(entries(outside), ['victim.yaml']);
  });

  it('creates a new file, and its folders when asked', async () => {
    const file = path.join(root, '.value', 'intents', 'new.yaml');
    await createFileAtomic(file, 'id: new\n', { root, makeFolders: true });
    assert.strictEqual(fs.readFileSync(file, 'utf8'), 'id: new\n');
    assert.deepStrictEqual(entries(path.dirname(file)), ['new.yaml']);
  });

  it('never overwrites when creating: an existing file or a dangling symlink is a conflict', async () => {
    const file = path.join(root, 'a.yaml');
    fs.writeFileSync(file, 'mine\n');
    await assert.rejects(createFileAtomic(file, 'theirs\n', { root }), (e: unknown) => {
      assert.ok(e instanceof WriteConflictError);
      assert.strictEqual(e.reason, 'exists');
      assert.match(e.message, /already exists, so it was not overwritten/);
      return true;
    });
    assert.strictEqual(fs.readFileSync(file, 'utf8'), 'mine\n');
    fs.symlinkSync(path.join(outside, 'nowhere.yaml'), path.join(root, 'dangling.yaml'));
    await assert.rejects(createFileAtomic(path.join(root, 'dangling.yaml'), 'x', { root }), WriteConflictError);
    assert.deepStrictEqual(entries(outside), []);
    assert.deepStrictEqual(entries(), ['a.yaml', 'dangling.yaml']);
  });

  it('loses the race to a file created at the last moment, without overwriting it', async () => {
    const file = path.join(root, 'a.yaml');
    const racing = {
      rename: fs.promises.rename,
      link: async (from: string, to: string) => {
        fs.writeFileSync(to, 'first!\n');
        await fs.promises.link(from, to);
      },
    };
    await assert.rejects(createFileAtomic(file, 'second\n', { root, fs: racing }), WriteConflictError);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), 'first!\n');
    assert.deepStrictEqual(entries(), ['a.yaml']);
  });

  it('cleans up the temp file when creating fails', async () => {
    const failing = { rename: fs.promises.rename, link: () => Promise.reject(Object.assign(new Error('boom'), { code: 'EIO' })) };
    await assert.rejects(createFileAtomic(path.join(root, 'a.yaml'), 'x', { root, fs: failing }), /boom/);
    assert.deepStrictEqual(entries(), []);
  });

  it('refuses to read for editing a file that is not UTF-8 text', async () => {
    const file = path.join(root, 'bin.yaml');
    fs.writeFileSync(file, Buffer.from([0x69, 0x64, 0x3a, 0x20, 0xff, 0xfe, 0x00]));
    await assert.rejects(readFileForEdit(file), NotTextFileError);
  });

  it('edits a YAML file in place end to end, keeping the BOM and CRLF', async () => {
    const file = path.join(root, 'c.yaml');
    fs.writeFileSync(file, '\uFEFF# settings\r\ncurrency: EUR   # ISO code\r\n');
    assert.strictEqual(await editYamlFile(file, [{ kind: 'set', path: ['currency'], value: 'USD' }], { root }), true);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), '\uFEFF# settings\r\ncurrency: USD   # ISO code\r\n');
    assert.strictEqual(await editYamlFile(file, [{ kind: 'remove', path: ['paths'], value: 'x' }], { root }), false);
  });
});
