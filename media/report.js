// @ts-check
// The report webview's only script (loaded with the CSP nonce): period filter, exports, and
// clicks on intents and releases. It sends typed requests; the extension decides what to do.
/* global acquireVsCodeApi, document, window, Element */
(function () {
  const vscode = acquireVsCodeApi();
  const main = document.getElementById('report');
  const period = /** @type {HTMLSelectElement | null} */ (document.getElementById('period'));

  document.addEventListener('click', (event) => {
    const target = /** @type {Element | null} */ (event.target instanceof Element ? event.target.closest('[data-open]') : null);
    if (!target) return;
    event.preventDefault();
    vscode.postMessage({ type: 'open', kind: target.getAttribute('data-open'), id: target.getAttribute('data-id') });
  });
  period?.addEventListener('change', () => {
    vscode.setState({ ...(vscode.getState() || {}), period: period.value });
    vscode.postMessage({ type: 'setPeriod', period: period.value });
  });
  document.getElementById('export-html')?.addEventListener('click', () => vscode.postMessage({ type: 'export', format: 'html' }));
  document.getElementById('export-md')?.addEventListener('click', () => vscode.postMessage({ type: 'export', format: 'md' }));

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (!message || message.type !== 'update' || !main) return;
    // The body is HTML rendered by the extension with every text escaped.
    main.innerHTML = message.body;
    if (period) period.value = message.period;
    vscode.setState({ period: message.period, folder: message.folder });
  });
  vscode.postMessage({ type: 'ready' });
})();
