import { describeFilterPolicy } from '../../harness/discovery/describeFilterPolicy.ts';
import { buildOrderTrace, summarizeOrderTrace } from '../../harness/reports/buildOrderTrace.ts';
import { renderOrderTraceSvg } from '../../harness/reports/renderOrderTraceSvg.ts';
import { parseLambdaLogs, type LambdaInvocation } from '../../harness/observation/parseLambdaLogs.ts';
import { renderTextTable } from '../../harness/reports/renderTextTable.ts';
import { pollUntil } from '../../harness/waiting/pollUntil.ts';
import { renderTopologyMermaid } from '../../harness/reports/renderTopologyMermaid.ts';
import { renderTopologySvg } from '../../harness/reports/renderTopologySvg.ts';
import type { World } from '@cucumber/cucumber';
import type { DiscoveredConsumer } from '../../harness/discovery/types.ts';
import type { Stack, StackInfo } from '../../harness/backends/types.ts';
import type { DeadLetterCollector } from '../../harness/observation/DeadLetterCollector.ts';
import type { OutcomeCollector } from '../../harness/observation/OutcomeCollector.ts';
import type { PlacedOrder } from './types.ts';

/**
 * What the attachments read of a world: the scenario's orders and the parts of the suite they show.
 * A FanoutWorld is one; the report browser test passes a stub built from fixture data.
 */
export interface AttachmentWorld {
  readonly suite: {
    readonly stack: { readonly info: Pick<StackInfo, 'topicArn' | 'outcomesQueueUrl'>; readLambdaLogEvents: Stack['readLambdaLogEvents'] };
    readonly consumers: readonly DiscoveredConsumer[];
    readonly outcomes: Pick<OutcomeCollector, 'forOrder'>;
    readonly deadLetters: Pick<DeadLetterCollector, 'forOrder'>;
  };
  readonly orders: readonly PlacedOrder[];
  /** Order ids whose journey is attached already; the attachments add to it. */
  readonly traced: Set<string>;
  attach: World['attach'];
  log: World['log'];
}

/** Journeys attached per scenario; a burst attaches its tally for the rest. */
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

/** How long the journey waits for the REPORT lines of the invocations behind its outcomes (logs trail the outcomes a little). */
const REPORTS_SETTLE_MS = 1000;
const REPORTS_POLL_MS = 50;

/**
 * Each function's invocations from its log events. An outcome reaches the outcomes queue before its
 * invocation's REPORT line is written, so this reads again (briefly, up to {@link REPORTS_SETTLE_MS}) until
 * every invocation that handled one of these messages has its REPORT. A function whose logs cannot be read
 * shows no invocations: a journey is documentation, and never fails a step.
 */
async function invocationsByFunction(world: AttachmentWorld, messageIds: ReadonlySet<string>): Promise<Record<string, LambdaInvocation[]>> {
  const { stack, consumers } = world.suite;
  const read = async (functionName: string): Promise<LambdaInvocation[]> => {
    try {
      return parseLambdaLogs(await stack.readLambdaLogEvents(functionName, { limit: LOG_LINES_FOR_TRACES }));
    } catch {
      return [];
    }
  };
  const { value: entries } = await pollUntil(
    () => Promise.all(consumers.map(async (c) => [c.functionName, await read(c.functionName)] as const)),
    (latest) => !latest.some(([, invocations]) => invocations.some((i) => i.report === null && [...i.messageIds].some((id) => messageIds.has(id)))),
    { timeoutMs: REPORTS_SETTLE_MS, intervalMs: REPORTS_POLL_MS },
  );
  return Object.fromEntries(entries);
}

/**
 * Attaches the journey of each order not traced yet (the first few of a scenario), as a picture the HTML
 * report shows: every event in time order on one clock, with a timeline. Called by the step that proves
 * processing, so the journey sits under that step; the After hook attaches what no step did.
 */
export async function attachTraces(world: AttachmentWorld, orders: readonly PlacedOrder[] = world.orders): Promise<void> {
  const untraced = orders.filter((order) => !world.traced.has(order.orderId));
  if (untraced.length === 0) return;
  const alreadyTraced = world.orders.filter((order) => world.traced.has(order.orderId)).length;
  const traced = untraced.slice(0, Math.max(0, MAX_TRACES - alreadyTraced));
  for (const order of untraced) world.traced.add(order.orderId);
  if (traced.length > 0) {
    const messageIds = new Set(traced.flatMap((order) => world.suite.outcomes.forOrder(order.orderId).map((o) => o.outcome.messageId)));
    const invocations = await invocationsByFunction(world, messageIds);
    for (const order of traced) {
      const expectedConsumers = order.expected.map((c) => c.functionName);
      const rows = buildOrderTrace({
        order: order.timing,
        expectedConsumers,
        outcomes: world.suite.outcomes.forOrder(order.orderId),
        deadLetters: world.suite.deadLetters.forOrder(order.orderId),
        invocations,
      });
      const title = `Journey of order ${order.orderId.slice(0, 8)} (${order.request.customer.id}): ${summarizeOrderTrace(rows, expectedConsumers)}`;
      world.attach(Buffer.from(renderOrderTraceSvg(rows, title), 'utf8'), { mediaType: 'image/svg+xml', fileName: title });
    }
  }
  const skipped = untraced.length - traced.length;
  if (skipped > 0) world.log(`${skipped} more orders were placed; journeys are attached for the first ${MAX_TRACES} of the scenario.`);
}
