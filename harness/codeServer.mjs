// Starts a real VS Code (code-server 4.100.3, the VS Code 1.100 server build) on 127.0.0.1 and
// opens its workbench in headless Chromium. Used by the integration tests, the e2e tests and
// `npm start`. Everything the server and the browser write goes into one temp folder that
// `stop()` removes; the whole process group is killed, extension host included.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const CODE_SERVER_BIN = path.join(here, 'node_modules/.bin/code-server');
export const CHROMIUM_BIN = process.env.CHROMIUM_BIN || '/usr/bin/chromium';

export function isInstalled() {
  return fs.existsSync(path.join(here, 'node_modules/.value-lens-harness')) && fs.existsSync(CODE_SERVER_BIN);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Quiet user settings: no welcome page, no update checks, no telemetry, no network. */
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'git.openRepositoryInParentFolders': 'never',
  'chat.disableAIFeatures': true,
};

/**
 * @param {object} o
 * @param {string} [o.host] bind address (127.0.0.1)
 * @param {number} [o.port] fixed port, else a free one
 * @param {Record<string,unknown>} [o.settings] extra user settings
 * @param {Record<string,string>} [o.env] extra environment for the server and its extension host
 * @param {boolean} [o.trustWorkspaces] false turns workspace trust on (folders start untrusted)
 * @param {(line: string) => void} [o.onLog] server output, line by line
 */
export async function startCodeServer(o = {}) {
  if (!isInstalled()) throw new Error('the harness is not installed: run `bash harness/install.sh`');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'value-lens-vscode-'));
  const dir = (name) => {
    const d = path.join(tmp, name);
    fs.mkdirSync(d, { recursive: true });
    return d;
  };
  const userData = dir('user-data');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userData, 'User/settings.json'), JSON.stringify({
    ...USER_SETTINGS,
    'security.workspace.trust.enabled': o.trustWorkspaces === false,
    ...o.settings,
  }, null, 2));
  const configFile = path.join(tmp, 'config.yaml');
  fs.writeFileSync(configFile, 'auth: none\ncert: false\n');
  const host = o.host || '127.0.0.1';
  const port = o.port || await freePort();
  const authority = `${host}:${port}`;
  const args = [
    '--bind-addr', authority, '--auth', 'none',
    '--disable-telemetry', '--disable-update-check', '--disable-getting-started-override', '--disable-proxy',
    '--ignore-last-opened', '--config', configFile, '--user-data-dir', userData, '--extensions-dir', dir('extensions'),
  ];
  if (o.trustWorkspaces !== false) args.push('--disable-workspace-trust');
  const server = spawn(CODE_SERVER_BIN, args, {
    detached: true, // own process group: stop() kills the extension host too
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      XDG_CONFIG_HOME: dir('xdg-config'),
      XDG_DATA_HOME: dir('xdg-data'),
      XDG_CACHE_HOME: dir('xdg-cache'),
      TMPDIR: dir('tmp'), // the extension host puts its IPC sockets in os.tmpdir()
      EXTENSIONS_GALLERY: '{}', // no marketplace traffic
      ...o.env,
    },
  });
  let stopped = false;
  const exited = new Promise((resolve) => server.once('exit', (code, signal) => resolve(code ?? signal)));
  const listening = new Promise((resolve, reject) => {
    let buffer = '';
    const onData = (chunk) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop();
      for (const line of lines) {
        o.onLog?.(line);
        if (/HTTP server listening/.test(line)) resolve();
      }
    };
    server.stdout.on('data', onData);
    server.stderr.on('data', onData);
    void exited.then((code) => { if (!stopped) reject(new Error(`code-server exited before listening (${code})`)); });
    setTimeout(() => reject(new Error('code-server did not start within 60 s')), 60000).unref();
  });

  async function stop() {
    if (stopped) return;
    stopped = true;
    if (server.exitCode === null && server.signalCode === null) {
      try { process.kill(-server.pid, 'SIGTERM'); } catch { /* already gone */ }
      const killer = setTimeout(() => { try { process.kill(-server.pid, 'SIGKILL'); } catch { /* gone */ } }, 5000);
      await exited;
      clearTimeout(killer);
    }
    fs.rmSync(tmp, { recursive: true, force: true });
  }

  try {
    await listening;
  } catch (e) {
    await stop();
    throw e;
  }

  const remote = (p) => `vscode-remote://${authority}${p}`;
  /** The workbench URL for a folder, with a development extension and optionally a test entry. */
  function workbenchUrl({ folder, extensionDevelopmentPath, extensionTestsPath }) {
    const payload = [['skipWelcome', 'true'], ['skipReleaseNotes', 'true']];
    if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
    if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
    const query = new URLSearchParams();
    if (folder) query.set('folder', folder);
    query.set('payload', JSON.stringify(payload));
    return `http://${authority}/?${query}`;
  }

  return { authority, tmp, server, exited, stop, workbenchUrl };
}

/** Headless Chromium with a throw-away profile inside `tmp`; returns { context, page }. */
export async function launchBrowser(tmp, { viewport = { width: 1400, height: 900 } } = {}) {
  const { chromium } = await import('playwright-core');
  const profile = path.join(tmp, 'chromium-profile');
  const xdg = path.join(tmp, 'chromium-xdg');
  fs.mkdirSync(xdg, { recursive: true });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_BIN,
    headless: true,
    viewport,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-breakpad'],
    env: { ...process.env, XDG_CONFIG_HOME: xdg, XDG_CACHE_HOME: xdg },
  });
  const page = context.pages()[0] ?? await context.newPage();
  return { context, page };
}
