/**
 * A pipe table aligned for monospace display: the Cucumber HTML report shows text attachments in a
 * `<pre>`, and it reads as Markdown too.
 */
export function renderTextTable(headers: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const clean = (cell: string): string => cell.replaceAll('|', '\\|').replaceAll('\n', ' ');
  const all = [headers, ...rows].map((row) => headers.map((_, i) => clean(row[i] ?? '')));
  const widths = headers.map((_, i) => Math.max(3, ...all.map((row) => (row[i] ?? '').length)));
  const line = (row: readonly string[]): string => `| ${row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  const [head = [], ...body] = all;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}
