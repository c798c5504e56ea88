import type { AtomicWriteFs } from './atomicWrite';
import { readFileForEdit, writeFileAtomic } from './atomicWrite';
import type { YamlEdit } from './yamlEdits';
import { applyYamlEdits } from './yamlEdits';

/**
 * Applies `edits` (or the edits computed from its current text) to a `.value/` YAML file that is not open in an editor: reads it, edits the text
 * keeping everything else byte for byte, and writes it back atomically only if nobody changed it
 * in between. Returns false when the edits change nothing (the file is then not touched).
 * @throws YamlSyntaxError, YamlEditError, WriteConflictError, UnsafeWritePathError, NotTextFileError, WriteFailedError
 */
/** Edits, or how to compute them from the text as it is now (read once, just before the write). */
export type EditsFor = readonly YamlEdit[] | ((text: string) => readonly YamlEdit[]);

export async function editYamlFile(file: string, edits: EditsFor, options: { readonly root: string; readonly fs?: Partial<AtomicWriteFs> }): Promise<boolean> {
  const before = await readFileForEdit(file);
  const after = applyYamlEdits(before.text, typeof edits === 'function' ? edits(before.text) : edits);
  if (after === before.text) return false;
  await writeFileAtomic(file, after, { ...options, expectedHash: before.hash });
  return true;
}
