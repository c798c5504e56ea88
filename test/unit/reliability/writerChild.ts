// A separate Node process that writes through Value Lens's writer, so a test can SIGKILL it in the
// middle of a write or run it as another user. Bundled beside the tests; not a test itself.
//   node writerChild.js loop <file> <root> <contentA> <contentB>   writes the contents of the files A, B, A, …
//                                                                  until killed; prints "wrote" after each write
//   node writerChild.js edit <file> <root> <editsJson>             one editYamlFile; prints one JSON line
import * as fs from 'fs';
import { readFileForEdit, writeFileAtomic } from '../../../src/core/yaml/atomicWrite';
import { editYamlFile } from '../../../src/core/yaml/editYamlFile';
import type { YamlEdit } from '../../../src/core/yaml/yamlEdits';

async function loop(file: string, root: string, contents: readonly string[]): Promise<never> {
  for (let i = 0; ; i++) {
    const { hash } = await readFileForEdit(file);
    await writeFileAtomic(file, contents[i % contents.length]!, { root, expectedHash: hash });
    process.stdout.write('wrote\n');
  }
}

async function edit(file: string, root: string, edits: readonly YamlEdit[]): Promise<void> {
  try {
    const changed = await editYamlFile(file, edits, { root });
    process.stdout.write(`${JSON.stringify({ changed })}\n`);
  } catch (e) {
    const error = e as Error & { reason?: string };
    process.stdout.write(`${JSON.stringify({ error: error.name, reason: error.reason, message: error.message })}\n`);
  }
}

async function main(): Promise<void> {
  const [mode, file, root, ...rest] = process.argv.slice(2);
  if (!file || !root) throw new Error('usage: writerChild loop|edit <file> <root> …');
  if (mode === 'loop') await loop(file, root, rest.map((f) => fs.readFileSync(f, 'utf8')));
  else if (mode === 'edit') await edit(file, root, JSON.parse(rest[0] ?? '[]') as YamlEdit[]);
  else throw new Error(`unknown mode ${mode}`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
