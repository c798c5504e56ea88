// `npm run l10n`: regenerates l10n/bundle.l10n.json, the English strings translators start from.
//   node scripts/l10n.mjs           writes the bundle
//   node scripts/l10n.mjs --check   exits 1 when the committed bundle is not what would be written
//   node scripts/l10n.mjs --stdout  prints the bundle instead of writing it (for the unit test)
// The strings are every literal `vscode.l10n.t(...)` in src/ (found by @vscode/l10n-dev, as its
// `export` command does) plus the core's message templates (src/core/present/messages.ts): the
// extension passes those to `vscode.l10n.t` as variables, which the exporter cannot see. The
// report body's templates (src/core/report/reportMessages.ts) are collected the same way.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundleFile = path.join(root, 'l10n', 'bundle.l10n.json');
const require = createRequire(import.meta.url);

function sourceFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.ts$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** A template table exported by a core module, compiled on the fly (it is TypeScript). */
function templateTable(file, name) {
  const out = buildSync({ entryPoints: [path.join(root, file)], bundle: true, platform: 'node', format: 'cjs', write: false, logLevel: 'silent' });
  const module = { exports: {} };
  new Function('module', 'exports', 'require', out.outputFiles[0].text)(module, module.exports, require);
  return Object.values(module.exports[name]);
}

/** The core's MESSAGES, and the report body's own table (kept apart: only the report bundle carries it). */
function coreTemplates() {
  return [...templateTable('src/core/present/messages.ts', 'MESSAGES'), ...templateTable('src/core/report/reportMessages.ts', 'REPORT_MESSAGES')];
}

/** The bundle's text: keys sorted, so it does not depend on the order files are read in. */
export async function bundleText() {
  const { getL10nJson } = require('@vscode/l10n-dev');
  // The exporter follows `vscode` only from an `import * as vscode` line; src/ writes
  // `import vscode = require('vscode')` (see eslint.config.mjs), so it is shown the form it knows.
  const asNamespace = (text) => text.replace(/^import vscode = require\('vscode'\);$/m, "import * as vscode from 'vscode';");
  const files = sourceFiles(path.join(root, 'src')).sort().map((file) => ({ extension: '.ts', contents: asNamespace(fs.readFileSync(file, 'utf8')) }));
  const found = await getL10nJson(files);
  for (const template of coreTemplates()) found[template] ??= template;
  const sorted = Object.fromEntries(Object.keys(found).sort().map((key) => [key, found[key]]));
  return `${JSON.stringify(sorted, null, 2)}\n`;
}

const text = await bundleText();
if (process.argv.includes('--stdout')) {
  process.stdout.write(text);
} else if (process.argv.includes('--check')) {
  const committed = fs.existsSync(bundleFile) ? fs.readFileSync(bundleFile, 'utf8') : '';
  if (committed !== text) {
    console.error('l10n/bundle.l10n.json is out of date: run `npm run l10n` and commit it.');
    process.exit(1);
  }
  console.log(`l10n/bundle.l10n.json is up to date (${Object.keys(JSON.parse(text)).length} strings).`);
} else {
  fs.mkdirSync(path.dirname(bundleFile), { recursive: true });
  fs.writeFileSync(bundleFile, text);
  console.log(`Wrote l10n/bundle.l10n.json: ${Object.keys(JSON.parse(text)).length} strings.`);
}
