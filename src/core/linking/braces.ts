/**
 * Brace lists, a Value Lens extension to git's globs: `*.{ts,tsx}` stands for `*.ts` and
 * `*.tsx`. Groups may nest and repeat (`{a,b}/{c,d}`); a group needs a comma at its top level
 * (`{a}` and `{1..3}` stay literal, as in a shell), `\{` is literal. Git reads braces literally.
 */

/** At most this many alternatives: `{a,b}{c,d}…` doubles with every group. */
export const MAX_BRACE_ALTERNATIVES = 64;

/** Whether the glob holds a group that expandBraces expands. */
export function hasBraceGroup(glob: string): boolean {
  return findGroup(glob) !== undefined;
}

/**
 * The glob's alternatives: itself when it has no group, undefined when there would be more
 * than MAX_BRACE_ALTERNATIVES (the caller then reads the glob literally, and the check warns).
 */
export function expandBraces(glob: string): string[] | undefined {
  const out: string[] = [];
  const expand = (text: string): boolean => {
    const group = findGroup(text);
    if (!group) {
      out.push(text);
      return out.length <= MAX_BRACE_ALTERNATIVES;
    }
    const before = text.slice(0, group.open);
    const after = text.slice(group.close + 1);
    for (const alternative of group.alternatives) if (!expand(`${before}${alternative}${after}`)) return false;
    return true;
  };
  return expand(glob) ? [...new Set(out)] : undefined;
}

/** The first `{` with a matching `}` and a top-level comma between them. */
function findGroup(text: string): { open: number; close: number; alternatives: string[] } | undefined {
  for (let open = text.indexOf('{'); open >= 0; open = text.indexOf('{', open + 1)) {
    if (escaped(text, open)) continue;
    let depth = 0;
    const commas: number[] = [];
    for (let i = open + 1; i < text.length; i++) {
      const c = text[i];
      if (c === '\\') {
        i++;
      } else if (c === '{') {
        depth++;
      } else if (c === ',' && depth === 0) {
        commas.push(i);
      } else if (c === '}') {
        if (depth > 0) {
          depth--;
          continue;
        }
        if (commas.length === 0) break;
        const bounds = [open, ...commas, i];
        const alternatives = bounds.slice(1).map((end, k) => text.slice((bounds[k] ?? 0) + 1, end));
        return { open, close: i, alternatives };
      }
    }
  }
  return undefined;
}

function escaped(text: string, at: number): boolean {
  let backslashes = 0;
  for (let i = at - 1; i >= 0 && text[i] === '\\'; i--) backslashes++;
  return backslashes % 2 === 1;
}
