import { trailerKeyGrep } from '../git/commitLog';
import type { GitRunner } from '../git/gitRunner';

/** At most this many commits are asked about in one call: a command line stays short. */
const MAX_COMMITS = 500;
const OBJECT_ID = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

/**
 * The first line after the subject of `message` that reads like a `key:` trailer with a value.
 * Only meaningful for a commit git found no such trailer in: then the line is not in the trailer
 * block (prose after it, or a paragraph git does not take as trailers), and links nothing.
 */
export function strayTrailerLine(message: string, key: string): string | undefined {
  const lower = key.toLowerCase();
  const lines = message.split(/\r?\n/);
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    const colon = line.indexOf(':');
    if (colon < 0 || line.slice(0, colon).trimEnd().toLowerCase() !== lower) continue;
    if (line.slice(colon + 1).trim() !== '') return line.trim();
  }
  return undefined;
}

/** A commit as the branch scan lists it: what git read from its trailers. */
interface ScannedCommit {
  readonly sha: string;
  readonly trailerIds: readonly string[];
}

/**
 * Of the commits in which git read no `key` trailer, those whose message still has a `key:` line,
 * with that line, by sha. One `git log --no-walk --grep` for those commits only, so the others
 * cost nothing and no message body is read for them.
 */
export async function findStrayTrailers(runner: GitRunner, commits: readonly ScannedCommit[], key: string): Promise<Map<string, string>> {
  const shas = commits.filter((c) => c.trailerIds.length === 0 && OBJECT_ID.test(c.sha)).slice(0, MAX_COMMITS).map((c) => c.sha);
  const found = new Map<string, string>();
  if (shas.length === 0) return found;
  const { stdout } = await runner.run(['log', '--no-walk=unsorted', '-z', '--format=%H%x00%B', ...trailerKeyGrep(key), ...shas]);
  const tokens = stdout.split('\0');
  for (let i = 0; i + 1 < tokens.length; i += 2) {
    // git puts a newline between one record and the next sha.
    const sha = tokens[i]!.trim();
    const line = strayTrailerLine(tokens[i + 1]!, key);
    if (line !== undefined && OBJECT_ID.test(sha)) found.set(sha, line);
  }
  return found;
}
