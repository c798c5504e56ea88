import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import type { MessageId } from '../../src/core/present/messages';
import { MESSAGES, fillTemplate, message, renderMessage } from '../../src/core/present/messages';
import { formatStatus } from '../../src/core/present/statusText';
import { repoRoot } from '../support/repoRoot';

const readJson = (file: string): Record<string, unknown> => JSON.parse(fs.readFileSync(path.join(repoRoot, file), 'utf8')) as Record<string, unknown>;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** Every `"%key%"` value anywhere in package.json. */
function manifestKeys(value: unknown): string[] {
  if (typeof value === 'string') return /^%(.+)%$/.exec(value)?.slice(1) ?? [];
  if (Array.isArray(value)) return value.flatMap(manifestKeys);
  if (value && typeof value === 'object') return Object.values(value).flatMap(manifestKeys);
  return [];
}

describe('localisation', () => {
  const manifest = readJson('package.json');
  const nls = readJson('package.nls.json');

  it('takes every user-facing package.json string from package.nls.json, and every nls key is used', () => {
    const used = manifestKeys(manifest);
    assert.ok(used.length > 50, `only ${used.length} %keys% in package.json`);
    assert.deepStrictEqual(used.filter((k) => typeof nls[k] !== 'string'), [], 'keys missing from package.nls.json');
    assert.deepStrictEqual(Object.keys(nls).filter((k) => !used.includes(k)), [], 'package.nls.json keys nothing uses');
    assert.strictEqual(manifest['l10n'], './l10n');
    // Titles people read, not ids: a command title left in English would not be translated.
    const contributes = manifest['contributes'] as { commands: { title: string; category: string }[]; walkthroughs: { title: string }[] };
    for (const c of contributes.commands) assert.match(`${c.title} ${c.category}`, /^%[^%]+% %[^%]+%$/, c.title);
    assert.match(String(manifest['displayName']), /^%.+%$/);
    assert.strictEqual(nls['command.newIntent.title'], 'New Intent…');
  });

  it('has a bundle with every vscode.l10n.t string in src and every core template (run `npm run l10n` after changing one)', function () {
    this.timeout(60000);
    const bundle = readJson('l10n/bundle.l10n.json');
    const generated = JSON.parse(execFileSync(process.execPath, ['scripts/l10n.mjs', '--stdout'], { cwd: repoRoot, encoding: 'utf8' })) as Record<string, unknown>;
    assert.ok(Object.keys(generated).length > 200, `${Object.keys(generated).length} strings`);
    // The exporter itself must still see the adapters' literals, not only the core templates.
    assert.ok('Reading git…' in generated && 'Open Statement' in generated && 'Counting changed files…' in generated, 'vscode.l10n.t literals of src/ missing from the generated bundle');
    assert.deepStrictEqual(Object.keys(generated).filter((k) => !(k in bundle)), []);
    assert.deepStrictEqual(Object.keys(bundle).filter((k) => !(k in generated)), [], 'strings no source uses any more');
    for (const template of Object.values(MESSAGES)) assert.ok(template in bundle, template);
  });

  it('shows no notification text that bypasses vscode.l10n.t, and passes only literals to it (the exporter reads literals)', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(path.join(repoRoot, 'src'))) {
      const rel = path.relative(repoRoot, file).split(path.sep).join('/');
      const text = fs.readFileSync(file, 'utf8');
      text.split('\n').forEach((line, i) => {
        if (/\.show(Information|Warning|Error)Message\(\s*['"`]/.test(line)) offenders.push(`${rel}:${i + 1}: literal message`);
        if (/\bl10n\.t\(\s*`/.test(line)) offenders.push(`${rel}:${i + 1}: template literal passed to l10n.t`);
        if (/\bl10n\.t\(\s*[A-Za-z_]/.test(line) && rel !== 'src/ui/localize.ts') offenders.push(`${rel}:${i + 1}: variable passed to l10n.t`);
      });
      if (rel.startsWith('src/core/')) assert.doesNotMatch(text, /from 'vscode'/, rel);
    }
    assert.deepStrictEqual(offenders, []);
  });

  it('keeps core templates well-formed: placeholders {0}…{n-1}, no gaps, nothing else in braces', () => {
    for (const [id, template] of Object.entries(MESSAGES)) {
      const numbers = [...template.matchAll(/\{(\d+)\}/g)].map((m) => Number(m[1]));
      const count = numbers.length ? Math.max(...numbers) + 1 : 0;
      for (let n = 0; n < count; n++) assert.ok(numbers.includes(n), `${id}: {${n}} is missing`);
      assert.doesNotMatch(template.replace(/\{\d+\}/g, ''), /\{[^}]*\}/, id);
    }
  });

  it('renders a message in English for the CLI and through a translator for the extension', () => {
    assert.strictEqual(fillTemplate('{0} of {1}, {0} again, {2} unknown', ['a', 3]), 'a of 3, a again, {2} unknown');
    const review = message('reviewInDays', 3, '2027-01-03');
    assert.strictEqual(renderMessage(review), 'review on 2027-01-03, in 3 days');
    // Nested messages are translated too, each through its own template.
    const nested = message('problemBadGlob', 'src/[', 'paths', message('reviewDueToday'));
    assert.strictEqual(renderMessage(nested), 'The glob "src/[" in paths cannot be used: review due today.');
    const seen: string[] = [];
    const shout = (template: string, args: readonly (string | number)[]): string => {
      seen.push(template);
      return fillTemplate(template.toUpperCase(), args);
    };
    assert.strictEqual(renderMessage(nested, shout), 'THE GLOB "src/[" IN paths CANNOT BE USED: REVIEW DUE TODAY.');
    assert.deepStrictEqual(seen, [MESSAGES.reviewDueToday, MESSAGES.problemBadGlob]);
    // The status bar text goes through the same path: its English stays as the CLI and tests know it.
    const status = { intents: [{ id: 'checkout-speed' }, { id: 'b' }], missingStatement: false, hasValueFolder: true };
    assert.strictEqual(formatStatus(status).label, 'Value Lens: the branch serves checkout-speed and 1 more intent');
    assert.strictEqual(formatStatus(status, 'en', shout).label, 'VALUE LENS: THE BRANCH SERVES checkout-speed AND 1 MORE INTENT');
    const id: MessageId = 'statusNoIntent';
    assert.strictEqual(formatStatus({ intents: [], missingStatement: false, hasValueFolder: true }, 'en', shout).text, MESSAGES[id].toUpperCase());
  });
});
