import * as assert from 'assert';
import { parse, parseDocument } from 'yaml';
import type { YamlEdit, YamlValue } from '../../../src/core/yaml/yamlEdits';
import { YamlEditError, YamlSyntaxError, applyYamlEdits } from '../../../src/core/yaml/yamlEdits';

/** The intent of PRODUCT.md §1 as a user would write it: aligned comments, a folded block, flow maps. */
const INTENT = `# Owned by the payments team; reviewed every quarter.
id: checkout-speed                 # must equal the file name
title: 'Faster checkout'
why: >
  Cart abandonment is 68%; every 100 ms of checkout latency
  costs about 1% conversion.

owner: payments-team
sponsor: "Head of Commerce"
status: active                     # proposed | active | delivered | dropped

metric: { name: checkout conversion, unit: "%", baseline: 2.1, target: 2.4 }
value: {amount: 120000, currency: EUR, per: year, confidence: medium}  # low|medium|high
paths: ["src/checkout/**", "!src/checkout/legacy/**"]   # gitignore-style globs
branches:
- feature/checkout-*   # feature work
- hotfix/pay-*
links: []
`;

const RELEASE = `release: "2.4.0"
branch: release/2.4.0
base: main
created: 2026-11-26
author: Dana <dana@example.com>

expected:
  # What we promised.
  summary: Checkout p95 under 800 ms should lift conversion to 2.3%.
  intents: [checkout-speed]
  measures:
    - { metric: checkout conversion, baseline: 2.1, target: 2.3, review: 2027-01-15 }

    - metric: "p95 latency"   # ms
      target: 800
  value: { amount: 60000, currency: EUR, per: year }
`;

const CONFIG_CRLF = '# Value Lens settings\r\nreleaseBranches:\r\n    - "release/*"\r\n    - \'hotfix/*\'\r\n\r\ntrailer: Intent    # git trailer key\r\ncurrency: EUR\r\n';

const BOM_NO_NEWLINE = '\uFEFFid: legacy-cleanup\ntitle: "Legacy: remove #1"\nwhy: |\n  Two lines\n  of reasons.\nowner: "no"\nstatus: proposed';

/** Lines removed and added by an edit; everything before and after them must be byte-identical. */
function lineDiff(before: string, after: string): { removed: string[]; added: string[] } {
  const a = before.split('\n');
  const b = after.split('\n');
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  return { removed: a.slice(head, a.length - tail), added: b.slice(head, b.length - tail) };
}

function field(text: string, key: string): unknown {
  return (parse(text) as Record<string, unknown>)[key];
}

function check(before: string, edit: YamlEdit, removed: string[], added: string[]): string {
  const after = applyYamlEdits(before, [edit]);
  assert.deepStrictEqual(lineDiff(before, after), { removed, added });
  return after;
}

