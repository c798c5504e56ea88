import * as assert from 'assert';
import { parseValueFile } from '../../../src/core/model/parseValueFile';
import { renderReleaseYaml } from '../../../src/core/release/releaseStatement';
import { renderIntentYaml } from '../../../src/core/yaml/intentTemplate';
import { parseSimpleYaml } from '../../../src/core/model/simpleYaml';
import type { YamlPath } from '../../../src/core/model/yamlSource';
import { YamlSource } from '../../../src/core/model/yamlSource';
import { generateIntents, generateReleases } from '../../../bench/fixtures/valueFiles';
import { QUICK } from '../../../bench/fixtures/scale';
import { CONFIG, CORPUS, INTENT, mutate, RELEASE, seeded } from './yamlCorpus';

/** Every key path in `data`, plus paths that lead nowhere. */
function pathsOf(data: unknown, prefix: (string | number)[] = []): YamlPath[] {
  const out: YamlPath[] = [prefix, [...prefix, 'missing'], [...prefix, 7]];
  if (Array.isArray(data)) data.forEach((v, i) => out.push(...pathsOf(v, [...prefix, i])));
  else if (data !== null && typeof data === 'object') for (const [k, v] of Object.entries(data)) out.push(...pathsOf(v, [...prefix, k]));
  return out;
}

/**
 * The quick reader either declines `text` or agrees with the yaml library on everything: no
 * error or warning, the same data, and the same place for every key and value it places.
 */
function agreesWithLibrary(text: string): boolean {
  const quick = parseSimpleYaml(text);
  if (!quick) return false;
  const full = new YamlSource(text);
  const label = JSON.stringify(text);
  assert.deepStrictEqual([...full.doc.errors, ...full.doc.warnings].map((e) => e.message), [], label);
  assert.deepStrictEqual(quick.data, full.doc.toJS(), label);
  for (const path of pathsOf(quick.data)) {
    for (const part of ['key', 'value'] as const) {
      const range = quick.locate(path, part);
      if (range) assert.deepStrictEqual(range, full.locate(path, part), `${label} ${JSON.stringify(path)} ${part}`);
    }
  }
  return true;
}

