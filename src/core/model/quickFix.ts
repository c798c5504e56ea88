/** Plain words YAML 1.1 readers take as booleans or null; written quoted so they stay text. */
const RESERVED = new Set(['true', 'false', 'null', 'yes', 'no', 'on', 'off', 'y', 'n', '~']);

/**
 * `text` as a YAML scalar that reads back as the same string: bare when it is a plain word
 * (`active`, `checkout-speed`), quoted when YAML would read it otherwise (`2024`, `no`).
 */
export function yamlPlain(text: string): string {
  return /^[a-z][a-z0-9-]*$/i.test(text) && !RESERVED.has(text.toLowerCase()) ? text : JSON.stringify(text);
}
