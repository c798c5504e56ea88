import type { CaseResult } from './caseResult';
import type { Summary } from './sampling';

/** Three significant digits, no exponent: 0.0123, 1.23, 123, 12,345. */
export function formatNumber(value: number): string {
  if (value === 0) return '0';
  const abs = Math.abs(value);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : Math.min(6, 2 - Math.floor(Math.log10(abs)));
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function cell(summary: Summary | undefined, unit: string): string {
  if (!summary) return '—';
  if (summary.samples.length === 1) return `${formatNumber(summary.median)} ${unit}`;
  return `${formatNumber(summary.median)} ${unit} (p95 ${formatNumber(summary.p95)})`;
}

function ratioCell(result: CaseResult): string {
  if (result.ratio === undefined) return '—';
  // Below 1 "how many times faster" reads better than a small fraction.
  const faster = result.ratio < 1 ? ` (${formatNumber(1 / result.ratio)}× faster)` : '';
  return `${formatNumber(result.ratio)}×${faster}`;
}

/** The whole run as one Markdown table, ready to paste into the README or an issue. */
export function renderTable(results: readonly CaseResult[]): string {
  const header = ['case', 'fixture', 'n', 'ours: median (p95)', 'baseline: median (p95)', 'ratio', 'target', 'result'];
  const rows = results.map((r) => [
    r.name,
    r.fixture,
    r.iterations > 0 ? String(r.iterations) : '—',
    cell(r.ours, r.unit),
    r.baseline ? `${cell(r.baseline, r.unit)}: ${r.baseline.what}` : '—',
    ratioCell(r),
    r.target,
    r.verdict,
  ]);
  const escape = (s: string): string => s.replace(/\|/g, '\\|');
  const line = (cells: readonly string[]): string => `| ${cells.map(escape).join(' | ')} |`;
  const notes = results.filter((r) => r.note).map((r) => `- ${r.name}: ${r.note}`);
  return [line(header), line(header.map(() => '---')), ...rows.map(line), ...(notes.length > 0 ? ['', ...notes] : [])].join('\n');
}
