import { describe, expect, it } from '@jest/globals';
import { renderTopologySvg } from '../../harness/reports/renderTopologySvg.ts';
import { discoveredConsumers, topologyView } from './fixtures/discoveredTopology.ts';

/** Open and close tags balance: a cheap well-formedness check (the browser test parses it for real). */
function unbalancedTags(svg: string): string[] {
  const stack: string[] = [];
  const problems: string[] = [];
  for (const match of svg.matchAll(/<(\/?)([a-zA-Z]+)[^>]*?(\/?)>/g)) {
    const [, closing, name = '', selfClosing] = match;
    if (selfClosing) continue;
    if (!closing) stack.push(name);
    else if (stack.pop() !== name) problems.push(name);
  }
  return [...problems, ...stack];
}

describe('renderTopologySvg', () => {
  it('draws the publisher, the topic, the outcomes queue and one row per consumer', () => {
    const svg = renderTopologySvg(topologyView);

    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('fanout-order-events');
    expect(svg).toContain('fanout-order-outcomes');
    expect(svg.match(/class="queue"/g)).toHaveLength(3);
    expect(svg.match(/class="lambda"/g)).toHaveLength(3);
    expect(svg.match(/class="dlq"/g)).toHaveLength(3);
    for (const consumer of discoveredConsumers) expect(svg).toContain(`λ ${consumer.functionName}`);
    expect(svg).toContain('filter: orderTotal ≥ 50000');
    expect(svg).toContain('filter: every message · raw');
    expect(svg).toContain('after 3 receives');
    expect(unbalancedTags(svg)).toEqual([]);
  });

  it('is deterministic, so reports of identical runs are identical', () => {
    expect(renderTopologySvg(topologyView)).toBe(renderTopologySvg(topologyView));
  });

  it('escapes what it prints and leaves out a DLQ that does not exist', () => {
    const [first] = discoveredConsumers;
    if (!first) throw new Error('fixture has no consumer');
    const view = {
      topicArn: topologyView.topicArn,
      consumers: [{ ...first, filterPolicy: { note: ['<b>&'] }, dlqArn: null, dlqUrl: null, maxReceiveCount: null }],
    };

    const svg = renderTopologySvg(view);

    expect(svg).toContain('note = &lt;b&gt;&amp;');
    expect(svg).not.toContain('<b>');
    expect(svg).not.toContain('class="dlq"');
    expect(svg).not.toContain('SQS outcomes');
    expect(unbalancedTags(svg)).toEqual([]);
  });

  it('shortens names that do not fit their box', () => {
    const [first] = discoveredConsumers;
    if (!first) throw new Error('fixture has no consumer');
    const long = `fanout-${'very-long-consumer-name-'.repeat(4)}`;

    const svg = renderTopologySvg({ topicArn: topologyView.topicArn, consumers: [{ ...first, functionName: long }] });

    expect(svg).not.toContain(long);
    expect(svg).toMatch(/λ fanout-very-long[^<]*…/);
  });
});
