/** A file that differs from the base or from HEAD. */
export interface ChangedFile {
  /** Repository-relative path with `/` separators (the new path of a rename). */
  readonly path: string;
  /** Git's status letter(s): `M`, `A`, `D`, `T`, `R`, `C`, or porcelain `XY` such as ` M`, `??`. */
  readonly status: string;
  /** The old path of a rename or copy. */
  readonly from?: string;
}

/** Parses `git diff --name-status -z`: `STATUS\0path\0`, or `R100\0old\0new\0` for renames and copies. */
export function parseNameStatus(output: string): ChangedFile[] {
  const tokens = output.split('\0');
  const files: ChangedFile[] = [];
  for (let i = 0; i + 1 < tokens.length; ) {
    const status = tokens[i] ?? '';
    if (status.length === 0) {
      i += 1;
      continue;
    }
    const letter = status.charAt(0);
    if (letter === 'R' || letter === 'C') {
      files.push({ path: tokens[i + 2] ?? '', status: letter, from: tokens[i + 1] ?? '' });
      i += 3;
    } else {
      files.push({ path: tokens[i + 1] ?? '', status: letter });
      i += 2;
    }
  }
  return files.filter((f) => f.path.length > 0);
}

/**
 * Parses `git status --porcelain=v1 -z [--branch]`: `XY path\0`, renames `XY new\0old\0`; the
 * `## branch` header of --branch comes first and is no file (`##` is no status).
 */
export function parsePorcelainStatus(output: string): ChangedFile[] {
  const tokens = output.split('\0');
  const files: ChangedFile[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const entry = tokens[i] ?? '';
    if (entry.length < 4 || (i === 0 && entry.startsWith('## '))) continue;
    const status = entry.slice(0, 2);
    const path = entry.slice(3);
    if (status.includes('R') || status.includes('C')) {
      files.push({ path, status, from: tokens[i + 1] ?? '' });
      i += 1;
    } else {
      files.push({ path, status });
    }
  }
  return files;
}
