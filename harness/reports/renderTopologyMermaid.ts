import { consumerRows, outcomesQueueName, topicName, type TopologyView } from './topologyView.ts';

/** Mermaid escapes quotes inside labels as entity codes. */
function label(text: string): string {
  return `"${text.replaceAll('"', '#quot;')}"`;
}

/**
 * The discovered topology as a Mermaid flowchart: publisher -> topic -> (filter) -> queue -> Lambda
 * -> outcomes, with each queue's dead-letter queue. For readers and tools that render Mermaid.
 */
export function renderTopologyMermaid(view: TopologyView): string {
  const lines = ['flowchart LR', `  publisher[${label('Publisher: POST /orders')}] --> topic([${label(`SNS topic ${topicName(view)}`)}])`];
  const outcomes = outcomesQueueName(view);
  if (outcomes) lines.push(`  outcomes[(${label(`SQS ${outcomes}`)})]`);
  consumerRows(view).forEach((row, i) => {
    const raw = row.rawMessageDelivery ? ', raw delivery' : '';
    lines.push(`  topic -->|${label(`${row.filter}${raw}`)}| q${i}[${label(`SQS ${row.queueName}`)}]`);
    lines.push(`  q${i} -->|${label(`batch ${row.batchSize}`)}| f${i}[[${label(`λ ${row.functionName}`)}]]`);
    if (row.dlqName) {
      const after = row.maxReceiveCount === null ? 'redrive' : `after ${row.maxReceiveCount} receives`;
      lines.push(`  q${i} -.->|${label(after)}| d${i}[(${label(`DLQ ${row.dlqName}`)})]`);
    }
    if (outcomes) lines.push(`  f${i} -.->|outcome| outcomes`);
  });
  return `${lines.join('\n')}\n`;
}
