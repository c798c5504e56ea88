import * as assert from 'assert';
import { date } from '../../../src/core/schema/formats';

describe('the date format of .value/ files', () => {
  it('accepts real calendar dates, leap days included', () => {
    for (const d of ['2026-11-26', '2028-02-29', '2000-02-29', '2026-12-31']) assert.ok(date(d), d);
  });
  it('refuses impossible dates and other shapes', () => {
    for (const d of ['2026-02-29', '1900-02-29', '2026-13-01', '2026-04-31', '2026-1-5', '26-11-2026', '2026-11-26T10:00', '']) assert.ok(!date(d), d);
  });
});
