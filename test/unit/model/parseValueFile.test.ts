import * as assert from 'assert';
import { parseValueFile } from '../../../src/core/model/parseValueFile';
import type { Problem } from '../../../src/core/model/problem';
import { formatProblem } from '../../../src/core/model/problem';

const FILE = '.value/intents/checkout-speed.yaml';
const VALID = `# Why we make checkout faster
id: checkout-speed
title: Faster checkout
why: Cart abandonment is 68%.
owner: payments-team
status: active
metric: { name: checkout conversion, unit: "%", baseline: 2.1, target: 2.4 }
value: { amount: 120000, currency: EUR, per: year, confidence: medium }
paths: ["src/checkout/**", "!src/checkout/legacy/**"]
links: ["https://tracker.example/PAY-142"]
`;

function intent(text: string): readonly Problem[] {
  return parseValueFile(FILE, 'intent', text).problems;
}

/** `line:col severity code` with 1-based positions, the way the user sees them. */
function where(p: Problem): string {
  return `${p.range.start.line + 1}:${p.range.start.col + 1} ${p.severity} ${p.code}`;
}

describe('parsing and validating one .value/ file', () => {
  it('shows a missing }, ] or quote on the line where the map, list or text opens, not the line after', () => {
    const cases: [string, string][] = [
      [`${VALID.replace(/^metric: .*$/m, 'metric: { name: x, unit: "%"')}`, '7:9 error yaml.BAD_INDENT'],
      ['id: a\nmetric: { name: x\n', '2:9 error yaml.BAD_INDENT'],
      ['id: a\npaths: ["src/**"\nwhy: w\n', '2:8 error yaml.BAD_INDENT'],
      ['id: a\ntitle: "abc\nwhy: w\n', '2:8 error yaml.MISSING_CHAR'],
      ["id: a\ntitle: 'abc\n", '2:8 error yaml.MISSING_CHAR'],
      ['a:\n  b: [1, {x: 2\n  c: 3\n', '2:6 error yaml.BAD_INDENT'],
    ];
    for (const [text, expected] of cases) assert.ok(intent(text).map(where).includes(expected), `${text}: ${intent(text).map(where).join(', ')}`);
    // The nested map's own error is at the map, not at the list around it.
    assert.deepStrictEqual(intent('a:\n  b: [1, {x: 2\n  c: 3\n').map(where).sort(), ['2:10 error yaml.BAD_INDENT', '2:6 error yaml.BAD_INDENT']);
  });

  it('accepts a complete intent with no problems', () => {
    const parsed = parseValueFile(FILE, 'intent', VALID);
    assert.deepStrictEqual(parsed.problems, []);
    assert.ok(parsed.valid);
  });

  it('accepts an intent with only the required fields: a missing optional field is never an error', () => {
    assert.deepStrictEqual(intent('id: a\ntitle: A\nwhy: because\nowner: me\nstatus: proposed\n'), []);
  });

  it('names each missing required field, and says what to write', () => {
    const problems = intent('id: checkout-speed\ntitle: Faster checkout\n');
    assert.deepStrictEqual(problems.map((p) => p.message), [
      'Missing required field "why": add "why:" with why it matters to the business.',
      'Missing required field "owner": add "owner:" with the team or person who delivers it.',
      'Missing required field "status": add "status:" with proposed, active, delivered or dropped.',
    ]);
  });

  it('reports an empty file as such', () => {
    const [p] = intent('');
    assert.strictEqual(p?.code, 'empty');
    assert.match(p.message, /empty.*id, title, why, owner and status/);
  });

  it('puts a YAML syntax error at its line and column', () => {
    const problems = intent('id: a\ntitle: [unclosed\nwhy: x\n');
    assert.ok(problems.length > 0);
    assert.ok(problems.every((p) => p.severity === 'error' && p.code.startsWith('yaml.')));
    assert.strictEqual(problems[0]!.range.start.line + 1 >= 2, true, formatProblem(problems[0]!));
  });

  it('refuses duplicate keys at the second key', () => {
    const problems = intent('id: a\ntitle: A\nwhy: x\nowner: me\nstatus: active\ntitle: B\n');
    assert.deepStrictEqual(problems.map(where), ['6:1 error yaml.DUPLICATE_KEY']);
    assert.match(problems[0]!.message, /same key appears twice/);
  });

  it('explains wrong types at the offending value', () => {
    const problems = intent('id: a\ntitle: A\nwhy: x\nowner: me\nstatus: active\nmetric: { name: m, baseline: "2.1" }\n');
    assert.deepStrictEqual(problems.map(where), ['6:30 error schema.type']);
    assert.strictEqual(problems[0]!.message, '"metric.baseline" should be a number, not text ("2.1").');
  });

  it('explains a list where a map belongs, and a map where a list belongs', () => {
    const problems = intent('id: a\ntitle: A\nwhy: x\nowner: me\nstatus: active\nvalue:\n  - 120000\npaths: { a: b }\n');
    assert.deepStrictEqual(problems.map((p) => p.message), [
      '"value" should be a map of fields ("key: value" lines), not a list.',
      '"paths" should be a list (one "- item" per line, or [a, b]), not a map.',
    ]);
    assert.deepStrictEqual(problems.map(where), ['7:3 error schema.type', '8:8 error schema.type']);
  });

  it('warns about unknown keys with a suggestion, and still accepts the file', () => {
    const parsed = parseValueFile(FILE, 'intent', `${VALID}sponser: Head of Commerce\n`);
    assert.deepStrictEqual(parsed.problems.map(where), ['11:1 warning schema.additionalProperties']);
    assert.match(parsed.problems[0]!.message, /Unknown field "sponser".*did you mean "sponsor"\?/);
    assert.ok(parsed.valid);
  });

  it('rejects ids that could be paths, and status values outside the list', () => {
    for (const id of ['../../etc/passwd', 'a/b', 'Upper']) {
      const problems = intent(`id: "${id}"\ntitle: A\nwhy: x\nowner: me\nstatus: done\n`);
      assert.deepStrictEqual(problems.map(where), ['1:5 error schema.pattern', '5:9 error schema.enum'], id);
      assert.match(problems[0]!.message, /lower-case letters, digits and dashes/);
      assert.match(problems[1]!.message, /must be one of proposed, active, delivered, dropped; found text \("done"\)/);
    }
  });

  it('accepts only http(s) links', () => {
    const problems = intent('id: a\ntitle: A\nwhy: x\nowner: me\nstatus: active\nlinks:\n  - https://ok.example\n  - javascript:alert(1)\n  - file:///etc/passwd\n');
    assert.deepStrictEqual(problems.map(where), ['8:5 error schema.pattern', '9:5 error schema.pattern']);
    assert.match(problems[0]!.message, /http:\/\/ or https:\/\//);
  });

  it('says tabs are not allowed for indentation', () => {
    const problems = intent('id: a\nmetric:\n\tname: m\n');
    assert.ok(problems.some((p) => p.code === 'yaml.TAB_AS_INDENT' && /indent with spaces/.test(p.message) && p.range.start.line === 2));
  });

  it('refuses an alias bomb quickly instead of expanding it', () => {
    const bomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      bomb.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const started = process.hrtime.bigint();
    const problems = intent(bomb.join('\n'));
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    assert.deepStrictEqual(problems.map((p) => p.code), ['yaml.aliases']);
    assert.ok(ms < 2000, `took ${ms} ms`); // 9^9 expansions would take minutes and gigabytes
  });

  it('refuses binary content, invalid UTF-8 and a file over the size limit', () => {
    assert.deepStrictEqual(parseValueFile(FILE, 'intent', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01])).problems.map((p) => p.code), ['binary']);
    assert.deepStrictEqual(parseValueFile(FILE, 'intent', Buffer.from([0x69, 0x64, 0x3a, 0x20, 0xff, 0xfe])).problems.map((p) => p.code), ['encoding']);
    const big = Buffer.alloc(5 * 1024 * 1024, 'a');
    const [p] = parseValueFile(FILE, 'intent', big).problems;
    assert.strictEqual(p?.code, 'too-large');
    assert.match(p.message, /5\.0 MB/);
  });

  it('tolerates a byte-order mark and CRLF line ends, with positions still right', () => {
    const text = `\uFEFF${VALID.replace(/\n/g, '\r\n').replace('status: active', 'status: actve')}`;
    const problems = parseValueFile(FILE, 'intent', Buffer.from(text, 'utf8')).problems;
    assert.deepStrictEqual(problems.map(where), ['6:9 error schema.enum']);
  });

  it('checks real dates in release statements', () => {
    const release = 'release: "2.4.0"\nbranch: release/2.4.0\nbase: main\ncreated: 2026-02-30\nexpected: { summary: Faster, intents: [a] }\n';
    const problems = parseValueFile('.value/releases/2.4.0.yaml', 'release', release).problems;
    assert.deepStrictEqual(problems.map(where), ['4:10 error schema.format']);
    assert.match(problems[0]!.message, /real date written YYYY-MM-DD; found text \("2026-02-30"\)/);
  });

  it('asks for a quoted version when release is a number', () => {
    const problems = parseValueFile('.value/releases/2.10.yaml', 'release', 'release: 2.10\nbranch: release/2.10\nbase: main\ncreated: 2026-01-01\nexpected: { summary: S, intents: [] }\n').problems;
    assert.deepStrictEqual(problems.map((p) => p.message), ['"release" should be text, not the number 2.1.']);
  });

  it('accepts an empty config file and validates config values', () => {
    assert.deepStrictEqual(parseValueFile('.value/config.yaml', 'config', '# nothing yet\n').problems, []);
    const problems = parseValueFile('.value/config.yaml', 'config', 'trailer: "Intent: x"\ncurrency: eur\nreleaseBranches: release/*\n').problems;
    // In file order: trailer (line 1), currency (line 2), releaseBranches (line 3).
    assert.deepStrictEqual(problems.map(where), ['1:10 error schema.pattern', '2:11 error schema.pattern', '3:18 error schema.type']);
  });
});
