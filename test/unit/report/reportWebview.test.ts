import * as assert from 'assert';
import { reportDocument } from '../../../src/webview/reportDocument';
import { parsePanelState, parseReportRequest } from '../../../src/webview/reportMessages';

describe('report webview messages and document (plain Node)', () => {
  it('accepts only well-formed requests from the webview', () => {
    assert.deepStrictEqual(parseReportRequest({ type: 'open', kind: 'intent', id: 'checkout-speed' }), { type: 'open', kind: 'intent', id: 'checkout-speed' });
    assert.deepStrictEqual(parseReportRequest({ type: 'setPeriod', period: '90d' }), { type: 'setPeriod', period: '90d' });
    assert.deepStrictEqual(parseReportRequest({ type: 'export', format: 'md' }), { type: 'export', format: 'md' });
    for (const bad of [null, 'open', {}, { type: 'open', kind: 'file', id: '../../etc/passwd' }, { type: 'open', kind: 'intent', id: '' }, { type: 'open', kind: 'intent', id: 'x'.repeat(300) },
      { type: 'setPeriod', period: '7d' }, { type: 'export', format: 'pdf' }, { type: 'write', path: '/tmp/x' }]) {
      assert.strictEqual(parseReportRequest(bad), undefined, JSON.stringify(bad));
    }
    assert.deepStrictEqual(parsePanelState({ period: '30d', folder: 'file:///w' }), { period: '30d', folder: 'file:///w' });
    assert.deepStrictEqual(parsePanelState({ period: 'forever', folder: 3 }), { period: 'all' });
    assert.deepStrictEqual(parsePanelState(undefined), { period: 'all' });
  });

  it('builds a document with a strict nonce CSP, and no script or toolbar when scripts are off', () => {
    const input = { cspSource: 'https://res.example', nonce: 'abc123', styleUri: 'https://res.example/report.css', scriptUri: 'https://res.example/report.js', body: '<p>body</p>', period: '90d' as const };
    const on = reportDocument({ ...input, scripts: true });
    assert.ok(on.includes(`content="default-src 'none'; style-src https://res.example 'nonce-abc123'; script-src 'nonce-abc123'; img-src https://res.example data:; font-src https://res.example"`));
    assert.ok(on.includes('<script nonce="abc123" src="https://res.example/report.js"></script>'));
    assert.ok(on.includes('<option value="90d" selected>'));
    assert.ok(on.includes('Export as HTML') && on.includes('Export as Markdown'));
    const off = reportDocument({ ...input, scripts: false });
    assert.ok(!off.includes('<script'));
    assert.ok(!off.includes('Export as'));
    assert.match(off, /not trusted.*commit coverage is unavailable/);
    assert.ok(on.startsWith('<!DOCTYPE html>\n<html lang="en">'), 'English without a language');
    assert.ok(reportDocument({ ...input, scripts: true, language: 'pt-br' }).startsWith('<!DOCTYPE html>\n<html lang="pt-br">'));
    assert.ok(reportDocument({ ...input, scripts: true, language: '"><script>' }).startsWith('<!DOCTYPE html>\n<html lang="&#34;&#62;&#60;script&#62;">'));
  });
});
