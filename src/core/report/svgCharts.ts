import { reportMessage } from './reportMessages';
import type { RenderRef } from './reportText';
import { english, escapeHtml } from './reportText';

// Charts are inline SVG with classes only (no style attributes), so a strict CSP without
// 'unsafe-inline' allows them and the stylesheet decides the colours for every theme.

export interface BarGroup {
  readonly label: string;
  readonly expected?: number;
  readonly realised?: number;
}

const W = 640;
const H = 200;
const PAD = { left: 12, right: 12, top: 28, bottom: 40 };

function finiteOrZero(n: number | undefined): number {
  return n !== undefined && Number.isFinite(n) && n > 0 ? n : 0;
}

function shorten(label: string, max: number): string {
  return label.length > max ? `${label.slice(0, max - 1)}…` : label;
}

/**
 * Expected vs realised value per release as grouped bars, one chart per currency and period.
 * `format` writes an amount for the hover titles; `title` names the chart for screen readers.
 */
export function barChartSvg(groups: readonly BarGroup[], title: string, format: (n: number) => string, t: RenderRef = english): string {
  const max = Math.max(0, ...groups.flatMap((g) => [finiteOrZero(g.expected), finiteOrZero(g.realised)]));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const slot = groups.length > 0 ? plotW / groups.length : plotW;
  const barW = Math.max(2, Math.min(48, slot * 0.35));
  const y = (v: number): number => (max === 0 ? 0 : (finiteOrZero(v) / max) * plotH);
  const parts: string[] = [];
  parts.push(`<line class="axis" x1="${PAD.left}" y1="${PAD.top + plotH}" x2="${W - PAD.right}" y2="${PAD.top + plotH}"/>`);
  groups.forEach((g, i) => {
    const cx = PAD.left + slot * i + slot / 2;
    const bars: [string, number | undefined, number, 'reportChartExpectedBar' | 'reportChartRealisedBar'][] = [
      ['expected', g.expected, cx - barW - 1, 'reportChartExpectedBar'],
      ['realised', g.realised, cx + 1, 'reportChartRealisedBar'],
    ];
    for (const [kind, value, x, id] of bars) {
      if (value === undefined) continue;
      const h = y(value);
      parts.push(`<rect class="bar bar-${kind}" x="${x.toFixed(1)}" y="${(PAD.top + plotH - h).toFixed(1)}" width="${barW.toFixed(1)}" height="${h.toFixed(1)}"><title>${escapeHtml(t(reportMessage(id, g.label, format(value))))}</title></rect>`);
    }
    parts.push(`<text class="label" x="${cx.toFixed(1)}" y="${H - PAD.bottom + 16}" text-anchor="middle">${escapeHtml(shorten(g.label, 16))}</text>`);
  });
  parts.push(
    `<rect class="bar bar-expected" x="${PAD.left}" y="6" width="10" height="10"/><text class="legend" x="${PAD.left + 14}" y="15">${escapeHtml(t(reportMessage('reportChartExpected')))}</text>`,
    `<rect class="bar bar-realised" x="${PAD.left + 90}" y="6" width="10" height="10"/><text class="legend" x="${PAD.left + 104}" y="15">${escapeHtml(t(reportMessage('reportChartRealised')))}</text>`,
  );
  return `<svg class="chart" viewBox="0 0 ${W} ${H}" role="img" aria-label="${escapeHtml(title)}" xmlns="http://www.w3.org/2000/svg"><title>${escapeHtml(title)}</title>${parts.join('')}</svg>`;
}

export interface LinePoint {
  readonly label: string;
  /** 0..1, or null for a gap (no data). */
  readonly share: number | null;
}

/** Value coverage per month as a line from 0% to 100%; months without commits leave a gap. */
export function lineChartSvg(points: readonly LinePoint[], title: string, t: RenderRef = english): string {
  // Room left for the % labels and right for the last month's label.
  const plotW = W - PAD.left - PAD.right - 36 - 24;
  const plotH = H - PAD.top - PAD.bottom;
  const left = PAD.left + 36;
  const x = (i: number): number => (points.length <= 1 ? left + plotW / 2 : left + (plotW * i) / (points.length - 1));
  const y = (share: number): number => PAD.top + plotH - Math.min(1, Math.max(0, share)) * plotH;
  const parts: string[] = [];
  for (const level of [0, 0.5, 1]) {
    parts.push(`<line class="grid" x1="${left}" y1="${y(level).toFixed(1)}" x2="${left + plotW}" y2="${y(level).toFixed(1)}"/>`);
    parts.push(`<text class="label" x="${left - 6}" y="${(y(level) + 4).toFixed(1)}" text-anchor="end">${level * 100}%</text>`);
  }
  let run: string[] = [];
  const flush = (): void => {
    if (run.length > 1) parts.push(`<polyline class="line" points="${run.join(' ')}"/>`);
    run = [];
  };
  points.forEach((p, i) => {
    if (p.share === null || !Number.isFinite(p.share)) return flush();
    run.push(`${x(i).toFixed(1)},${y(p.share).toFixed(1)}`);
  });
  flush();
  // Label at most ~12 months so the axis stays readable.
  const every = Math.max(1, Math.ceil(points.length / 12));
  points.forEach((p, i) => {
    if (p.share !== null && Number.isFinite(p.share)) {
      parts.push(`<circle class="point" cx="${x(i).toFixed(1)}" cy="${y(p.share).toFixed(1)}" r="3.5"><title>${escapeHtml(t(reportMessage('reportChartPointTitle', p.label, `${Math.round(p.share * 100)}%`)))}</title></circle>`);
    }
    if (i % every === 0) parts.push(`<text class="label" x="${x(i).toFixed(1)}" y="${H - PAD.bottom + 16}" text-anchor="middle">${escapeHtml(p.label)}</text>`);
  });
  return `<svg class="chart" viewBox="0 0 ${W} ${H}" role="img" aria-label="${escapeHtml(title)}" xmlns="http://www.w3.org/2000/svg"><title>${escapeHtml(title)}</title>${parts.join('')}</svg>`;
}
