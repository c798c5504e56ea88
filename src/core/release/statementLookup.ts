import type { ReleaseStatement } from '../model/types';
import { entryNameOf } from '../valueFolder';

/** A statement file found on a branch or in the working tree: its entry name and, when readable, its `branch:`. */
export interface StatementFile {
  /** Entry name (`2.5.0` for `.value/releases/2.5.0.yaml`). */
  readonly name: string;
  /** The `branch:` the file declares, when it could be read. */
  readonly branch?: string;
}

/**
 * True when one of `files` is the statement of `branch`: it declares that branch, or it is named
 * after the branch's statement name (a file whose `branch:` says another branch does not count).
 */
export function hasStatementFor(files: readonly StatementFile[], branch: string, statementName: string): boolean {
  return files.some((f) => f.branch === branch || (f.name === statementName && (f.branch === undefined || f.branch === branch)));
}

/** Statement files of a loaded model, in the form `hasStatementFor` takes. */
export function statementFilesOf(releases: readonly { readonly name: string; readonly statement: ReleaseStatement }[], brokenFiles: readonly string[] = []): StatementFile[] {
  return [
    ...releases.map((r) => ({ name: r.name, branch: r.statement.branch })),
    // A file with errors still says "someone stated this release": do not nag about it.
    ...brokenFiles.flatMap((f) => {
      const name = entryNameOf(f.slice(f.lastIndexOf('/') + 1));
      return name ? [{ name }] : [];
    }),
  ];
}

/** Reads `branch:` from a statement file's text without a full parse of anything else. */
export function declaredBranch(text: string): string | undefined {
  const m = /^branch:[ \t]*(?:"([^"\n]*)"|'([^'\n]*)'|([^#\n]*?))[ \t]*(?:#.*)?$/m.exec(text);
  const value = m?.[1] ?? m?.[2] ?? m?.[3];
  return value ? value.trim() : undefined;
}
