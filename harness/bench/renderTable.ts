import { formatNumber, formatTarget, judge } from './targets.ts';
import type { Figure } from './types.ts';

export const TABLE_HEADERS = ['figure', 'value', 'target', 'ratio / verdict'] as const;

/** The four cells of a figure's row. */
export function figureCells(figure: Figure): [string, string, string, string] {
  const target = figure.target ? formatTarget(figure.target) : '-';
  if (figure.value === undefined) {
    return [figure.label, figure.failure ?? 'no value', target, figure.failure?.startsWith('skipped') ? 'SKIPPED' : 'FAILED'];
  }
  const value = `${formatNumber(figure.value, figure.digits)}${figure.unit ? ` ${figure.unit}` : ''}`;
  if (!figure.target) {
    return [figure.label, value, target, 'info'];
  }
  const { verdict, ratio } = judge(figure.value, figure.target);
  return [figure.label, value, target, `${ratio.toFixed(2)}x ${verdict}`];
}

/** A plain-text table with aligned columns and a rule under the header. */
export function renderTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ').trimEnd();
  return [line(headers), widths.map((width) => '-'.repeat(width)).join('-|-'), ...rows.map(line)].join('\n');
}

/** The bench table of `figures`. */
export function renderFigures(figures: readonly Figure[]): string {
  return renderTable(TABLE_HEADERS, figures.map(figureCells));
}
