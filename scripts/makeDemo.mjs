// Creates the demo workspace: a real git repository with a sample `.value/` folder, commits that
// carry `Intent:` trailers, a tagged release with a value statement and a recorded outcome, and a
// feature branch checked out with some linked and some unlinked work.
//   node scripts/makeDemo.mjs [dir]   (default: a new temp folder; prints the path)
// Git runs with argument arrays and fixed dates, so the repository is the same on every run.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const intents = {
  'checkout-speed': `# Why we are making checkout faster, and what it is worth.
id: checkout-speed
title: Faster checkout
why: >
  Cart abandonment is 68%; every 100 ms of checkout latency costs about 1% conversion.
owner: payments-team
sponsor: Head of Commerce
status: active
metric: { name: checkout conversion, unit: "%", baseline: 2.1, target: 2.4 }
value: { amount: 120000, currency: EUR, per: year, confidence: medium }
paths: ["src/checkout/**", "!src/checkout/legacy/**"]
branches: ["feature/checkout-*"]
links: ["https://tracker.example/PAY-142"]
`,
  'guided-onboarding': `id: guided-onboarding
title: Guided onboarding for new shops
why: Half of new shops never publish a product; a guided first hour should fix that.
owner: growth-team
sponsor: VP Growth
status: active
metric: { name: shops publishing in week 1, unit: "%", baseline: 48, target: 65 }
value: { amount: 80000, currency: EUR, per: year, confidence: low }
paths: ["src/onboarding/**"]
`,
  'search-relevance': `id: search-relevance
title: Better product search
why: 30% of searches end without a click; shoppers who search convert twice as often.
owner: discovery-team
status: proposed
metric: { name: search click-through, unit: "%", baseline: 70, target: 80 }
value: { amount: 50000, currency: EUR, per: year, confidence: low }
paths: ["src/search/**"]
`,
  'legacy-payments-retirement': `id: legacy-payments-retirement
title: Retire the legacy payment gateway
why: The old gateway costs a licence fee and a day of on-call work every month.
owner: payments-team
status: delivered
value: { amount: 36000, currency: EUR, per: year, confidence: high }
paths: ["src/checkout/legacy/**"]
`,
};

const releaseStatement = `release: 2.4.0
branch: release/2.4.0
base: main
created: 2026-09-01
author: Dana Demo <dana@example.com>
expected:
  summary: Checkout p95 under 800 ms should lift conversion to 2.3%.
  intents: [checkout-speed, legacy-payments-retirement]
  measures:
    - { metric: checkout conversion, baseline: 2.1, target: 2.3, review: 2026-10-15 }
  value: { amount: 60000, currency: EUR, per: year }
outcome:
  recorded: 2026-10-16
  measures:
    - { metric: checkout conversion, actual: 2.25, verdict: partial }
  value: { amount: 45000, currency: EUR, per: year }
  notes: Mobile Safari regression ate part of the gain.
`;

const config = `# Value Lens settings for this repository (every key is optional).
releaseBranches: ["release/*", "hotfix/*"]
baseBranch: main
trailer: Intent
currency: EUR
`;

/** Builds the demo repository in `dir` (created if needed, must be empty) and returns its path. */
export function makeDemo(dir) {
  fs.mkdirSync(dir, { recursive: true });
  if (fs.readdirSync(dir).length) throw new Error(`demo folder is not empty: ${dir}`);
  let clock = Date.parse('2026-08-01T09:00:00Z');
  const git = (...args) => {
    clock += 3 * 3600 * 1000;
    const date = new Date(clock).toISOString();
    return execFileSync('git', args, {
      cwd: dir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date,
        GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1',
      },
    });
  };
  const write = (rel, text) => {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  };
  const commit = (message, files) => {
    for (const [rel, text] of Object.entries(files)) write(rel, text);
    git('add', '--all');
    git('commit', '--quiet', '-m', message);
  };

  git('init', '--quiet', '--initial-branch=main');
  git('config', 'user.name', 'Dana Demo');
  git('config', 'user.email', 'dana@example.com');
  git('config', 'commit.gpgsign', 'false');

  commit('Initial shop skeleton', {
    'README.md': '# Demo shop\n\nA sample repository for Value Lens.\n',
    'src/checkout/cart.ts': 'export function total(items: number[]): number {\n  return items.reduce((a, b) => a + b, 0);\n}\n',
    'src/checkout/legacy/gateway.ts': 'export const legacyGateway = "https://old-gateway.example";\n',
    'src/onboarding/welcome.ts': 'export const steps = ["add product", "set prices", "publish"];\n',
    'src/search/index.ts': 'export function search(q: string): string[] {\n  return q ? [q] : [];\n}\n',
  });
  commit('Describe why the work matters in .value/', {
    '.value/config.yaml': config,
    ...Object.fromEntries(Object.entries(intents).map(([id, text]) => [`.value/intents/${id}.yaml`, text])),
  });
  commit('Cache cart totals\n\nCompute totals once per cart change instead of per render.\n\nIntent: checkout-speed', {
    'src/checkout/cart.ts': 'const cache = new Map<string, number>();\nexport function total(items: number[]): number {\n  const key = items.join(",");\n  if (!cache.has(key)) cache.set(key, items.reduce((a, b) => a + b, 0));\n  return cache.get(key)!;\n}\n',
  });
  commit('Switch payments to the new gateway\n\nIntent: legacy-payments-retirement, checkout-speed', {
    'src/checkout/legacy/gateway.ts': '// retired: payments go through the new gateway\nexport const legacyGateway = null;\n',
    'src/checkout/gateway.ts': 'export const gateway = "https://pay.example";\n',
  });
  commit('Fix typo in README', { 'README.md': '# Demo shop\n\nA sample repository for Value Lens.\n\n' });
  git('tag', 'v2.3.0');

  git('switch', '--quiet', '-c', 'release/2.4.0');
  commit('State the expected value of release 2.4.0\n\nIntent: checkout-speed', { '.value/releases/2.4.0.yaml': releaseStatement });
  git('switch', '--quiet', 'main');
  git('merge', '--quiet', '--no-ff', '-m', 'Merge release/2.4.0', 'release/2.4.0');
  git('tag', 'v2.4.0');

  commit('Guide new shops through their first product\n\nIntent: guided-onboarding', {
    'src/onboarding/welcome.ts': 'export const steps = ["add product", "set prices", "preview", "publish"];\n',
  });

  git('switch', '--quiet', '-c', 'feature/checkout-speed-retry');
  commit('Retry failed card authorisations once\n\nIntent: checkout-speed', {
    'src/checkout/retry.ts': 'export async function withRetry<T>(f: () => Promise<T>): Promise<T> {\n  try { return await f(); } catch { return f(); }\n}\n',
  });
  commit('Bump lint settings', { '.editorconfig': 'root = true\n\n[*]\nindent_style = space\nindent_size = 2\n' });
  commit('Log slow checkouts\n\nIntent: checkout-sped', {
    'src/checkout/metrics.ts': 'export function logSlow(ms: number): void {\n  if (ms > 800) console.warn("slow checkout", ms);\n}\n',
  });
  write('src/checkout/cart.ts', fs.readFileSync(path.join(dir, 'src/checkout/cart.ts'), 'utf8') + '// TODO: evict old entries\n');
  return dir;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const target = process.argv[2] ? path.resolve(process.argv[2]) : fs.mkdtempSync(path.join(os.tmpdir(), 'value-lens-demo-'));
  console.log(makeDemo(target));
}