describe('YAML edits keep every byte the edit does not touch', () => {
  it('returns the text unchanged when there is nothing to do, for every sample file', () => {
    for (const text of [INTENT, RELEASE, CONFIG_CRLF, BOM_NO_NEWLINE, '', '# only a comment\n']) {
      assert.strictEqual(applyYamlEdits(text, []), text);
    }
  });

  it('splices instead of re-printing, because yaml\'s own toString() reformats these files', () => {
    // This is why the writer never writes doc.toString(): it would re-wrap the folded block,
    // squeeze the aligned comments and re-indent the list.
    assert.notStrictEqual(parseDocument(INTENT).toString(), INTENT);
  });

  describe('set a value', () => {
    it('replaces a plain scalar and keeps the aligned comment behind it', () => {
      check(INTENT, { kind: 'set', path: ['status'], value: 'delivered' },
        ['status: active                     # proposed | active | delivered | dropped'],
        ['status: delivered                     # proposed | active | delivered | dropped']);
    });

    it('keeps single and double quotes, escaping as each style needs', () => {
      check(INTENT, { kind: 'set', path: ['title'], value: "It's faster" }, ["title: 'Faster checkout'"], ["title: 'It''s faster'"]);
      check(INTENT, { kind: 'set', path: ['sponsor'], value: 'CFO "Kim"' }, ['sponsor: "Head of Commerce"'], ['sponsor: "CFO \\"Kim\\""']);
    });

    it('quotes what would otherwise change meaning: colons, #, leading dash, yes/no, numbers as strings', () => {
      for (const value of ['a: b', 'x # y', '- item', 'yes', 'no', 'on', '42', '1e3', 'null', 'true', '', ' padded ', '@at', '*star', '&amp', '!bang', '%pct', '{x}', '[y]']) {
        const after = applyYamlEdits(INTENT, [{ kind: 'set', path: ['owner'], value }]);
        assert.strictEqual(field(after, 'owner'), value, value);
        assert.strictEqual((parse(after, { version: '1.1' }) as Record<string, unknown>).owner, value, `${value} (YAML 1.1 reader)`);
      }
    });

    it('changes a number inside a flow map and nothing else on the line', () => {
      check(INTENT, { kind: 'set', path: ['metric', 'target'], value: 2.5 },
        ['metric: { name: checkout conversion, unit: "%", baseline: 2.1, target: 2.4 }'],
        ['metric: { name: checkout conversion, unit: "%", baseline: 2.1, target: 2.5 }']);
    });

    it('adds a key to a flow map in the map\'s own spacing, quoting it for flow context', () => {
      check(INTENT, { kind: 'set', path: ['metric', 'note'], value: 'a, b' },
        ['metric: { name: checkout conversion, unit: "%", baseline: 2.1, target: 2.4 }'],
        ['metric: { name: checkout conversion, unit: "%", baseline: 2.1, target: 2.4, note: "a, b" }']);
    });

    it('replaces a folded block with a block of the same kind at the same indentation', () => {
      const after = applyYamlEdits(INTENT, [{ kind: 'set', path: ['why'], value: 'Short reason.' }]);
      assert.deepStrictEqual(lineDiff(INTENT, after), {
        removed: ['why: >', '  Cart abandonment is 68%; every 100 ms of checkout latency', '  costs about 1% conversion.'],
        added: ['why: >-', '  Short reason.'],
      });
    });

    it('adds a missing key at the end of its block map, at the map\'s indentation', () => {
      check(RELEASE, { kind: 'set', path: ['expected', 'owner'], value: 'Dana' },
        [], ['  owner: Dana']);
    });

    it('creates missing maps on the way, in flow style spaced like the nearest flow neighbour', () => {
      check(INTENT, { kind: 'set', path: ['outcome', 'notes'], value: 'Worked.' }, [], ['outcome: {notes: Worked.}']);
    });

    it('fills an empty value right after its colon, before its comment', () => {
      const text = 'id: a\nsponsor:   # who pays\nstatus: active\n';
      check(text, { kind: 'set', path: ['sponsor'], value: 'CFO' }, ['sponsor:   # who pays'], ['sponsor: CFO   # who pays']);
    });

    it('edits an item of a block list of maps', () => {
      check(RELEASE, { kind: 'set', path: ['expected', 'measures', 1, 'target'], value: 750 },
        ['      target: 800'], ['      target: 750']);
      check(RELEASE, { kind: 'set', path: ['expected', 'measures', 0, 'review'], value: '2027-02-01' },
        ['    - { metric: checkout conversion, baseline: 2.1, target: 2.3, review: 2027-01-15 }'],
        ['    - { metric: checkout conversion, baseline: 2.1, target: 2.3, review: 2027-02-01 }']);
    });

    it('writes into an empty or comment-only file', () => {
      assert.strictEqual(applyYamlEdits('', [{ kind: 'set', path: ['id'], value: 'a' }]), 'id: a\n');
      assert.strictEqual(applyYamlEdits('# new\n', [{ kind: 'set', path: ['id'], value: 'a' }]), '# new\nid: a\n');
    });
  });

  describe('add to a list', () => {
    it('appends to a flow list, quoted like its last neighbour, keeping the trailing comment', () => {
      check(INTENT, { kind: 'add', path: ['paths'], value: 'src/pay/**' },
        ['paths: ["src/checkout/**", "!src/checkout/legacy/**"]   # gitignore-style globs'],
        ['paths: ["src/checkout/**", "!src/checkout/legacy/**", "src/pay/**"]   # gitignore-style globs']);
    });

    it('appends to a block list at the dash column of its items', () => {
      check(INTENT, { kind: 'add', path: ['branches'], value: 'release/*' }, [], ['- release/*']);
      check(CONFIG_CRLF.replace(/\r\n/g, '\n'), { kind: 'add', path: ['releaseBranches'], value: 'support/*' }, [], ["    - 'support/*'"]);
    });

    it('fills an empty flow list', () => {
      check(INTENT, { kind: 'add', path: ['links'], value: 'https://tracker.example/PAY-142' },
        ['links: []'], ['links: [ https://tracker.example/PAY-142 ]']);
    });

    it('creates the list when the key is absent', () => {
      // Spaced inside like its neighbour `value: { amount: … }`.
      check(RELEASE, { kind: 'add', path: ['expected', 'tags'], value: 'q4' }, [], ['  tags: [ q4 ]']);
    });

    it('appends a map to a block list of maps', () => {
      const after = applyYamlEdits(RELEASE, [{ kind: 'add', path: ['expected', 'measures'], value: { metric: 'errors', target: 0 } }]);
      assert.deepStrictEqual(lineDiff(RELEASE, after), { removed: [], added: ['    - { metric: errors, target: 0 }'] });
    });
  });

  describe('remove from a list', () => {
    it('removes an item of a flow list with its comma', () => {
      check(INTENT, { kind: 'remove', path: ['paths'], value: 'src/checkout/**' },
        ['paths: ["src/checkout/**", "!src/checkout/legacy/**"]   # gitignore-style globs'],
        ['paths: ["!src/checkout/legacy/**"]   # gitignore-style globs']);
      check(INTENT, { kind: 'remove', path: ['paths'], value: '!src/checkout/legacy/**' },
        ['paths: ["src/checkout/**", "!src/checkout/legacy/**"]   # gitignore-style globs'],
        ['paths: ["src/checkout/**"]   # gitignore-style globs']);
    });

    it('removes the line of a block list item and only that line', () => {
      check(INTENT, { kind: 'remove', path: ['branches'], value: 'hotfix/pay-*' }, ['- hotfix/pay-*'], []);
    });

    it('leaves an empty list, not a null, when the last item goes', () => {
      const one = 'paths:\n  - src/**   # all\nowner: me\n';
      const after = check(one, { kind: 'remove', path: ['paths'], value: 'src/**' }, ['  - src/**   # all'], ['  []   # all']);
      assert.deepStrictEqual(field(after, 'paths'), []);
      assert.strictEqual(applyYamlEdits('paths: [a]\n', [{ kind: 'remove', path: ['paths'], value: 'a' }]), 'paths: []\n');
    });

    it('removes a multi-line map item of a block list', () => {
      const after = applyYamlEdits(RELEASE, [{ kind: 'remove', path: ['expected', 'measures'], value: { metric: 'p95 latency', target: 800 } }]);
      assert.deepStrictEqual(lineDiff(RELEASE, after), { removed: ['    - metric: "p95 latency"   # ms', '      target: 800'], added: [] });
    });

    it('does nothing when the item or the list is not there', () => {
      assert.strictEqual(applyYamlEdits(INTENT, [{ kind: 'remove', path: ['paths'], value: 'nope' }]), INTENT);
      assert.strictEqual(applyYamlEdits(INTENT, [{ kind: 'remove', path: ['nothing'], value: 'x' }]), INTENT);
    });
  });

  describe('delete a key', () => {
    it('removes a block map entry line and a flow map entry', () => {
      check(INTENT, { kind: 'delete', path: ['sponsor'] }, ['sponsor: "Head of Commerce"'], []);
      check(INTENT, { kind: 'delete', path: ['metric', 'unit'] },
        ['metric: { name: checkout conversion, unit: "%", baseline: 2.1, target: 2.4 }'],
        ['metric: { name: checkout conversion, baseline: 2.1, target: 2.4 }']);
    });
  });

  describe('line breaks, final newline and BOM', () => {
    it('keeps CRLF line breaks, also in inserted lines', () => {
      const after = applyYamlEdits(CONFIG_CRLF, [
        { kind: 'add', path: ['releaseBranches'], value: 'support/*' },
        { kind: 'set', path: ['baseBranch'], value: 'develop' },
        { kind: 'set', path: ['currency'], value: 'USD' },
      ]);
      assert.strictEqual(after.replace(/\r\n/g, '').includes('\n'), false, 'no bare LF');
      assert.strictEqual(
        after,
        '# Value Lens settings\r\nreleaseBranches:\r\n    - "release/*"\r\n    - \'hotfix/*\'\r\n    - \'support/*\'\r\n\r\ntrailer: Intent    # git trailer key\r\ncurrency: USD\r\nbaseBranch: develop\r\n',
      );
    });

    it('keeps a BOM and the absence of a final newline', () => {
      const after = applyYamlEdits(BOM_NO_NEWLINE, [
        { kind: 'set', path: ['status'], value: 'active' },
        { kind: 'set', path: ['sponsor'], value: 'CTO' },
      ]);
      assert.strictEqual(after, BOM_NO_NEWLINE.replace('status: proposed', 'status: active\nsponsor: CTO'));
      const removed = applyYamlEdits(BOM_NO_NEWLINE, [{ kind: 'delete', path: ['status'] }]);
      assert.strictEqual(removed, BOM_NO_NEWLINE.replace('\nstatus: proposed', ''));
    });

    it('keeps a final newline', () => {
      assert.ok(applyYamlEdits(INTENT, [{ kind: 'set', path: ['zzz'], value: 1 }]).endsWith('links: []\nzzz: 1\n'));
    });
  });

  it('leaves the text byte-identical when a set changes nothing: padding, quotes, number spelling, block style', () => {
    const cases: [string, (string | number)[], YamlValue][] = [
      ['a: {b: 1}\nmetric: { a: 1 }\n', ['metric'], { a: 1 }],
      ['a: {b: 1}\nmetric: { a: 1 }\n', ['metric', 'a'], 1],
      ['l: [ "x", \'y\' ]\nm: [p]\n', ['l'], ['x', 'y']],
      ['target: 2.40\n', ['target'], 2.4],
      ['metric:\n  name: n\n  unit: "%"\n', ['metric'], { unit: '%', name: 'n' }],
    ];
    for (const [text, path, value] of cases) {
      for (let i = 0; i < 2; i++) assert.strictEqual(applyYamlEdits(text, [{ kind: 'set', path, value }]), text, `${text} ${path.join('.')}`);
    }
    // A real change still changes it.
    assert.strictEqual(applyYamlEdits('metric: { a: 1 }\n', [{ kind: 'set', path: ['metric', 'a'], value: 2 }]), 'metric: { a: 2 }\n');
  });

  describe('refusals', () => {
    it('refuses a file with YAML errors with the line and column of the first one', () => {
      for (const broken of ['id: a\n  bad: [\n', 'a: 1\na: 2\n', 'id: "open\n', '---\na: 1\n---\nb: 2\n']) {
        assert.throws(() => applyYamlEdits(broken, [{ kind: 'set', path: ['id'], value: 'b' }]), (e: unknown) => {
          assert.ok(e instanceof YamlSyntaxError, String(e));
          assert.match(e.message, /has YAML errors, so it was not changed \(line \d+, column \d+: /);
          return true;
        });
      }
    });

    it('says where the first YAML error is, not always line 1, column 1', () => {
      const cases: [string, string][] = [
        ['id: a\ntitle: t\na: 1\na: 2\n', 'line 4, column 1: Map keys must be unique'],
        ['id: a\nwhy: w\ntitle: "open\n', 'line 3, column 8: Missing closing "quote'],
        ['\ufeffid: a\npaths: [a\nb: 1\n', 'line 2, column 8: Flow sequence'],
      ];
      for (const [broken, where] of cases) {
        assert.throws(() => applyYamlEdits(broken, [{ kind: 'set', path: ['id'], value: 'b' }]), (e: unknown) => {
          assert.ok(e instanceof YamlSyntaxError && e.message.includes(`(${where}`), String(e));
          return true;
        });
      }
    });

    it('refuses edits that do not fit the shape of the document', () => {
      assert.throws(() => applyYamlEdits(INTENT, [{ kind: 'set', path: ['title', 'x'], value: 1 }]), YamlEditError);
      assert.throws(() => applyYamlEdits(INTENT, [{ kind: 'add', path: ['metric'], value: 1 }]), /not a list/);
      assert.throws(() => applyYamlEdits(INTENT, [{ kind: 'set', path: ['branches', 7], value: 'x' }]), /no item 7/);
      assert.throws(() => applyYamlEdits('a: &x 1\nb: *x\n', [{ kind: 'set', path: ['a'], value: 2 }]), /alias or has an anchor/);
      assert.throws(() => applyYamlEdits(INTENT, [{ kind: 'set', path: [], value: 1 }]), /needs a path/);
    });
  });

  it('makes the same change as the Document API for every edit of every sample (many paths)', () => {
    const samples = [INTENT, RELEASE, CONFIG_CRLF, BOM_NO_NEWLINE];
    const values = ['plain', 'with: colon', '#hash', '- dash', 'yes', '007', 'multi\nline', 3.5, -1, true, null, ['a', 'b'], { k: 'v' }];
    let edits = 0;
    for (const text of samples) {
      const data = parse(text.replace(/^\uFEFF/, '')) as Record<string, unknown>;
      for (const key of Object.keys(data)) {
        for (const value of values) {
          const after = applyYamlEdits(text, [{ kind: 'set', path: [key], value }]);
          assert.deepStrictEqual((parse(after.replace(/^\uFEFF/, '')) as Record<string, unknown>)[key], value, `${key} = ${JSON.stringify(value)}`);
          const diff = lineDiff(text, after);
          // Only the edited key's own lines change.
          assert.ok(diff.removed.every((l) => !Object.keys(data).some((k) => k !== key && l.startsWith(`${k}:`))), JSON.stringify(diff));
          edits++;
        }
      }
    }
    assert.ok(edits > 200);
  });
});
