import { describeFilterPolicy } from '../../harness/discovery/describeFilterPolicy.ts';
import { buildOrderTrace, renderOrderTrace } from '../../harness/reports/buildOrderTrace.ts';
import { parseLambdaLogs, type LambdaInvocation } from '../../harness/observation/parseLambdaLogs.ts';
import { renderTextTable } from '../../harness/reports/renderTextTable.ts';
import { renderTopologyMermaid } from '../../harness/reports/renderTopologyMermaid.ts';
import { renderTopologySvg } from '../../harness/reports/renderTopologySvg.ts';
import type { World } from '@cucumber/cucumber';
import type { DiscoveredConsumer } from '../../harness/discovery/types.ts';
import type { Stack, StackInfo } from '../../harness/backends/types.ts';
import type { DeadLetterCollector } from '../../harness/observation/DeadLetterCollector.ts';
import type { OutcomeCollector } from '../../harness/observation/OutcomeCollector.ts';
import type { PlacedOrder } from './FanoutWorld.ts';

/**
 * What the attachments read of a world: the scenario's orders and the parts of the suite they show.
 * A FanoutWorld is one; the report browser test passes a stub built from fixture data.
 */
export interface AttachmentWorld {
  readonly suite: {
    readonly stack: { readonly info: Pick<StackInfo, 'topicArn' | 'outcomesQueueUrl'>; readLambdaLogs: Stack['readLambdaLogs'] };
    readonly consumers: readonly DiscoveredConsumer[];
    readonly outcomes: Pick<OutcomeCollector, 'forOrder'>;
    readonly deadLetters: Pick<DeadLetterCollector, 'forOrder'>;
  };
  readonly orders: readonly PlacedOrder[];
  attach: World['attach'];
  log: World['log'];
}

/** Orders traced per scenario; a burst attaches its summary tables instead of 200 traces. */
const MAX_TRACES = 4;
const LOG_LINES_FOR_TRACES = 5000;

/**
 * The discovered topology, three ways: an SVG the HTML report shows as an image, the Mermaid source
 * for readers who paste it elsewhere, and a plain table of what discovery read.
 */
export function attachTopology(world: AttachmentWorld): void {
  const { stack, consumers } = world.suite;
  const view = { topicArn: stack.info.topicArn, consumers, outcomesQueueUrl: stack.info.outcomesQueueUrl };
  world.attach(Buffer.from(renderTopologySvg(view), 'utf8'), { mediaType: 'image/svg+xml', fileName: 'Discovered topology (diagram)' });
  world.attach(renderTopologyMermaid(view), { mediaType: 'text/x.mermaid', fileName: 'Discovered topology (Mermaid source)' });
  const table = renderTextTable(
    ['consumer (function)', 'filter policy', 'raw delivery', 'batch size', 'max receives', 'visibility timeout'],
    consumers.map((c) => [
      c.functionName,
      describeFilterPolicy(c.filterPolicy),
      c.rawMessageDelivery ? 'yes' : 'no',
      String(c.batchSize),
      c.maxReceiveCount === null ? 'no DLQ' : String(c.maxReceiveCount),
      `${c.visibilityTimeoutSeconds} s`,
    ]),
  );
  world.attach(table, { mediaType: 'text/plain', fileName: `Discovered consumers (${consumers.length})` });
}

/** Each function's invocations, from the log lines about the given SQS messages (and all START/REPORT lines). */
async function invocationsByFunction(world: AttachmentWorld, messageIds: readonly string[]): Promise<Record<string, LambdaInvocation[]>> {
  const { stack, consumers } = world.suite;
  const relevant = (line: string): boolean => line.includes('RequestId: ') || messageIds.some((id) => line.includes(id));
  const entries = await Promise.all(
    consumers.map(async (c): Promise<[string, LambdaInvocation[]]> => {
      try {
        const lines = await stack.readLambdaLogs(c.functionName, { limit: LOG_LINES_FOR_TRACES });
        return [c.functionName, parseLambdaLogs(lines.filter(relevant))];
      } catch {
        return [c.functionName, []];
      }
    }),
  );
  return Object.fromEntries(entries);
}

/** The message trace of each order this scenario placed (the first few), as aligned text tables. */
export async function attachTraces(world: AttachmentWorld, orders: readonly PlacedOrder[] = world.orders): Promise<void> {
  if (orders.length === 0) return;
  const traced = orders.slice(0, MAX_TRACES);
  const messageIds = traced.flatMap((order) => world.suite.outcomes.forOrder(order.orderId).map((o) => o.outcome.messageId));
  const invocations = await invocationsByFunction(world, messageIds);
  for (const order of traced) {
    const rows = buildOrderTrace({
      order: order.timing,
      expectedConsumers: order.expected.map((c) => c.functionName),
      outcomes: world.suite.outcomes.forOrder(order.orderId),
      deadLetters: world.suite.deadLetters.forOrder(order.orderId),
      invocations,
    });
    world.attach(renderOrderTrace(rows), {
      mediaType: 'text/plain',
      fileName: `Trace of order ${order.orderId.slice(0, 8)} (${order.request.customer.id}), ms since POST`,
    });
  }
  if (orders.length > MAX_TRACES) world.log(`${orders.length - MAX_TRACES} more orders were placed; traces are attached for the first ${MAX_TRACES}.`);
}
