/** Folder layout of the value model inside a workspace folder (PRODUCT.md §1). */
export const VALUE_DIR = '.value';
export const INTENTS_DIR = 'intents';
export const RELEASES_DIR = 'releases';
export const CONFIG_FILE = 'config.yaml';

/** An intent id: lower-case letters, digits and dashes, 1–64 characters, starting alphanumeric. */
export const INTENT_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

const YAML_EXTENSION = /\.ya?ml$/;

/**
 * The entry name a YAML file under `.value/intents/` or `.value/releases/` stands for
 * (`checkout-speed.yaml` → `checkout-speed`), or undefined for anything that is not a YAML file.
 */
export function entryNameOf(fileName: string): string | undefined {
  if (!YAML_EXTENSION.test(fileName)) return undefined;
  const name = fileName.replace(YAML_EXTENSION, '');
  return name.length > 0 && !name.startsWith('.') ? name : undefined;
}

/** True when `id` is a well-formed intent id, so it can name a file without escaping its folder. */
export function isIntentId(id: string): boolean {
  return INTENT_ID_PATTERN.test(id);
}

/** Sorts names the way people read them: `2.10.0` after `2.9.0`, case-insensitive. */
// One collator for every comparison: localeCompare with options builds a new one per call.
const NATURAL = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

export function compareNatural(a: string, b: string): number {
  return NATURAL.compare(a, b);
}
