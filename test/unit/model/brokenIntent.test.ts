import * as assert from 'assert';
import { ValueModel } from '../../../src/core/model/valueModel';
import { message } from '../../../src/core/present/messages';

const TODAY = '2026-11-26';
const FILE = '.value/intents/checkout-speed.yaml';
const intentText = (status = 'active', extra = ''): string =>
  `id: checkout-speed\ntitle: Faster checkout\nwhy: because\nowner: team\nstatus: ${status}\npaths: ["src/cart.ts"]\nbranches: ["feature/checkout-*"]\n${extra}`;
const releaseText = (intents: string): string =>
  `release: "2.4.0"\nbranch: release/2.4.0\nbase: main\ncreated: 2026-09-01\nexpected:\n  summary: Faster checkout\n  intents: [${intents}]\n`;

describe('an intent whose file has errors (issue 18, item 8)', () => {
  it('stays known with its last valid content while one field is mistyped, marked as having errors', () => {
    const model = new ValueModel();
    model.setFile(FILE, intentText());
    assert.strictEqual(model.intents.get('checkout-speed')?.hasErrors, undefined);
    model.setFile(FILE, intentText('finished'));
    const entry = model.intents.get('checkout-speed');
    assert.ok(entry, 'still known');
    assert.strictEqual(entry.hasErrors, true);
    assert.strictEqual(entry.intent.status, 'active', 'the last valid status');
    assert.deepStrictEqual(entry.intent.paths, ['src/cart.ts']);
    assert.deepStrictEqual(entry.intent.branches, ['feature/checkout-*']);
    // Only the one schema error: no cascade.
    assert.deepStrictEqual(model.problems(TODAY).map((p) => p.code), ['schema.enum']);
  });

  it('uses the fields that still validate, over the last valid ones', () => {
    const model = new ValueModel();
    model.setFile(FILE, intentText());
    model.setFile(FILE, intentText('finished').replace('Faster checkout', 'Quick checkout'));
    assert.strictEqual(model.intents.get('checkout-speed')?.intent.title, 'Quick checkout');
    assert.strictEqual(model.intents.get('checkout-speed')?.intent.status, 'active');
  });

  it('is known from a broken file read from disk, with the fields that validate (no valid content seen)', () => {
    const model = new ValueModel();
    model.setFile(FILE, intentText('finished'));
    const entry = model.intents.get('checkout-speed');
    assert.strictEqual(entry?.hasErrors, true);
    assert.deepStrictEqual(entry.intent.paths, ['src/cart.ts']);
    assert.strictEqual(entry.intent.title, 'Faster checkout');
  });

  it('is known by its file name when the YAML cannot be read at all, keeping the last valid content', () => {
    const model = new ValueModel();
    model.setFile(FILE, 'id: checkout-speed\ntitle: [oops\n');
    assert.strictEqual(model.intents.get('checkout-speed')?.hasErrors, true);
    model.setFile(FILE, intentText());
    model.setFile(FILE, `${intentText()}paths: [\n`);
    assert.deepStrictEqual(model.intents.get('checkout-speed')?.intent.paths, ['src/cart.ts']);
  });

  it('never takes an id from a valid file', () => {
    const model = new ValueModel();
    model.setFile('.value/intents/a.yaml', intentText().replace('title: Faster checkout', 'title: Valid one'));
    model.setFile(FILE, intentText('finished'));
    assert.strictEqual(model.intents.get('checkout-speed')?.file, '.value/intents/a.yaml');
  });

  it('is not called unknown by a release, whatever the error in its file', () => {
    for (const broken of [intentText('finished'), 'id: checkout-speed\ntitle: [oops\n', intentText().replace('id: checkout-speed', 'id: checkout-sped')]) {
      const model = new ValueModel();
      model.setFile(FILE, broken);
      model.setFile('.value/releases/2.4.0.yaml', releaseText('checkout-speed, ghost'));
      const unknown = model.problems(TODAY).filter((p) => p.code === 'unknown-intent');
      assert.deepStrictEqual(unknown.map((p) => p.message), ['Unknown intent "ghost": no .value/intents/ file has this id. Fix the id or create the intent.'], broken);
    }
  });

  it('names the file with errors for an id, and its first error line; none for a valid or absent intent', () => {
    const model = new ValueModel();
    model.setFile(FILE, intentText().replace('id: checkout-speed', 'id: checkout-sped'));
    assert.strictEqual(model.brokenIntentFile('checkout-speed', TODAY), FILE);
    assert.strictEqual(model.firstErrorLine(FILE, TODAY), 1);
    assert.strictEqual(model.brokenIntentFile('checkout-sped', TODAY), undefined);
    assert.strictEqual(model.brokenIntentFile('ghost', TODAY), undefined);
    model.setFile(FILE, intentText('finished'));
    assert.strictEqual(model.brokenIntentFile('checkout-speed', TODAY), FILE);
    assert.strictEqual(model.firstErrorLine(FILE, TODAY), 5);
  });

  it('makes up no intent from the name of a file that could not be read at all, unless it was read before', () => {
    const model = new ValueModel();
    model.setUnreadable(FILE, 'outside-workspace', message('fileSymlinkLoop'));
    assert.strictEqual(model.intents.has('checkout-speed'), false);
    model.setFile(FILE, intentText());
    model.setUnreadable(FILE, 'unreadable', message('filePermissionDenied'));
    assert.strictEqual(model.intents.get('checkout-speed')?.hasErrors, true);
  });
});
