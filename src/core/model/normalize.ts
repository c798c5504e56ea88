import type { Intent, ReleaseStatement, ValueConfig } from './types';
import { DEFAULT_CONFIG } from './types';

type Data = Record<string, unknown>;

const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** An intent from schema-valid data, with the optional lists defaulted to []. */
export function toIntent(data: Data): Intent {
  return { ...(data as unknown as Intent), paths: list(data['paths']), branches: list(data['branches']), links: list(data['links']) };
}

/** A release statement from schema-valid data, with `expected.measures` and outcome measures defaulted to []. */
export function toReleaseStatement(data: Data): ReleaseStatement {
  const statement = data as unknown as ReleaseStatement;
  const expected = { ...statement.expected, measures: statement.expected.measures ?? [] };
  return statement.outcome
    ? { ...statement, expected, outcome: { ...statement.outcome, measures: statement.outcome.measures ?? [] } }
    : { ...statement, expected };
}

/** The config from schema-valid data (or none), on top of the defaults. */
export function toConfig(data: Data | null | undefined): ValueConfig {
  return { ...DEFAULT_CONFIG, ...(data ?? {}) };
}
