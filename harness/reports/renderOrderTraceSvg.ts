import { TraceKind, type TraceRow } from './buildOrderTrace.ts';
import { escapeXml, fit } from './svgText.ts';

const MARGIN = 16;
const HEADER = 46;
const ROW = 36;
const COLUMNS = {
  time: { x: MARGIN, width: 110 },
  lane: { x: MARGIN + 118, width: 200 },
  what: { x: MARGIN + 326, width: 560 },
  chart: { x: MARGIN + 900, width: 360 },
} as const;
const WIDTH = COLUMNS.chart.x + COLUMNS.chart.width + MARGIN;

const COLOR: Readonly<Record<TraceKind, string>> = {
  request: '#4338ca',
  invocation: '#c2410c',
  processed: '#15803d',
  rejected: '#b45309',
  'dead-lettered': '#b91c1c',
  missing: '#6b7280',
};

/** `+12 ms`, or `+12 → 25 ms` for a span, or `never` for what did not happen. */
export function traceTime(row: Pick<TraceRow, 'atMs' | 'untilMs'>): string {
  if (row.atMs === null) return 'never';
  return row.untilMs === null ? `+${row.atMs} ms` : `+${row.atMs} → ${row.untilMs} ms`;
}

/** A round axis end above the latest time, so the ticks read 0, 10, 20 ... or 0, 500, 1000 ... */
function axisEnd(latest: number): number {
  const steps = [10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 20_000, 50_000, 100_000];
  return steps.find((step) => step >= latest) ?? Math.ceil(latest / 100_000) * 100_000;
}

/**
 * An order's journey as a picture the Cucumber HTML report shows: one row per event, in time order, with its
 * time after the POST, where it happened and what happened, and on the right a timeline on one axis (spans
 * as bars, points as dots). Each row carries `data-at-ms` and `data-kind`, so a test can read it back.
 */
export function renderOrderTraceSvg(rows: readonly TraceRow[], title: string): string {
  const latest = Math.max(1, ...rows.flatMap((r) => [r.atMs ?? 0, r.untilMs ?? 0]));
  const end = axisEnd(latest);
  const x = (ms: number): number => COLUMNS.chart.x + (Math.min(ms, end) / end) * COLUMNS.chart.width;
  const height = HEADER + rows.length * ROW + MARGIN;
  const ticks = [0, 1, 2, 3, 4, 5].map((n) => (n * end) / 5);

  const header = [
    `<text x="${MARGIN}" y="20" font-size="13" font-weight="600">${escapeXml(fit(title, WIDTH - 2 * MARGIN, 7.2))}</text>`,
    ...(['time after POST', 'where', 'what'] as const).map((label, i) => {
      const column = [COLUMNS.time, COLUMNS.lane, COLUMNS.what][i] ?? COLUMNS.time;
      return `<text x="${column.x}" y="${HEADER - 8}" fill="#6b7280" font-size="11">${label}</text>`;
    }),
    ...ticks.map((t) => [
      `<line x1="${x(t)}" y1="${HEADER - 4}" x2="${x(t)}" y2="${height - MARGIN}" stroke="#e5e7eb"/>`,
      `<text x="${x(t)}" y="${HEADER - 8}" fill="#6b7280" font-size="11" text-anchor="middle">${t} ms</text>`,
    ].join('')),
  ];
  const body = rows.map((row, i) => {
    const top = HEADER + i * ROW;
    const middle = top + ROW / 2;
    const color = COLOR[row.kind];
    const mark = row.atMs === null
      ? `<text x="${COLUMNS.chart.x + COLUMNS.chart.width}" y="${middle + 4}" text-anchor="end" fill="${color}" font-size="11">never</text>`
      : row.untilMs === null
        ? `<circle cx="${x(row.atMs)}" cy="${middle}" r="5" fill="${color}"/>`
        : `<rect x="${x(row.atMs)}" y="${middle - 6}" width="${Math.max(2, x(row.untilMs) - x(row.atMs))}" height="12" rx="3" fill="${color}" opacity="0.8"/>`;
    return [
      `<g class="trace-row" data-at-ms="${row.atMs ?? ''}" data-until-ms="${row.untilMs ?? ''}" data-kind="${row.kind}">`,
      i % 2 === 0 ? `<rect x="${MARGIN / 2}" y="${top}" width="${WIDTH - MARGIN}" height="${ROW}" fill="#f9fafb"/>` : '',
      `<text x="${COLUMNS.time.x}" y="${top + 15}" font-variant-numeric="tabular-nums">${escapeXml(traceTime(row))}</text>`,
      `<text x="${COLUMNS.lane.x}" y="${top + 15}">${escapeXml(fit(row.lane, COLUMNS.lane.width))}</text>`,
      `<text x="${COLUMNS.what.x}" y="${top + 15}" font-weight="600" fill="${color}">${escapeXml(fit(row.what, COLUMNS.what.width))}</text>`,
      row.detail ? `<text x="${COLUMNS.what.x}" y="${top + 29}" font-size="11" fill="#374151">${escapeXml(fit(row.detail, COLUMNS.what.width, 6))}</text>` : '',
      mark,
      '</g>',
    ].join('');
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label="${escapeXml(title)}" font-family="Helvetica, Arial, sans-serif" font-size="12">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
    ...header,
    ...body,
    '</svg>',
  ].join('\n');
}
