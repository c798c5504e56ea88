import * as assert from 'assert';
import { formatStatus } from '../../../src/core/present/statusText';

describe('the status bar when git is not asked (restricted mode, no repository, git missing)', () => {
  it('says links from git are off instead of claiming the branch serves no intent', () => {
    const off = formatStatus({ intents: [], missingStatement: false, hasValueFolder: true, gitOff: true });
    assert.deepStrictEqual(off, { visible: true, text: '$(target) Git links off', warning: false, label: 'Value Lens: links from git are off, so which intents the branch serves is unknown' });
    assert.strictEqual(formatStatus({ intents: [], missingStatement: false, hasValueFolder: true }).text, '$(target) No intent');
    assert.strictEqual(formatStatus({ intents: [], missingStatement: false, hasValueFolder: false, gitOff: true }).visible, false);
  });
});
