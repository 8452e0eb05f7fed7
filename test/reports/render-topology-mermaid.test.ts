import { describe, expect, it } from '@jest/globals';
import { renderTopologyMermaid } from '../../harness/reports/renderTopologyMermaid.ts';
import { topologyView } from './fixtures/discoveredTopology.ts';

describe('renderTopologyMermaid', () => {
  it('renders the discovered topology as a flowchart', () => {
    expect(renderTopologyMermaid(topologyView)).toBe(
      [
        'flowchart LR',
        '  publisher["Publisher: POST /orders"] --> topic(["SNS topic fanout-order-events"])',
        '  outcomes[("SQS fanout-order-outcomes")]',
        '  topic -->|"orderTotal ≥ 50000"| q0["SQS fanout-fraud-screening"]',
        '  q0 -->|"batch 10"| f0[["λ fanout-fraud-screening"]]',
        '  q0 -.->|"after 3 receives"| d0[("DLQ fanout-fraud-screening-dlq")]',
        '  f0 -.->|outcome| outcomes',
        '  topic -->|"every message"| q1["SQS fanout-order-processor"]',
        '  q1 -->|"batch 10"| f1[["λ fanout-order-processor"]]',
        '  q1 -.->|"after 3 receives"| d1[("DLQ fanout-order-processor-dlq")]',
        '  f1 -.->|outcome| outcomes',
        '  topic -->|"every message, raw delivery"| q2["SQS fanout-user-notification"]',
        '  q2 -->|"batch 10"| f2[["λ fanout-user-notification"]]',
        '  q2 -.->|"after 3 receives"| d2[("DLQ fanout-user-notification-dlq")]',
        '  f2 -.->|outcome| outcomes',
        '',
      ].join('\n'),
    );
  });

  it('escapes quotes inside labels', () => {
    const [first] = topologyView.consumers;
    if (!first) throw new Error('fixture has no consumer');

    const mermaid = renderTopologyMermaid({ topicArn: topologyView.topicArn, consumers: [{ ...first, filterPolicy: { note: ['say "hi"'] } }] });

    expect(mermaid).toContain('|"note = say #quot;hi#quot;"|');
  });
});
