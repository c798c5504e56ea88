import * as assert from 'assert';
import { ValueModel } from '../../../src/core/model/valueModel';
import type { Problem } from '../../../src/core/model/problem';

const TODAY = '2026-11-26';
const intentText = (id: string, extra = ''): string => `id: ${id}\ntitle: T ${id}\nwhy: because\nowner: team\nstatus: active\n${extra}`;
const releaseText = (intents: string, extra = ''): string =>
  `release: "2.4.0"\nbranch: release/2.4.0\nbase: main\ncreated: 2026-09-01\nexpected:\n  summary: Faster checkout\n  intents: [${intents}]\n${extra}`;
const where = (p: Problem): string => `${p.file}:${p.range.start.line + 1}:${p.range.start.col + 1} ${p.severity} ${p.code}`;

describe('the value model of one workspace folder', () => {
  it('holds valid intents by id, releases in version order, and the config on top of defaults', () => {
    const model = new ValueModel();
    model.setFile('.value/intents/b.yaml', intentText('b', 'paths: ["src/**"]\n'));
    model.setFile('.value/intents/a.yaml', intentText('a'));
    model.setFile('.value/releases/2.10.0.yaml', releaseText('a').replace(/2\.4\.0/g, '2.10.0'));
    model.setFile('.value/releases/2.9.0.yaml', releaseText('b').replace(/2\.4\.0/g, '2.9.0'));
    model.setFile('.value/config.yaml', 'trailer: Serves\n');
    model.setFile('.value/notes.md', 'ignored');
    assert.deepStrictEqual([...model.intents.keys()].sort(), ['a', 'b']);
    assert.deepStrictEqual(model.intents.get('a')?.intent.paths, []);
    assert.deepStrictEqual(model.intents.get('b')?.intent.paths, ['src/**']);
    assert.deepStrictEqual(model.releases.map((r) => r.name), ['2.9.0', '2.10.0']);
    assert.deepStrictEqual(model.releases[0]?.statement.expected.measures, []);
    assert.deepStrictEqual(model.config, { releaseBranches: ['release/*', 'hotfix/*'], trailer: 'Serves', currency: 'EUR' });
    assert.deepStrictEqual(model.problems(TODAY), []);
  });

  it('reports an id that does not match its file name, at the id', () => {
    const model = new ValueModel();
    model.setFile('.value/intents/checkout.yaml', intentText('checkout-speed'));
    const problems = model.problems(TODAY);
    assert.deepStrictEqual(problems.map(where), ['.value/intents/checkout.yaml:1:5 error id-mismatch']);
    assert.strictEqual(problems[0]!.message, 'id "checkout-speed" does not match the file name "checkout.yaml": rename the file to checkout-speed.yaml or set id: checkout.');
  });

  it('reports duplicate ids on the second file, naming the first', () => {
    const model = new ValueModel();
    model.setFile('.value/intents/a.yaml', intentText('a'));
    model.setFile('.value/intents/b.yaml', intentText('a'));
    const duplicate = model.problems(TODAY).filter((p) => p.code === 'duplicate-id');
    assert.deepStrictEqual(duplicate.map(where), ['.value/intents/b.yaml:1:5 error duplicate-id']);
    assert.match(duplicate[0]!.message, /already used by \.value\/intents\/a\.yaml/);
    assert.strictEqual(model.intents.get('a')?.file, '.value/intents/a.yaml');
  });

  it('warns when a release names an intent that does not exist, at that id', () => {
    const model = new ValueModel();
    model.setFile('.value/intents/a.yaml', intentText('a'));
    model.setFile('.value/releases/2.4.0.yaml', releaseText('a, ghost'));
    assert.deepStrictEqual(model.problems(TODAY).map(where), ['.value/releases/2.4.0.yaml:7:16 warning unknown-intent']);
  });

  it('counts a broken intent file as known, so releases do not also call its id unknown', () => {
    const model = new ValueModel();
    model.setFile('.value/intents/a.yaml', 'id: a\ntitle: A\n');
    model.setFile('.value/releases/2.4.0.yaml', releaseText('a'));
    assert.ok(!model.problems(TODAY).some((p) => p.code === 'unknown-intent'));
    // Known by its id, and marked: the file's errors are its only problems (issue 18).
    assert.strictEqual(model.intents.get('a')?.hasErrors, true);
  });

  it('reports globs that cannot be compiled', () => {
    const model = new ValueModel();
    model.setFile('.value/intents/a.yaml', intentText('a', 'paths: ["src/[abc", "!", "ok/**"]\n'));
    assert.deepStrictEqual(model.problems(TODAY).map(where), ['.value/intents/a.yaml:6:9 error bad-glob', '.value/intents/a.yaml:6:21 error bad-glob']);
  });

  it('flags a review date in the past without an outcome as overdue (info), and not once reviewed', () => {
    const measures = '  measures:\n    - { metric: conversion, target: 2.3, review: 2026-10-15 }\n    - { metric: latency, target: 800, review: 2027-01-15 }\n';
    const model = new ValueModel();
    model.setFile('.value/intents/a.yaml', intentText('a'));
    model.setFile('.value/releases/2.4.0.yaml', releaseText('a', measures));
    const overdue = model.problems(TODAY);
    assert.deepStrictEqual(overdue.map(where), ['.value/releases/2.4.0.yaml:9:50 info review-overdue']);
    assert.match(overdue[0]!.message, /"conversion" was due for review on 2026-10-15/);
    assert.deepStrictEqual(model.problems('2026-10-01'), []);
    model.setFile('.value/releases/2.4.0.yaml', releaseText('a', `${measures}outcome:\n  recorded: 2026-10-16\n`));
    assert.deepStrictEqual(model.problems(TODAY), []);
  });

  it('re-checks across files when one file changes, and forgets a deleted file', () => {
    const model = new ValueModel();
    model.setFile('.value/releases/2.4.0.yaml', releaseText('a'));
    assert.strictEqual(model.problems(TODAY).length, 1);
    model.setFile('.value/intents/a.yaml', intentText('a'));
    assert.deepStrictEqual(model.problems(TODAY), []);
    model.deleteFile('.value/intents/a.yaml');
    assert.strictEqual(model.problems(TODAY).length, 1);
    assert.strictEqual(model.intents.size, 0);
  });

  it('keeps the default config when config.yaml is broken, and says why', () => {
    const model = new ValueModel();
    model.setFile('.value/config.yaml', 'trailer: [a, b]\n');
    assert.strictEqual(model.config.trailer, 'Intent');
    assert.deepStrictEqual(model.problems(TODAY).map(where), ['.value/config.yaml:1:10 error schema.type']);
  });
});
