/**
 * The stylesheet of the exported HTML report: light and dark from the reader's system setting,
 * A4 print layout. The webview has its own (media/report.css) on VS Code's theme variables.
 */
export const standaloneCss = `
:root { color-scheme: light dark; --fg: #1f2328; --muted: #59636e; --bg: #ffffff; --card: #f6f8fa; --border: #d1d9e0;
  --link: #0969da; --expected: #8c959f; --realised: #1a7f37; --line: #0969da; --met: #1a7f37; --partial: #9a6700; --missed: #cf222e; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e6edf3; --muted: #9198a1; --bg: #0d1117; --card: #151b23; --border: #3d444d;
    --link: #4493f8; --expected: #656c76; --realised: #3fb950; --line: #4493f8; --met: #3fb950; --partial: #d29922; --missed: #f85149; }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg); font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
.report { max-width: 1100px; margin: 0 auto; padding: 24px; }
h1 { font-size: 1.6em; margin: 0 0 4px; } h2 { font-size: 1.25em; margin: 28px 0 12px; border-bottom: 1px solid var(--border); padding-bottom: 4px; }
h3 { font-size: 1.05em; margin: 0 0 8px; }
a { color: var(--link); }
.meta, .muted, .sub { color: var(--muted); } .sub { font-size: 0.9em; margin: 4px 0 0; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(200px, 1fr)); gap: 12px; }
.card { background: var(--card); border: 1px solid var(--border); border-radius: 6px; padding: 12px 14px; }
.card p { margin: 2px 0; } .big { font-size: 1.45em; font-weight: 600; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 12px; font-size: 0.95em; }
th, td { border: 1px solid var(--border); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: var(--card); } .num { text-align: right; font-variant-numeric: tabular-nums; }
.release { border: 1px solid var(--border); border-radius: 6px; padding: 12px 14px; margin: 12px 0; }
.release dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 8px 0; } .release dt { color: var(--muted); } .release dd { margin: 0; }
.summary { margin: 0; font-style: italic; }
.badge { font-size: 0.75em; font-weight: normal; border: 1px solid var(--border); border-radius: 10px; padding: 1px 8px; margin-left: 6px; }
.badge.overdue { color: var(--missed); border-color: var(--missed); } .badge.reviewed { color: var(--met); border-color: var(--met); }
.verdict { font-weight: 600; } .verdict-met { color: var(--met); } .verdict-partial { color: var(--partial); } .verdict-missed { color: var(--missed); }
.unknown { text-decoration: line-through; color: var(--missed); }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: 8px 24px; }
figure { margin: 8px 0 16px; } figcaption { color: var(--muted); font-size: 0.9em; }
.chart { width: 100%; max-width: 640px; height: auto; display: block; }
.chart .axis, .chart .grid { stroke: var(--border); stroke-width: 1; } .chart .label, .chart .legend { fill: var(--muted); font-size: 11px; }
.chart .bar-expected { fill: var(--expected); } .chart .bar-realised { fill: var(--realised); }
.chart .line { fill: none; stroke: var(--line); stroke-width: 2; } .chart .point { fill: var(--line); }
@page { size: A4; margin: 15mm; }
@media print {
  :root { --fg: #000; --muted: #444; --bg: #fff; --card: #fff; --border: #999; }
  body { font-size: 10.5pt; } .report { max-width: none; padding: 0; }
  .cards { grid-template-columns: repeat(3, 1fr); } .charts { grid-template-columns: 1fr 1fr; }
  .card, .release, figure, tr { break-inside: avoid; } h2, h3 { break-after: avoid; }
  a { color: inherit; text-decoration: none; }
}
`;
