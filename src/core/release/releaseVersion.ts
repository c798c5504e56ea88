import { compareNatural } from '../valueFolder';

/** A `major.minor.patch` version, without pre-release or build parts. */
export interface Version {
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
}

export type Bump = 'patch' | 'minor' | 'major';

const SEMVER = /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)(?:\.(0|[1-9]\d*))?$/;

/**
 * The version a tag, statement name or branch part stands for: `v2.4.0`, `2.4.0`, `2.4` (patch 0).
 * Pre-releases (`2.5.0-rc.1`) and anything else give undefined, so they never drive a suggestion.
 */
export function parseVersion(text: string): Version | undefined {
  const m = SEMVER.exec(text.trim());
  if (!m) return undefined;
  const [major, minor, patch] = [m[1], m[2], m[3] ?? '0'].map(Number) as [number, number, number];
  return Number.isSafeInteger(major) && Number.isSafeInteger(minor) && Number.isSafeInteger(patch) ? { major, minor, patch } : undefined;
}

export function compareVersions(a: Version, b: Version): number {
  return a.major - b.major || a.minor - b.minor || a.patch - b.patch;
}

export function formatVersion(v: Version): string {
  return `${v.major}.${v.minor}.${v.patch}`;
}

export function bumpVersion(v: Version, bump: Bump): Version {
  if (bump === 'major') return { major: v.major + 1, minor: 0, patch: 0 };
  if (bump === 'minor') return { major: v.major, minor: v.minor + 1, patch: 0 };
  return { major: v.major, minor: v.minor, patch: v.patch + 1 };
}

/** Where the latest version was found. */
export interface LatestVersion {
  readonly version: Version;
  /** The tag (`v2.4.0`) or statement name (`2.4.0`) it came from. */
  readonly from: string;
  readonly source: 'tag' | 'statement';
}

/**
 * The highest version among tags and release statement names; a tag wins a tie, because it is
 * the ref a "since the last release" range can start from.
 */
export function latestVersion(tags: readonly string[], statementNames: readonly string[]): LatestVersion | undefined {
  let best: LatestVersion | undefined;
  const consider = (from: string, source: LatestVersion['source']): void => {
    const version = parseVersion(from);
    if (!version) return;
    const order = best ? compareVersions(version, best.version) : 1;
    if (order > 0 || (order === 0 && source === 'tag' && best?.source !== 'tag')) best = { version, from, source };
  };
  for (const tag of [...tags].sort(compareNatural)) consider(tag, 'tag');
  for (const name of statementNames) consider(name, 'statement');
  return best;
}

export interface NameSuggestion {
  /** The branch name, e.g. `release/2.5.0`. */
  readonly branch: string;
  /** The version part, e.g. `2.5.0`. */
  readonly version: string;
  readonly bump: Bump | 'first';
}

/**
 * Branch names for the next release: next minor, patch and major after the latest version (from
 * tags or statements), put into the first release pattern with a `*` (`release/*` → `release/2.5.0`).
 * With no version yet, suggests `0.1.0` and `1.0.0`. Names that `isTaken` refuses are left out.
 */
export function suggestReleaseNames(
  latest: LatestVersion | undefined,
  patterns: readonly string[],
  isTaken: (branch: string) => boolean = () => false,
): NameSuggestion[] {
  const pattern = patterns.find((p) => p.split('*').length === 2 && !p.includes('**')) ?? 'release/*';
  const versions: { version: string; bump: NameSuggestion['bump'] }[] = latest
    ? (['minor', 'patch', 'major'] as const).map((bump) => ({ version: formatVersion(bumpVersion(latest.version, bump)), bump }))
    : [{ version: '0.1.0', bump: 'first' }, { version: '1.0.0', bump: 'first' }];
  return versions
    .map(({ version, bump }) => ({ branch: pattern.replace('*', version), version, bump }))
    .filter((s) => !isTaken(s.branch));
}
