/** A git trailer line (`Key: value`) or a folded continuation of one. */
const TRAILER_LINE = /^[A-Za-z0-9][A-Za-z0-9-]*:\s/;
const CONTINUATION = /^\s+\S/;

/**
 * Adds `Key: id` trailers to a commit message the way git expects them: in the trailer block
 * (the last paragraph, when it holds only trailers), else in a new paragraph after a blank line.
 * Ids already named by a `Key:` trailer (key case-insensitive, comma lists split) are not repeated.
 * An empty message gets an empty subject line first, so the user can still type it on top.
 */
export function appendTrailers(message: string, key: string, ids: readonly string[]): string {
  const eol = message.includes('\r\n') ? '\r\n' : '\n';
  const lines = message.replace(/\s+$/, '').split(/\r?\n/);
  if (lines.length === 1 && lines[0] === '') lines.length = 0;
  const lastBlank = lines.map((l) => l.trim() === '').lastIndexOf(true);
  const lastParagraph = lastBlank >= 0 ? lines.slice(lastBlank + 1) : [];
  const hasTrailerBlock = lastParagraph.length > 0 && TRAILER_LINE.test(lastParagraph[0]!) && lastParagraph.every((l) => TRAILER_LINE.test(l) || CONTINUATION.test(l));
  const prefix = `${key.toLowerCase()}:`;
  const present = new Set(
    (hasTrailerBlock ? lastParagraph : [])
      .filter((l) => l.toLowerCase().startsWith(prefix))
      .flatMap((l) => l.slice(prefix.length).split(',').map((v) => v.trim())),
  );
  const added = [...new Set(ids)].filter((id) => !present.has(id));
  if (added.length === 0) return message;
  const head = lines.length === 0 ? [''] : lines;
  return [...head, ...(hasTrailerBlock ? [] : ['']), ...added.map((id) => `${key}: ${id}`)].join(eol);
}
