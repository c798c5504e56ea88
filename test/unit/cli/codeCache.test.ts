import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { codeCacheFolder, compileWithCodeCache } from '../../../src/cli/codeCache';
import { GIT_ENV } from '../git/tempRepo';
import { spawnBin, valueRepo } from './cliRun';

describe('the CLI code cache', () => {
  let root: string;
  let bundle: string;
  let folder: string;
  let out: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'value-lens-code-cache-'));
    bundle = path.join(root, 'main.js');
    folder = path.join(root, 'cache', 'value-lens');
    out = path.join(root, 'out.txt');
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  /** A bundle that writes `word`, its own file name and what `require` gave it to out.txt. */
  function writeBundle(word: string): void {
    fs.writeFileSync(bundle, `require('fs').writeFileSync(${JSON.stringify(out)}, ${JSON.stringify(word)} + ' ' + __filename + ' ' + typeof require('path').join);\n`);
  }

  function runOnce(): string {
    const script = compileWithCodeCache(bundle, folder);
    script.run();
    script.saveIfNeeded();
    return script.use;
  }

  const entries = (): string[] => fs.readdirSync(folder).filter((f) => f.endsWith('.v8cache'));

  it('compiles on the first run, saves privately, and starts from the cache on the next', () => {
    writeBundle('first');
    assert.strictEqual(runOnce(), 'miss');
    assert.strictEqual(fs.readFileSync(out, 'utf8'), `first ${bundle} function`);
    assert.strictEqual(fs.statSync(folder).mode & 0o777, 0o700);
    assert.strictEqual(entries().length, 1);
    assert.strictEqual(fs.statSync(path.join(folder, entries()[0] ?? '')).mode & 0o777, 0o600);
    fs.rmSync(out);
    assert.strictEqual(runOnce(), 'hit');
    assert.strictEqual(fs.readFileSync(out, 'utf8'), `first ${bundle} function`);
  });

  it('never runs the bytecode of an older bundle, even one of the same length', () => {
    writeBundle('older');
    runOnce();
    writeBundle('newer');
    assert.strictEqual(runOnce(), 'miss');
    assert.strictEqual(fs.readFileSync(out, 'utf8'), `newer ${bundle} function`);
    assert.strictEqual(runOnce(), 'hit');
    assert.strictEqual(fs.readFileSync(out, 'utf8'), `newer ${bundle} function`);
  });

  it('uses no cache that others could have written: a shared folder, or an entry writable by others', function () {
    if (process.platform === 'win32') this.skip();
    writeBundle('safe');
    runOnce();
    const [entry = ''] = entries();
    fs.chmodSync(path.join(folder, entry), 0o666);
    assert.strictEqual(runOnce(), 'miss', 'an entry others may write is not read');
    fs.chmodSync(folder, 0o777);
    assert.strictEqual(runOnce(), 'unsafe');
    assert.strictEqual(fs.readFileSync(out, 'utf8'), `safe ${bundle} function`);
  });

  it('keeps a few entries, the newest', () => {
    for (let i = 0; i < 11; i++) {
      writeBundle(`build ${i}`);
      runOnce();
    }
    assert.strictEqual(entries().length, 8);
  });

  it('lives in the user cache folder, never a relative one, and VALUE_LENS_CODE_CACHE=0 turns it off', function () {
    if (process.platform === 'win32') this.skip();
    assert.strictEqual(codeCacheFolder({ XDG_CACHE_HOME: '/home/ann/.cache' }), '/home/ann/.cache/value-lens');
    assert.strictEqual(codeCacheFolder({}), path.join(os.homedir(), '.cache', 'value-lens'));
    assert.strictEqual(codeCacheFolder({ XDG_CACHE_HOME: 'cache' }), undefined);
    assert.strictEqual(codeCacheFolder({ XDG_CACHE_HOME: '/home/ann/.cache', VALUE_LENS_CODE_CACHE: '0' }), undefined);
  });

  it('the bin answers the same from a cold and a warm cache, and without one', function () {
    this.timeout(20000);
    const { repo } = valueRepo();
    const home = path.join(root, 'home');
    try {
      const run = (env: NodeJS.ProcessEnv): string => {
        const r = spawnBin(repo.dir, ['why', 'src/checkout/pay.ts', '--json'], { ...GIT_ENV, XDG_CACHE_HOME: home, ...env });
        assert.strictEqual(r.stderr, '');
        assert.strictEqual(r.status, 0);
        return r.stdout;
      };
      const cold = run({});
      assert.strictEqual(fs.readdirSync(path.join(home, 'value-lens')).filter((f) => f.endsWith('.v8cache')).length, 1);
      assert.strictEqual(run({}), cold);
      assert.strictEqual(run({ VALUE_LENS_CODE_CACHE: '0' }), cold);
      assert.match(cold, /"id": "checkout-speed"/);
    } finally {
      repo.remove();
    }
  });
});
