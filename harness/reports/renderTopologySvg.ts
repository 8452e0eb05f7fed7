import { escapeXml, fit } from './svgText.ts';
import { consumerRows, outcomesQueueName, topicName, type ConsumerRow, type TopologyView } from './topologyView.ts';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const ROW_HEIGHT = 116;
const MARGIN = 20;
const BOX_HEIGHT = 46;
const DLQ_HEIGHT = 30;
const COLUMNS = {
  publisher: { x: MARGIN, width: 140 },
  topic: { x: 200, width: 190 },
  queue: { x: 460, width: 270 },
  lambda: { x: 800, width: 250 },
  outcomes: { x: 1120, width: 210 },
} as const;
const WIDTH = COLUMNS.outcomes.x + COLUMNS.outcomes.width + MARGIN;

const STYLE = {
  publisher: 'fill:#eef2ff;stroke:#4338ca',
  topic: 'fill:#fdf2f8;stroke:#be185d',
  queue: 'fill:#ecfeff;stroke:#0e7490',
  lambda: 'fill:#fff7ed;stroke:#c2410c',
  dlq: 'fill:#fef2f2;stroke:#b91c1c',
  outcomes: 'fill:#f0fdf4;stroke:#15803d',
} as const;


function box(b: Box, style: string, lines: readonly string[], className: string, rounded = 6): string {
  const texts = lines.map((line, i) => {
    const dy = b.y + b.height / 2 + (i - (lines.length - 1) / 2) * 15 + 4;
    const weight = i === 0 ? ' font-weight="600"' : ' fill="#374151"';
    return `<text x="${b.x + b.width / 2}" y="${dy}" text-anchor="middle"${weight}>${escapeXml(fit(line, b.width))}</text>`;
  });
  return [
    `<g class="${className}">`,
    `<rect x="${b.x}" y="${b.y}" width="${b.width}" height="${b.height}" rx="${rounded}" style="${style};stroke-width:1.5"/>`,
    ...texts,
    '</g>',
  ].join('');
}

function arrow(from: [number, number], to: [number, number], options: { dashed?: boolean; label?: string } = {}): string {
  const dash = options.dashed ? ' stroke-dasharray="5 4"' : '';
  const line = `<line x1="${from[0]}" y1="${from[1]}" x2="${to[0]}" y2="${to[1]}" stroke="#4b5563" stroke-width="1.4"${dash} marker-end="url(#arrow)"/>`;
  if (!options.label) return line;
  // Labels sit just after the arrow's start, above it, so the box at its end never covers them.
  return `${line}<text x="${from[0] + 6}" y="${(from[1] + to[1]) / 2 - 5}" font-size="11" fill="#4b5563">${escapeXml(options.label)}</text>`;
}

const centerY = (b: Box): number => b.y + b.height / 2;

/**
 * The discovered topology as a self-contained SVG (no script, no fonts, no browser needed to make it):
 * publisher -> topic -> one row per consumer (queue with its filter, Lambda, DLQ) -> outcomes queue.
 * The Cucumber HTML report shows `image/svg+xml` attachments as images, Mermaid source it would only print.
 */
export function renderTopologySvg(view: TopologyView): string {
  const rows = consumerRows(view);
  const height = MARGIN * 2 + Math.max(1, rows.length) * ROW_HEIGHT - (ROW_HEIGHT - BOX_HEIGHT - DLQ_HEIGHT - 24);
  const middle = (boxHeight: number): number => Math.max(MARGIN, (height - boxHeight) / 2);
  const publisher: Box = { ...COLUMNS.publisher, y: middle(BOX_HEIGHT), height: BOX_HEIGHT };
  const topic: Box = { ...COLUMNS.topic, y: middle(BOX_HEIGHT), height: BOX_HEIGHT };
  const outcomesName = outcomesQueueName(view);
  const outcomes: Box = { ...COLUMNS.outcomes, y: middle(BOX_HEIGHT), height: BOX_HEIGHT };

  const parts = [
    box(publisher, STYLE.publisher, ['Publisher', 'POST /orders'], 'publisher'),
    arrow([publisher.x + publisher.width, centerY(publisher)], [topic.x, centerY(topic)]),
    box(topic, STYLE.topic, ['SNS topic', topicName(view)], 'topic', 22),
    ...(outcomesName ? [box(outcomes, STYLE.outcomes, ['SQS outcomes', outcomesName], 'outcomes')] : []),
    ...rows.flatMap((row, i) => consumerParts(row, MARGIN + i * ROW_HEIGHT, topic, outcomesName ? outcomes : null)),
  ];
  const title = `Topology: topic ${topicName(view)} with ${rows.length} consumer${rows.length === 1 ? '' : 's'}`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label="${escapeXml(title)}" font-family="Helvetica, Arial, sans-serif" font-size="12">`,
    `<title>${escapeXml(title)}</title>`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#4b5563"/></marker></defs>',
    `<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
    ...parts,
    '</svg>',
  ].join('\n');
}

function consumerParts(row: ConsumerRow, top: number, topic: Box, outcomes: Box | null): string[] {
  const queue: Box = { ...COLUMNS.queue, y: top, height: BOX_HEIGHT };
  const lambda: Box = { ...COLUMNS.lambda, y: top, height: BOX_HEIGHT };
  const filter = `filter: ${row.filter}${row.rawMessageDelivery ? ' · raw' : ''}`;
  const parts = [
    arrow([topic.x + topic.width, centerY(topic)], [queue.x, centerY(queue)]),
    box(queue, STYLE.queue, [`SQS ${row.queueName}`, filter], 'queue'),
    arrow([queue.x + queue.width, centerY(queue)], [lambda.x, centerY(lambda)], { label: `batch ${row.batchSize}` }),
    box(lambda, STYLE.lambda, [`λ ${row.functionName}`, 'Lambda function'], 'lambda'),
  ];
  if (row.dlqName) {
    const dlq: Box = { x: queue.x + 30, y: top + BOX_HEIGHT + 24, width: queue.width - 30, height: DLQ_HEIGHT };
    const after = row.maxReceiveCount === null ? 'redrive' : `after ${row.maxReceiveCount} receives`;
    parts.push(
      `<line x1="${queue.x + 14}" y1="${queue.y + queue.height}" x2="${queue.x + 14}" y2="${centerY(dlq)}" stroke="#4b5563" stroke-width="1.4" stroke-dasharray="5 4"/>`,
      arrow([queue.x + 14, centerY(dlq)], [dlq.x, centerY(dlq)], { dashed: true }),
      `<text x="${queue.x + 20}" y="${queue.y + queue.height + 15}" font-size="11" fill="#b91c1c">${escapeXml(after)}</text>`,
      box(dlq, STYLE.dlq, [`DLQ ${row.dlqName}`], 'dlq'),
    );
  }
  if (outcomes) parts.push(arrow([lambda.x + lambda.width, centerY(lambda)], [outcomes.x, centerY(outcomes)], { dashed: true }));
  return parts;
}