describe('the quick YAML reader', () => {
  it('reads intents, releases and configs written in every style .value/ files use, LF or CRLF, as the yaml library does', () => {
    for (const text of CORPUS) {
      assert.ok(agreesWithLibrary(text), text);
      assert.ok(agreesWithLibrary(text.replace(/\n/g, '\r\n')), `${text} with CRLF`);
    }
    const intents = generateIntents(QUICK).files;
    const releases = generateReleases(QUICK);
    for (const text of [...intents.values(), ...releases.values()]) assert.ok(agreesWithLibrary(text), text);
  });

  it('reads the files Value Lens writes itself (New Intent, release statements), long lines included', () => {
    const why = 'Customers drop out at the invoice step; each second of delay costs about 1% conversion, which is a lot of money every single month.';
    const intent = renderIntentYaml({ id: 'checkout-speed', title: 'Faster: checkout', why, owner: '#payments', metric: { name: 'conversion', unit: '%', baseline: 2.1, target: 2.4 }, value: { amount: 120000, currency: 'EUR', per: 'year' } });
    const release = renderReleaseYaml({
      release: '2.10',
      branch: 'release/2.10',
      base: 'main',
      created: '2026-11-26',
      author: 'Dana <dana@example.com>',
      expected: { summary: why, intents: ['checkout-speed', 'yes'], measures: [{ metric: 'conversion', baseline: 2.1, target: 2.3, review: '2026-12-10' }], value: { amount: 5000, currency: 'EUR' } },
    });
    for (const text of [intent, release]) assert.ok(agreesWithLibrary(text), text);
  });

  it('declines or agrees on 10,000 mutated files (tabs, CRLF, lone CR, anchors, quotes, indentation, comments)', function () {
    this.timeout(120_000);
    const random = seeded(20261126);
    let read = 0;
    for (let i = 0; i < 10_000; i++) {
      const text = mutate(CORPUS[i % CORPUS.length]!, random);
      // Every third file with CRLF line ends, as git writes them on Windows.
      if (agreesWithLibrary(i % 3 === 0 ? text.replace(/\r?\n/g, '\r\n') : text)) read++;
    }
    // The mutations must also produce files it reads, or the agreement would prove nothing.
    assert.ok(read > 1_000, `${read} of 10,000 read`);
  });

  it('leaves anything it does not copy exactly to the library', () => {
    const declined = [
      'a: b\rc: d\n', 'a:\tb\n', '\ufeffa: b\n', 'a: &x b\nc: *x\n', 'a: !tag b\n', '%YAML 1.2\n---\na: b\n', '---\na: b\n',
      'a: b\na: c\n', 'a: "line\n  two"\n', 'a: plain\n  continued\n', 'a: >+\n  kept\n\n', 'a: >2\n  x\n', 'a: [b, [c]]\n',
      'a: [b,\n  c]\n', 'a: {b: }\n', 'a: [b, ]\n', '"a": b\n', 'a: b: c\n', '- a\n', '', '# only a comment\n', 'a: "\\x41"\n',
      'a:\n  - - b\n', `${'k'.repeat(1025)}: v\n`, `a:\n  - ${'k'.repeat(1025)}: v\n`, 'a: >\n   more\n  less\n', 'a: |\n  x\n  \n  y\n', 'null: x\n', 'a: "x"#c\n',
    ];
    for (const text of declined) assert.strictEqual(parseSimpleYaml(text), undefined, JSON.stringify(text));
    // Nesting the library cannot compose (it runs out of stack near 1,000 levels) is its to report.
    const nested = (levels: number): string => Array.from({ length: levels }, (_, i) => `${' '.repeat(i)}a:\n`).join('') + `${' '.repeat(levels)}b: 1\n`;
    assert.ok(agreesWithLibrary(nested(20)));
    assert.strictEqual(parseSimpleYaml(nested(1000)), undefined);
  });

  it('gives intents, releases and configs (LF and CRLF) the same problems, at the same places, as the full parser', () => {
    const broken = [
      [INTENT.replace('status: active', 'status: ongoing').replace('owner: payments-team', 'ownr: payments-team'), 'intent'],
      [RELEASE.replace('base: main', 'base: [main]').replace('created: 2026-01-10', 'created: 2026-02-30'), 'release'],
      [CONFIG.replace('currency: EUR', 'currency: eur'), 'config'],
      // Problems on a block list and on an empty value: placed by the full parser, lazily.
      [INTENT.replace('title: "Faster checkout \\"now\\" \\u00e9"', 'title:\n  - a\n  - b').replace('owner: payments-team  # the team', 'owner:'), 'intent'],
    ] as const;
    for (const [lf, kind] of broken) for (const text of [lf, lf.replace(/\n/g, '\r\n')]) {
      assert.ok(parseSimpleYaml(text), 'the quick reader reads it');
      const quick = parseValueFile(`.value/${kind}.yaml`, kind, text);
      // A BOM sends the same text to the full parser only; the BOM shifts no position on line 1+.
      const full = parseValueFile(`.value/${kind}.yaml`, kind, `\ufeff${text}`);
      assert.ok(quick.problems.length >= 1);
      const shifted = full.problems.map((p) => ({ ...p, range: unshift(p.range) }));
      assert.deepStrictEqual(quick.problems, shifted);
      assert.deepStrictEqual(quick.data, full.data);
    }
  });

  it('puts a problem on a block list or an empty value where the full parser puts it', () => {
    const text = 'id: a\ntitle:\n  - one\n  - two\nwhy: w\nowner:\nstatus: active\n';
    assert.ok(parseSimpleYaml(text), 'the quick reader reads it');
    const problems = parseValueFile('.value/intents/a.yaml', 'intent', text).problems;
    assert.deepStrictEqual(problems.map((p) => `${p.range.start.line + 1}:${p.range.start.col + 1}-${p.range.end.line + 1}:${p.range.end.col + 1} ${p.code}`), [
      '3:3-5:1 schema.type',
      '6:7-6:7 schema.type',
    ]);
  });

  it('places a value it does not record itself (a block list) through the full parser, lazily', () => {
    const parsed = parseValueFile('.value/releases/2.4.0.yaml', 'release', RELEASE);
    const range = parsed.locate(['expected', 'measures']);
    assert.deepStrictEqual(range, new YamlSource(RELEASE).locate(['expected', 'measures']));
    assert.strictEqual(range.start.line, 9);
  });
});

/** A position on line 0 of a file that starts with a BOM is one column further right. */
function unshift(range: { start: { line: number; col: number }; end: { line: number; col: number } }): typeof range {
  const fix = (p: { line: number; col: number }): { line: number; col: number } => (p.line === 0 ? { line: 0, col: p.col - 1 } : p);
  return { start: fix(range.start), end: fix(range.end) };
}
