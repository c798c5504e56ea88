// Runs a mocha suite inside the real VS Code extension host of code-server, driven by headless
// Chromium: the workbench loads the development extension and the test entry from its URL, and
// reports back through window.codeAutomationLog / window.codeAutomationExit. The suite also
// writes a results file from inside the extension host (path in VALUE_LENS_TEST_RESULTS), so a
// zero exit is only believed when that file shows tests that passed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { format } from 'node:util';
import { launchBrowser, startCodeServer } from './codeServer.mjs';

// The workbench's own start-up messages share the channel with mocha's output.
const WORKBENCH_CHATTER = /^(Resolving connection token|Resolved connection token|Creating a socket|Ignoring fetching additional builtin|\[Service Worker\]|ChatSessionStore|Updating additional builtin)/;

/**
 * @param {object} o
 * @param {string} o.extensionDevelopmentPath
 * @param {string} o.extensionTestsPath  compiled test entry exporting run()
 * @param {string} o.folder              workspace folder to open
 * @param {number} [o.timeoutMs]
 * @param {Record<string,string>} [o.env]
 * @param {boolean} [o.verbose]
 * @param {boolean} [o.trustWorkspaces] false opens the folder untrusted (restricted mode)
 * @param {Record<string,unknown>} [o.settings] extra user settings
 * @returns {Promise<{ passed: string[], failed: {title: string, error: string}[], exitCode: number, why: string }>}
 */
export async function runExtensionTests(o) {
  const out = (line) => process.stdout.write(`${line}\n`);
  const resultsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'value-lens-results-'));
  const resultsFile = path.join(resultsDir, 'results.json');
  const server = await startCodeServer({
    trustWorkspaces: o.trustWorkspaces,
    // Restricted mode without the startup dialog, as a user who chose "Don't Trust" sees it.
    settings: { ...(o.trustWorkspaces === false ? { 'security.workspace.trust.startupPrompt': 'never' } : {}), ...o.settings },
    env: { ...o.env, VALUE_LENS_TEST_RESULTS: resultsFile },
    onLog: (line) => { if (o.verbose || /\berror\b/i.test(line)) out(`[code-server] ${line}`); },
  });
  let browser;
  try {
    browser = await launchBrowser(server.tmp);
    const { page } = browser;
    const exitCode = new Promise((resolve) => {
      void page.exposeFunction('codeAutomationExit', (code) => resolve(code));
    });
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const text = Array.isArray(args) ? format(...args) : String(args);
      for (const line of text.split('\n')) if (o.verbose || !WORKBENCH_CHATTER.test(line)) out(`  ${line}`);
    });
    page.on('pageerror', (e) => { if (o.verbose) out(`[browser] ${e.message}`); });
    const timeoutMs = o.timeoutMs ?? 300000;
    const timeout = new Promise((resolve) => setTimeout(() => resolve('timeout'), timeoutMs).unref());
    await page.goto(server.workbenchUrl(o));
    const code = await Promise.race([exitCode, timeout, server.exited.then(() => 'server-exit')]);
    const results = fs.existsSync(resultsFile) ? JSON.parse(fs.readFileSync(resultsFile, 'utf8')) : undefined;
    if (code === 'timeout') return { passed: results?.passed ?? [], failed: [{ title: 'integration run', error: `no result within ${timeoutMs} ms` }], exitCode: 4, why: 'timeout' };
    if (code === 'server-exit') return { passed: [], failed: [{ title: 'integration run', error: 'code-server exited during the run' }], exitCode: 3, why: 'server exited' };
    if (!results) return { passed: [], failed: [{ title: 'integration run', error: 'the extension host wrote no results: did the tests load?' }], exitCode: code || 1, why: 'no results' };
    const ok = code === 0 && results.failed.length === 0 && results.passed.length > 0;
    return { passed: results.passed, failed: results.failed, exitCode: ok ? 0 : (code || 1), why: `codeAutomationExit(${code})` };
  } finally {
    await browser?.context.close().catch(() => undefined);
    await server.stop();
    fs.rmSync(resultsDir, { recursive: true, force: true });
  }
}
