import * as assert from 'assert';
import { reportDocument } from '../../../src/webview/reportDocument';

describe('the report webview document in restricted mode (plain Node)', () => {
  it('has a CSP without any script-src, so no script could run even with a nonce', () => {
    const input = { cspSource: 'https://res.example', nonce: 'abc123', styleUri: 'https://res.example/report.css', scriptUri: 'https://res.example/report.js', body: '<p>body</p>', period: 'all' as const };
    const off = reportDocument({ ...input, scripts: false });
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(off)?.[1];
    assert.strictEqual(csp, "default-src 'none'; style-src https://res.example 'nonce-abc123'; img-src https://res.example data:; font-src https://res.example");
    assert.match(reportDocument({ ...input, scripts: true }), /script-src 'nonce-abc123'/);
  });
});
