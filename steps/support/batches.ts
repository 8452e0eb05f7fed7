import assert from 'node:assert/strict';
import { SendMessageBatchCommand } from '@aws-sdk/client-sqs';
import { buildOrderPlaced, orderMessageAttributes, OutcomeResult, type OrderRequest } from '../../contracts/index.ts';
import type { DiscoveredConsumer } from '../../harness/discovery/types.ts';
import { invocationOfMessage } from '../../harness/observation/parseLambdaLogs.ts';
import type { StackObserver } from '../../harness/observation/StackObserver.ts';
import { renderTextTable } from '../../harness/reports/renderTextTable.ts';
import { pollUntil } from '../../harness/waiting/pollUntil.ts';
import { describeConsumerState, lastLogLines } from './diagnostics.ts';
import type { ObservedPipeline } from './observedPipeline.ts';
import { orderOfLines, orderWithDiscontinuedItem } from './orderFactory.ts';
import { outcomesOf } from './outcomesOf.ts';
import { withMappingPaused } from './pausedMapping.ts';
import { pausesConsumerOnSharedStack, type Suite } from './suite.ts';
import { OUTCOME_TIMEOUT_MS, QUIET_WINDOW_MS, redeliveryTimeoutMs } from './timeouts.ts';
import type { InjectedBatch, InjectedRecord, NewCorrelationId } from './types.ts';

/** What putting a batch on a queue needs: the SQS and Lambda clients, whether the stack may be changed, and correlation ids. */
export interface BatchInjector {
  readonly suite: { readonly clients: Pick<Suite['clients'], 'sqs' | 'lambda'>; readonly stack: Pick<Suite['stack'], 'shared' | 'info'> };
  newCorrelationId: NewCorrelationId;
}

/** Which invocation handled each record: `[label, Lambda request id]`, or "not found in the logs". */
export type HandledBy = ReadonlyArray<readonly [string, string]>;

const NOT_FOUND = 'not found in the logs';

/**
 * Puts `good` valid orders and `poison` orders with a discontinued item on the consumer's queue in one
 * SendMessageBatch call while its event source mapping is paused (so that they are polled as one batch), as raw OrderPlaced events with the attributes the publisher would set (the
 * consumers read raw and enveloped deliveries alike).
 */
export async function injectBatch(world: BatchInjector, consumer: DiscoveredConsumer, counts: { good: number; poison: number }): Promise<InjectedBatch> {
  const requests: Array<{ label: string; poison: boolean; order: OrderRequest }> = [
    ...Array.from({ length: counts.good }, (_, i) => ({ label: `good ${i + 1}`, poison: false, order: orderOfLines({ customer: `cus-batch-${i + 1}`, currency: 'EUR', lines: 1 + i }) })),
    ...Array.from({ length: counts.poison }, (_, i) => ({ label: `poison ${i + 1}`, poison: true, order: orderWithDiscontinuedItem(`cus-batch-poison-${i + 1}`) })),
  ];
  assert.ok(requests.length <= 10, 'SendMessageBatch takes at most 10 messages');
  const events = requests.map((r) => ({ ...r, event: buildOrderPlaced(r.order), correlationId: world.newCorrelationId(`batch-${r.label}`) }));
  const { sqs, lambda } = world.suite.clients;
  assert.ok(!world.suite.stack.shared, `${pausesConsumerOnSharedStack(world.suite.stack.info.backend)}: tag the scenario @pauses-consumer to skip it there`);
  const postedAt = Date.now();
  const sent = await withMappingPaused(lambda, consumer.mappingUuid, () => sqs.send(
    new SendMessageBatchCommand({
      QueueUrl: consumer.queueUrl,
      Entries: events.map((e, i) => ({ Id: String(i), MessageBody: JSON.stringify(e.event), MessageAttributes: orderMessageAttributes(e.event, e.correlationId) })),
    }),
  ));
  const sentAt = Date.now();
  assert.deepEqual(sent.Failed ?? [], [], `SQS refused part of the batch for ${consumer.functionName}`);
  const records = events.map((e, i): InjectedRecord => {
    const messageId = sent.Successful?.find((s) => s.Id === String(i))?.MessageId;
    assert.ok(messageId, `SQS returned no message id for ${e.label}`);
    return {
      label: e.label,
      poison: e.poison,
      messageId,
      request: e.order,
      orderId: e.event.orderId,
      eventId: e.event.eventId,
      correlationId: e.correlationId,
      timing: {
        orderId: e.event.orderId,
        eventId: e.event.eventId,
        correlationId: e.correlationId,
        postedAt,
        acceptedAt: sentAt,
        status: 200,
        entry: `SendMessageBatch to ${consumer.functionName}'s queue`,
      },
      expected: [consumer],
    };
  });
  return { consumer, records };
}

