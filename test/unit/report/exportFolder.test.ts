import * as assert from 'assert';
import { exportFolder } from '../../../src/core/report/exportFolder';

describe('the folder a report export is offered in', () => {
  it('is the last export\'s folder, else home, and never inside the work tree', () => {
    assert.strictEqual(exportFolder(undefined, '/work/shop', '/home/dana'), '/home/dana');
    assert.strictEqual(exportFolder('/home/dana/reports', '/work/shop', '/home/dana'), '/home/dana/reports');
    // An earlier export into the repository is not offered again.
    assert.strictEqual(exportFolder('/work/shop', '/work/shop', '/home/dana'), '/home/dana');
    assert.strictEqual(exportFolder('/work/shop/docs', '/work/shop', '/home/dana'), '/home/dana');
    // A repository at or around home: the folder that holds the work tree.
    assert.strictEqual(exportFolder(undefined, '/home/dana', '/home/dana'), '/home');
    assert.strictEqual(exportFolder(undefined, '/home/dana/shop', '/home/dana/shop/sub'), '/home/dana');
  });
});
