// Renders media/icon.svg to media/icon.png (128×128, the Marketplace icon) in headless Chromium.
//   node scripts/renderIcon.mjs   (needs the harness: bash harness/install.sh)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { launchBrowser } = await import(pathToFileURL(path.join(root, 'harness/codeServer.mjs')).href);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'value-lens-icon-'));
const { context, page } = await launchBrowser(tmp, { viewport: { width: 128, height: 128 } });
try {
  const svg = fs.readFileSync(path.join(root, 'media/icon.svg'), 'utf8');
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  await page.locator('svg').screenshot({ path: path.join(root, 'media/icon.png'), omitBackground: true });
} finally {
  await context.close();
  fs.rmSync(tmp, { recursive: true, force: true });
}