/**
 * Waits for every record's first outcome (failing, with the consumer's state, when one never comes), then reads
 * the consumer's logs to find the invocation that handled each record's message.
 */
export async function invocationsHandling(pipeline: ObservedPipeline & { observer: Pick<StackObserver, 'invocations'> }, batch: InjectedBatch): Promise<HandledBy> {
  const { consumer, records } = batch;
  const firstSeen = (): true | undefined => (records.every((r) => outcomesOf(pipeline, r, consumer).length > 0) ? true : undefined);
  if (!(await pipeline.until(firstSeen, { timeoutMs: OUTCOME_TIMEOUT_MS }))) {
    const silent = records.filter((r) => outcomesOf(pipeline, r, consumer).length === 0);
    assert.fail(`${consumer.functionName} reported nothing within ${OUTCOME_TIMEOUT_MS} ms for ${silent.map((r) => r.label).join(', ')}\n${await describeConsumerState(pipeline, consumer, silent[0] ?? records[0] ?? { orderId: null, correlationId: '' })}`);
  }
  // Outcomes travel through SQS and log lines through the function's stdout: the logs may lag a moment.
  const { value: handledBy } = await pollUntil(
    async () => {
      const invocations = await pipeline.observer.invocations(consumer.functionName, { limit: 1000 });
      return records.map((r) => [r.label, invocationOfMessage(invocations, r.messageId)?.requestId ?? NOT_FOUND] as const);
    },
    (handled) => handled.every(([, id]) => id !== NOT_FOUND),
    { timeoutMs: OUTCOME_TIMEOUT_MS, intervalMs: 50 },
  );
  return handledBy;
}

/** The report's table of which invocation handled which record. */
export function handledByTable(handledBy: HandledBy): string {
  return renderTextTable(['record', 'Lambda request id'], handledBy.map(([label, id]) => [label, id]));
}

/** One invocation of the consumer handled every record. */
export async function expectOneInvocation(pipeline: ObservedPipeline, consumer: DiscoveredConsumer, handledBy: HandledBy): Promise<void> {
  const distinct = new Set(handledBy.map(([, id]) => id));
  if (distinct.size !== 1 || distinct.has(NOT_FOUND)) {
    assert.fail(`the records were not handled by one invocation of ${consumer.functionName}:\n${renderTextTable(['record', 'request id'], handledBy.map(([l, id]) => [l, id]))}\nlast log lines:\n${await lastLogLines(pipeline, consumer.functionName)}`);
  }
}

/**
 * Each poison record comes back (an outcome on receive 2), and for a quiet window after that no good
 * record does: had they not been deleted, they would reappear with it, as they shared its receive.
 */
export async function expectOnlyPoisonRetried(pipeline: ObservedPipeline, batch: InjectedBatch): Promise<void> {
  const { consumer, records } = batch;
  const poison = records.filter((r) => r.poison);
  const good = records.filter((r) => !r.poison);
  const timeoutMs = redeliveryTimeoutMs(consumer);
  const retried = (r: InjectedRecord): boolean => outcomesOf(pipeline, r, consumer).some((o) => o.outcome.receiveCount >= 2);
  if (!(await pipeline.until(() => (poison.every(retried) ? true : undefined), { timeoutMs }))) {
    const first = poison.find((r) => !retried(r)) ?? poison[0];
    assert.fail(`the order with the discontinued item was not received again by ${consumer.functionName} within ${timeoutMs} ms` +
      (first ? `\n${await describeConsumerState(pipeline, consumer, first)}` : ''));
  }
  const goodAgain = (): string[] | undefined => {
    const again = good.filter((r) => outcomesOf(pipeline, r, consumer).length > 1 || retried(r)).map((r) => r.label);
    return again.length > 0 ? again : undefined;
  };
  const again = await pipeline.until(goodAgain, { timeoutMs: QUIET_WINDOW_MS });
  assert.deepEqual(again ?? [], [], `good orders came back with the one with the discontinued item, as if their batch had failed as a whole`);
}

/** Each good record: one outcome, processed, on its first receive. */
export function expectGoodOnce(pipeline: ObservedPipeline, batch: InjectedBatch): void {
  const wrong = batch.records
    .filter((r) => !r.poison)
    .flatMap((r) => {
      const outcomes = outcomesOf(pipeline, r, batch.consumer);
      const once = outcomes.length === 1 && outcomes[0]?.outcome.result === OutcomeResult.processed && outcomes[0].outcome.receiveCount === 1;
      return once ? [] : [[r.label, outcomes.map((o) => `${o.outcome.result} on receive ${o.outcome.receiveCount}`).join(', ') || 'no outcome']];
    });
  if (wrong.length > 0) assert.fail(`good orders that were not processed exactly once on their first receive:\n${renderTextTable(['record', 'outcomes'], wrong)}`);
}
