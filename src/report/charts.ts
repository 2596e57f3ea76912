/**
 * Small hand-drawn SVG charts, inline in the page (no library, no script, so
 * they work offline and under a CSP that forbids scripts): a heat grid
 * (rows over periods), horizontal bars, stacked columns and per-row timelines.
 * Every label passes through the escaping template.
 */
import { html, type Html } from './escape.js';

export type Granularity = 'month' | 'year';

/**
 * The periods covering a set of ISO dates, without gaps: months when they span
 * at most four years, else years.
 *
 * @example periodsOf(['2024-11-03', '2025-01-20']) // { granularity: 'month', periods: ['2024-11', '2024-12', '2025-01'] }
 */
export function periodsOf(dates: readonly string[]): { granularity: Granularity; periods: string[] } {
  const valid = dates.filter((d) => /^\d{4}-\d{2}/.test(d)).sort();
  if (valid.length === 0) return { granularity: 'month', periods: [] };
  const [y0, m0] = valid[0]!.split('-').map(Number) as [number, number];
  const [y1, m1] = valid[valid.length - 1]!.split('-').map(Number) as [number, number];
  const months = (y1 - y0) * 12 + (m1 - m0) + 1;
  if (months > 48) return { granularity: 'year', periods: Array.from({ length: y1 - y0 + 1 }, (_, i) => String(y0 + i)) };
  return {
    granularity: 'month',
    periods: Array.from({ length: months }, (_, i) => {
      const m = m0 - 1 + i;
      return `${y0 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
    }),
  };
}

export const periodOf = (date: string, g: Granularity) => (g === 'year' ? date.slice(0, 4) : date.slice(0, 7));

export interface GridRow {
  label: string;
  href?: string;
  values: number[];
}

const LABEL_W = 190;
const truncate = (s: string, n: number) => ([...s].length > n ? `${[...s].slice(0, n - 1).join('')}…` : s);

/** Blends white into the accent colour by t ∈ [0, 1]. */
function shade(t: number): string {
  const c = [11, 92, 173];
  const mix = (v: number) => Math.round(255 + (v - 255) * (0.12 + 0.88 * t));
  return `rgb(${mix(c[0]!)},${mix(c[1]!)},${mix(c[2]!)})`;
}

/** Rows × periods, darker for more; each cell has a tooltip with its count. */
export function heatGrid(rows: readonly GridRow[], columns: readonly string[], unit: string, id: string): Html {
  const cw = Math.max(10, Math.min(36, Math.floor(760 / Math.max(1, columns.length))));
  const ch = 18;
  const top = 46;
  const width = LABEL_W + cw * columns.length + 50; // room for the last rotated period label
  const height = top + ch * rows.length + 6;
  const max = Math.max(1, ...rows.flatMap((r) => r.values));
  const every = Math.max(1, Math.ceil(columns.length / Math.floor((cw * columns.length) / 34)));
  return html`<svg id="${id}" role="img" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">
${columns.map((c, j) => (j % every === 0 ? html`<text x="${LABEL_W + j * cw + cw / 2}" y="${top - 8}" text-anchor="start" transform="rotate(-40 ${LABEL_W + j * cw + cw / 2} ${top - 8})">${c}</text>` : ''))}
${rows.map((r, i) => {
  const y = top + i * ch;
  const label = html`<text x="${LABEL_W - 6}" y="${y + ch / 2 + 4}" text-anchor="end">${truncate(r.label, 28)}<title>${r.label}</title></text>`;
  return html`${r.href ? html`<a href="${r.href}">${label}</a>` : label}
${r.values.map((v, j) => html`<rect x="${LABEL_W + j * cw + 1}" y="${y + 1}" width="${cw - 2}" height="${ch - 2}" rx="2" fill="${v ? shade(v / max) : '#f1f3f5'}" data-count="${v}"><title>${r.label} · ${columns[j]}: ${v} ${unit}</title></rect>`)}`;
})}
</svg>`;
}

/** Horizontal bars, for counts with no time axis (a corpus without publication dates). */
export function bars(rows: readonly { label: string; value: number; href?: string }[], unit: string, id: string): Html {
  const bh = 18;
  const width = 760;
  const max = Math.max(1, ...rows.map((r) => r.value));
  const scale = (width - LABEL_W - 60) / max;
  return html`<svg id="${id}" role="img" viewBox="0 0 ${width} ${rows.length * bh + 6}" width="${width}" height="${rows.length * bh + 6}" xmlns="http://www.w3.org/2000/svg">
${rows.map((r, i) => {
  const y = i * bh;
  const label = html`<text x="${LABEL_W - 6}" y="${y + bh / 2 + 4}" text-anchor="end">${truncate(r.label, 28)}<title>${r.label}</title></text>`;
  return html`${r.href ? html`<a href="${r.href}">${label}</a>` : label}<rect x="${LABEL_W}" y="${y + 2}" width="${Math.max(1, r.value * scale)}" height="${bh - 4}" rx="2" fill="#0b5cad" data-count="${r.value}"><title>${r.label}: ${r.value} ${unit}</title></rect><text x="${LABEL_W + r.value * scale + 4}" y="${y + bh / 2 + 4}">${r.value}</text>`;
})}
</svg>`;
}

/** Columns per period stacked by series, with a legend. */
export function stackedColumns(columns: readonly string[], series: readonly { name: string; values: number[]; color: string }[], unit: string, id: string): Html {
  const left = 36;
  const plotH = 200;
  const top = 10;
  const cw = Math.max(8, Math.min(40, Math.floor(760 / Math.max(1, columns.length))));
  const width = left + cw * columns.length + 10;
  const totals = columns.map((_, j) => series.reduce((s, x) => s + (x.values[j] ?? 0), 0));
  const max = Math.max(1, ...totals);
  const ticks = niceTicks(max);
  const y = (v: number) => top + plotH - (v / ticks[ticks.length - 1]!) * plotH;
  const every = Math.max(1, Math.ceil(columns.length / Math.floor((cw * columns.length) / 34)));
  const legendRows = Math.ceil(series.length / 4);
  const height = top + plotH + 46 + legendRows * 16;
  return html`<svg id="${id}" role="img" viewBox="0 0 ${width < 600 ? 600 : width} ${height}" width="${width < 600 ? 600 : width}" height="${height}" xmlns="http://www.w3.org/2000/svg">
${ticks.map((t) => html`<line class="grid" x1="${left}" x2="${width - 6}" y1="${y(t)}" y2="${y(t)}"/><text x="${left - 4}" y="${y(t) + 4}" text-anchor="end">${t}</text>`)}
${columns.map((c, j) => {
  let acc = 0;
  return html`${series.map((s, k) => {
    const v = s.values[j] ?? 0;
    if (!v) return '';
    const y0 = y(acc);
    acc += v;
    return html`<rect x="${left + j * cw + 1}" y="${y(acc)}" width="${cw - 2}" height="${y0 - y(acc)}" fill="${s.color}" data-series="${s.name}" data-count="${v}"><title>${c} · ${s.name}: ${v} ${unit}</title></rect>`;
  })}${j % every === 0 ? html`<text x="${left + j * cw + cw / 2}" y="${top + plotH + 14}" text-anchor="end" transform="rotate(-40 ${left + j * cw + cw / 2} ${top + plotH + 14})">${c}</text>` : ''}`;
})}
<line class="axis" x1="${left}" x2="${width - 6}" y1="${top + plotH}" y2="${top + plotH}"/>
${series.map((s, k) => html`<g transform="translate(${left + (k % 4) * 150} ${top + plotH + 40 + Math.floor(k / 4) * 16})"><rect width="10" height="10" fill="${s.color}"/><text x="14" y="9">${truncate(s.name, 20)}</text></g>`)}
</svg>`;
}

function niceTicks(max: number): number[] {
  const raw = max / 4;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? raw;
  const n = Math.ceil(max / step);
  return Array.from({ length: n + 1 }, (_, i) => Math.round(i * step));
}

export interface Lane {
  label: string;
  href?: string;
  points: { start: string; end: string; title: string; href: string; series: string }[];
}

const day = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;

/** One lane per row on a shared date axis; each dated event a dot (or a bar for a range) linking to its evidence. */
export function timelines(lanes: readonly Lane[], seriesNames: readonly string[], colorOf: (series: string) => string, id: string): Html {
  const all = lanes.flatMap((l) => l.points.flatMap((p) => [p.start, p.end]));
  if (all.length === 0) return html``;
  const sorted = [...all].sort();
  const d0 = day(sorted[0]!);
  const d1 = Math.max(day(sorted[sorted.length - 1]!), d0 + 1);
  const plotW = 560;
  const lh = 22;
  const top = 24;
  const width = LABEL_W + plotW + 20;
  const used = seriesNames.filter((s) => lanes.some((l) => l.points.some((p) => p.series === s)));
  const legendTop = top + lanes.length * lh + 14;
  const height = legendTop + Math.ceil(used.length / 4) * 16 + 6;
  const x = (iso: string) => LABEL_W + ((day(iso) - d0) / (d1 - d0)) * plotW;
  const color = colorOf;
  const { periods } = periodsOf([sorted[0]!, sorted[sorted.length - 1]!]);
  const every = Math.max(1, Math.ceil(periods.length / 8));
  return html`<svg id="${id}" role="img" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">
${periods.map((p, i) => {
  if (i % every) return '';
  const iso = p.length === 4 ? `${p}-01-01` : `${p}-01`;
  const px = Math.max(LABEL_W, x(iso));
  return html`<line class="grid" x1="${px}" x2="${px}" y1="${top - 6}" y2="${legendTop - 12}"/><text x="${px}" y="${top - 10}" text-anchor="middle">${p}</text>`;
})}
${lanes.map((l, i) => {
  const yy = top + i * lh + lh / 2;
  const label = html`<text x="${LABEL_W - 8}" y="${yy + 4}" text-anchor="end">${truncate(l.label, 28)}<title>${l.label}</title></text>`;
  return html`${l.href ? html`<a href="${l.href}">${label}</a>` : label}<line class="axis" x1="${LABEL_W}" x2="${LABEL_W + plotW}" y1="${yy}" y2="${yy}" stroke-dasharray="2 3"/>
${l.points.map((p) => {
  const xs = x(p.start);
  const xe = x(p.end);
  const mark = xe - xs > 4
    ? html`<rect x="${xs}" y="${yy - 4}" width="${xe - xs}" height="8" rx="3" fill="${color(p.series)}" fill-opacity="0.75"><title>${p.title}</title></rect>`
    : html`<circle cx="${xs}" cy="${yy}" r="5" fill="${color(p.series)}"><title>${p.title}</title></circle>`;
  return html`<a href="${p.href}" class="tl-point">${mark}</a>`;
})}`;
})}
${used.map((s, k) => html`<g transform="translate(${LABEL_W + (k % 4) * 150} ${legendTop + Math.floor(k / 4) * 16})"><circle cx="5" cy="5" r="5" fill="${color(s)}"/><text x="14" y="9">${truncate(s, 20)}</text></g>`)}
</svg>`;
}
