/**
 * Ref-name validation with the rules of `git check-ref-format` (checked in-process, so a
 * name from config can be refused before any git command sees it).
 */

// Control characters, space, ~ ^ : ? * [ and backslash may never appear in a ref name.
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CHARACTERS = /[\u0000-\u0020\u007f~^:?*[\\]/;

/**
 * True when `name` is a valid branch name (the short form, e.g. `feature/x`), following
 * `git check-ref-format --branch`: no `..`, no `@{`, no component starting with `.` or
 * ending with `.lock`, no leading `-`, not `HEAD`, no trailing `/` or `.`, no `//`. Stricter
 * than git in one case: git takes a branch named `@`, which every revision argument reads as HEAD.
 */
export function isValidBranchName(name: string): boolean {
  if (name.length === 0 || name.startsWith('-') || name === '@' || name === 'HEAD') return false;
  return isValidRefName(`refs/heads/${name}`);
}

/** True when `ref` is a valid full ref name (`refs/heads/x`) by `git check-ref-format` rules. */
export function isValidRefName(ref: string): boolean {
  if (ref.length === 0 || FORBIDDEN_CHARACTERS.test(ref)) return false;
  if (ref.includes('..') || ref.includes('@{') || ref.includes('//')) return false;
  if (ref.startsWith('/') || ref.endsWith('/') || ref.endsWith('.')) return false;
  return ref.split('/').every((part) => part.length > 0 && !part.startsWith('.') && !part.endsWith('.lock'));
}

/** A commit trailer key git accepts in `%(trailers:key=…)` without ambiguity: letters, digits, dashes. */
export function isValidTrailerKey(key: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9-]{0,99}$/.test(key);
}

/** True when `text` is a full object id: SHA-1 (40 hex digits) or SHA-256 (64). */
export function isObjectId(text: string): boolean {
  return /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(text);
}
