import { stringify } from 'yaml';

/** What `init` found in the folder before doing anything. */
export interface InitFacts {
  readonly hasConfig: boolean;
  readonly intentCount: number;
  /** The base branch git suggests (origin/HEAD, main, master), if any. */
  readonly baseBranch?: string;
  /** Branch names without the remote part. */
  readonly branches: readonly string[];
  readonly tags: readonly string[];
}

const KNOWN_RELEASE_PREFIXES = ['release', 'releases', 'hotfix', 'hotfixes', 'support'];
const DEFAULT_PATTERNS = ['release/*', 'hotfix/*'];

/**
 * Release branch patterns from the branches that exist (`release/2.4`, `hotfix/x` →
 * `release/*`, `hotfix/*`); the defaults when the repository has none yet.
 */
export function detectReleasePatterns(branches: readonly string[]): string[] {
  const found = new Set<string>();
  for (const branch of branches) {
    const prefix = branch.split('/')[0] ?? '';
    if (branch.includes('/') && KNOWN_RELEASE_PREFIXES.includes(prefix.toLowerCase())) found.add(`${prefix}/*`);
  }
  return found.size ? [...found].sort() : [...DEFAULT_PATTERNS];
}

/** `.value/config.yaml` for a new repository, with a comment per key. */
export function renderConfig(baseBranch: string | undefined, releaseBranches: readonly string[]): string {
  const lines = [
    '# Value Lens settings for this repository (every key is optional).',
    '# Format: https://github.com/value-lens/value-lens/blob/main/docs/FORMAT.md',
    '',
    '# Branch-name globs that mark a release branch: Value Lens asks for a value statement there.',
    `releaseBranches: ${stringify(releaseBranches, { flowCollectionPadding: false, collectionStyle: 'flow' }).trim()}`,
  ];
  if (baseBranch) lines.push('', '# The branch work is compared against (commits ahead, value coverage).', `baseBranch: ${stringify(baseBranch).trim()}`);
  lines.push('', '# Commit trailer key that links a commit to intents: "Intent: checkout-speed".', 'trailer: Intent', '');
  return lines.join('\n');
}

/** The example intent the command line writes into a repository that has none, marked as one. */
export const EXAMPLE_INTENT_ID = 'example-intent';
export const EXAMPLE_INTENT = `# EXAMPLE written by "value-lens init": replace it with a real intent, or delete this file.
# One business intent per file: why the work matters, for whom, which metric, what it is worth.
id: ${EXAMPLE_INTENT_ID}
title: Example — faster checkout
why: Replace this with why the work matters to the business, in a sentence or two.
owner: your-team
status: proposed
metric: { name: checkout conversion, unit: "%", baseline: 2.1, target: 2.4 }
value: { amount: 10000, currency: EUR, per: year, confidence: low }
paths: ["src/checkout/**"]
`;

/**
 * A pre-push hook that refuses release branches without a value statement. When value-lens cannot
 * be found it says so on stderr, with the fix, and lets the push through, unless
 * VALUE_LENS_REQUIRED=1 (CI, a team that wants the check never skipped): then it refuses.
 */
export const PRE_PUSH_HOOK = `#!/bin/sh
# Installed by "value-lens init": runs value-lens check --branch for each pushed branch and
# refuses to push a release branch without a value statement.
if command -v value-lens >/dev/null 2>&1; then
  value_lens() { value-lens "$@"; }
elif command -v npx >/dev/null 2>&1 && npx --no-install value-lens --help >/dev/null 2>&1; then
  value_lens() { npx --no-install value-lens "$@"; }
else
  echo "value-lens pre-push hook: value-lens was not found (neither on PATH nor installed here for npx), so release branches were not checked for a value statement." >&2
  echo "  Fix: npm install --save-dev value-lens (or install it globally), or remove this hook ($0)." >&2
  if [ "\${VALUE_LENS_REQUIRED:-}" = "1" ]; then
    echo "  VALUE_LENS_REQUIRED=1: push refused." >&2
    exit 1
  fi
  echo "  Pushing anyway; set VALUE_LENS_REQUIRED=1 to refuse pushes while it is missing." >&2
  exit 0
fi
while read -r local_ref local_sha remote_ref remote_sha; do
  case "$local_ref" in
    refs/heads/*) value_lens check --branch "\${local_ref#refs/heads/}" || exit 1 ;;
  esac
done
`;

/** What a hook file already holds decides what `init` does with it: never overwrite. */
export function hookAction(existing: string | undefined): 'install' | 'present' | 'explain' {
  if (existing === undefined) return 'install';
  return existing.includes('value-lens check') ? 'present' : 'explain';
}
