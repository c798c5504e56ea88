import * as assert from 'assert';
import { crossFileChecks } from '../../../src/core/model/crossFileChecks';
import { parseValueFile } from '../../../src/core/model/parseValueFile';
import { ValueModel } from '../../../src/core/model/valueModel';

const TODAY = '2026-11-26';
const intent = (id: string, extra = ''): string => `id: ${id}\ntitle: T\nwhy: w\nowner: o\nstatus: active\n${extra}`;
const codes = (problems: readonly { file: string; code: string; range: { start: { line: number; col: number } } }[]): string[] =>
  problems.map((p) => `${p.file}:${p.range.start.line + 1}:${p.range.start.col + 1} ${p.code}`);

describe('cross-file checks on re-check', () => {
  it('report a duplicate id on the later file by name, whatever order the files come in', () => {
    const files = ['.value/intents/b.yaml', '.value/intents/a.yaml', '.value/intents/c.yaml'].map((f) => parseValueFile(f, 'intent', intent('a')));
    const problems = crossFileChecks(files, [], TODAY).filter((p) => p.code === 'duplicate-id');
    assert.deepStrictEqual(problems.map((p) => p.file), ['.value/intents/b.yaml', '.value/intents/c.yaml']);
    assert.ok(problems.every((p) => p.message.includes('.value/intents/a.yaml')));
  });

  it('follow a file through edits: a bad glob appears, moves and goes away; added and deleted files are counted', () => {
    const model = new ValueModel();
    model.setFile('.value/intents/b.yaml', intent('b'));
    model.setFile('.value/intents/a.yaml', intent('a', 'paths: ["src/[x"]\n'));
    assert.deepStrictEqual(codes(model.problems(TODAY)), ['.value/intents/a.yaml:6:9 bad-glob']);
    model.setFile('.value/intents/a.yaml', intent('a', 'paths:\n  - ok/**\n  - "src/[y"\n'));
    assert.deepStrictEqual(codes(model.problems(TODAY)), ['.value/intents/a.yaml:8:5 bad-glob']);
    model.setFile('.value/intents/a.yaml', intent('a'));
    assert.deepStrictEqual(codes(model.problems(TODAY)), []);
    model.setFile('.value/intents/0.yaml', intent('b'));
    assert.deepStrictEqual(codes(model.problems(TODAY)), ['.value/intents/0.yaml:1:5 id-mismatch', '.value/intents/b.yaml:1:5 duplicate-id']);
    model.deleteFile('.value/intents/0.yaml');
    assert.deepStrictEqual(codes(model.problems(TODAY)), []);
    assert.deepStrictEqual([...model.intents.keys()], ['a', 'b']);
  });
});
