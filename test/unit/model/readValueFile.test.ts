import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readValueFile, readValueFolder } from '../../../src/core/model/readValueFolder';

const TODAY = '2026-11-26';
const intentText = (id: string, title = 'T'): string => `id: ${id}\ntitle: ${title}\nwhy: w\nowner: o\nstatus: active\n`;

describe('reading single .value/ files', () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'value-lens-file-'));
    fs.mkdirSync(path.join(root, '.value/intents'), { recursive: true });
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));
  const write = (rel: string, content: string): void => fs.writeFileSync(path.join(root, rel), content);

  it('reports a folder and a named pipe that are named like intent files, without waiting on the pipe', async function () {
    if (process.platform === 'win32') this.skip(); // no mkfifo
    fs.mkdirSync(path.join(root, '.value/intents/folder.yaml'));
    execFileSync('mkfifo', [path.join(root, '.value/intents/pipe.yaml')]);
    write('.value/intents/a.yaml', intentText('a'));
    const { model } = await readValueFolder(root);
    const problems = model.problems(TODAY);
    assert.deepStrictEqual(problems.map((p) => `${p.file} ${p.code}`), ['.value/intents/folder.yaml unreadable', '.value/intents/pipe.yaml unreadable']);
    assert.ok(problems.every((p) => p.message === 'This is not a regular file.'));
    assert.ok(model.intents.has('a'));
  });

  it('re-reads one changed file: the others keep their parsed state, cross-file checks see the change', async () => {
    write('.value/intents/a.yaml', intentText('a'));
    write('.value/intents/b.yaml', intentText('b'));
    const { model } = await readValueFolder(root);
    const before = model.parsed('.value/intents/a.yaml');
    write('.value/intents/b.yaml', intentText('a', 'Renamed'));
    await readValueFile(root, '.value/intents/b.yaml', model);
    assert.strictEqual(model.parsed('.value/intents/a.yaml'), before, 'a.yaml was not parsed again');
    const problems = model.problems(TODAY);
    assert.deepStrictEqual(problems.map((p) => `${p.file}:${p.range.start.line + 1}:${p.range.start.col + 1} ${p.code}`), [
      '.value/intents/b.yaml:1:5 id-mismatch',
      '.value/intents/b.yaml:1:5 duplicate-id',
    ]);
  });

  it('forgets a file that is gone when it is read again', async () => {
    write('.value/intents/a.yaml', intentText('a'));
    const { model } = await readValueFolder(root);
    fs.rmSync(path.join(root, '.value/intents/a.yaml'));
    await readValueFile(root, '.value/intents/a.yaml', model);
    assert.strictEqual(model.parsed('.value/intents/a.yaml'), undefined);
    assert.strictEqual(model.intents.size, 0);
  });
});
