import type { ValueConfig } from './types';
import { DEFAULT_CONFIG } from './types';

/**
 * The config in force: what `.value/config.yaml` declares (shared by the team) wins over the
 * user's editor settings, which win over the defaults.
 */
export function effectiveConfig(declared: Partial<ValueConfig>, settings: Partial<ValueConfig>): ValueConfig {
  return { ...DEFAULT_CONFIG, ...settings, ...declared };
}
