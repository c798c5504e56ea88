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

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/**
 * Sorts names the way people read them: `2.10.0` after `2.9.0`, case-insensitive, ties broken by
 * the exact text so the order never depends on the input's. Hand-written rather than
 * `Intl.Collator`, whose first use loads ICU data: 17 ms of a 130 ms `value-lens why`.
 */
export function compareNatural(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    const cx = x.charCodeAt(i);
    const cy = y.charCodeAt(j);
    if (isDigit(cx) && isDigit(cy)) {
      // Whole digit runs compare as numbers: leading zeros aside, the longer run is the larger.
      let ei = i;
      let ej = j;
      while (ei < x.length && isDigit(x.charCodeAt(ei))) ei++;
      while (ej < y.length && isDigit(y.charCodeAt(ej))) ej++;
      let si = i;
      let sj = j;
      while (si < ei - 1 && x.charCodeAt(si) === 48) si++;
      while (sj < ej - 1 && y.charCodeAt(sj) === 48) sj++;
      const byLength = ei - si - (ej - sj);
      if (byLength !== 0) return byLength < 0 ? -1 : 1;
      const digits = compareCodeUnits(x.slice(si, ei), y.slice(sj, ej));
      if (digits !== 0) return digits;
      i = ei;
      j = ej;
      continue;
    }
    if (cx !== cy) return cx < cy ? -1 : 1;
    i++;
    j++;
  }
  const rest = x.length - i - (y.length - j);
  return rest !== 0 ? (rest < 0 ? -1 : 1) : compareCodeUnits(a, b);
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
