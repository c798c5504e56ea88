import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { buildSync } from 'esbuild';
import { repoRoot } from '../support/repoRoot';

const SHIPPED = /^(package\.json|package\.nls\.json|l10n\/bundle\.l10n\.json|README\.md|CHANGELOG\.md|LICENSE|dist\/extension\.js|media\/(walkthrough\/)?[^/]+|schemas\/[^/]+)$/;

describe('the .vsix package (vsce ls)', () => {
  it('ships only the bundle, media, schemas and the docs, well under 500 KB', function () {
    this.timeout(30000);
    assert.ok(fs.existsSync(path.join(repoRoot, 'dist/extension.js')), 'build first: dist/extension.js is missing');
    const vsce = path.join(repoRoot, 'node_modules/@vscode/vsce/vsce');
    const files = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: repoRoot, encoding: 'utf8' })
      .split('\n').map((l) => l.trim()).filter(Boolean);
    assert.deepStrictEqual(files.filter((f) => !SHIPPED.test(f)), []);
    for (const required of ['package.json', 'README.md', 'CHANGELOG.md', 'LICENSE', 'dist/extension.js', 'media/icon.png']) {
      assert.ok(files.includes(required), `${required} is not shipped`);
    }
    // The .vsix carries the minified bundle, not the dev build that the tests run against.
    const minified = buildSync({ entryPoints: [path.join(repoRoot, 'src/extension.ts')], bundle: true, minify: true, platform: 'node', format: 'cjs', external: ['vscode'], write: false, logLevel: 'silent' }).outputFiles[0]!.contents.byteLength;
    const bytes = files.reduce((n, f) => n + (f === 'dist/extension.js' ? minified : fs.statSync(path.join(repoRoot, f)).size), 0);
    assert.ok(bytes < 500 * 1024, `${Math.round(bytes / 1024)} KB`);
  });
});
