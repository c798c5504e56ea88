import * as assert from 'assert';
import { ValueModel } from '../../../src/core/model/valueModel';
import { compareNatural } from '../../../src/core/valueFolder';

const release = (name: string): string => `release: "${name}"\nbranch: release/${name}\nbase: main\ncreated: 2026-01-01\nexpected: { summary: S, intents: [] }\n`;

describe('release order in the value model', () => {
  it('lists releases in the order of compareNatural (2.10.0 after 2.9.0, case-insensitive)', () => {
    const names = ['2.10.0', '2.9.0', '10.0', '1.0.0-rc1', '1.0.0', 'B-1', 'a-2', 'a-10', '2.9.1', '0.0.1', 'Z', 'z1'];
    const model = new ValueModel();
    for (const name of names) model.setFile(`.value/releases/${name}.yaml`, release(name));
    assert.deepStrictEqual(model.releases.map((r) => r.name), [...names].sort(compareNatural));
    assert.strictEqual(model.releases.length, names.length);
  });
});
