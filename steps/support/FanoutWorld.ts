import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { World } from '@cucumber/cucumber';
import { buildOrderPlaced, orderMessageAttributes, parseOrderAccepted, type OrderRequest } from '../../contracts/index.ts';
import { expectedConsumers } from '../../harness/discovery/expectedConsumers.ts';
import type { DiscoveredConsumer } from '../../harness/discovery/types.ts';
import type { PlacedOrderTiming } from '../../harness/reports/buildOrderTrace.ts';
import type { CollectedOutcome } from '../../harness/observation/OutcomeCollector.ts';
import { attachTopology, attachTraces } from './attachments.ts';
import { ApiKeyUse, type RawRequest } from './badRequests.ts';
import { expectGoodOnce, expectOneInvocation, expectOnlyPoisonRetried, injectBatch, type InjectedBatch } from './batches.ts';
import { accountForBurst, attachDuplicates, burstOrdersToTrace, expectBurstProcessed, placeBurst, type BurstResult } from './bursts.ts';
import { expectProcessedExactlyOnce, waitForDeadLetter, waitForRejections } from './deadLetters.ts';
import { awaitProcessing } from './processing.ts';
import { postOrder, type HttpResult } from './publisherClient.ts';
import { checkNoOrderIds, checkRefusals, expectNothingPublished, sendRefusals, type RefusalRow } from './refusals.ts';
import { suite, type Suite } from './suite.ts';
import { orderTotalling } from './orderFactory.ts';
import { OUTCOME_TIMEOUT_MS, QUIET_WINDOW_MS } from './timeouts.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An order the publisher accepted in this scenario. */
export interface PlacedOrder {
  request: OrderRequest;
  orderId: string;
  eventId: string;
  correlationId: string;
  timing: PlacedOrderTiming;
  /** The consumers whose discovered subscriptions accept it. */
  expected: readonly DiscoveredConsumer[];
}

/** A request the scenario expects the publisher to refuse. */
export interface Refusal {
  name: string;
  expectedStatus: number;
  /** A field path or a phrase the problem report must name. */
  expectedNames: string;
  correlationId: string;
  result: HttpResult;
}

export interface WaitForProcessingOptions {
  /** Default: the order's expected consumers. */
  consumers?: readonly DiscoveredConsumer[];
  timeoutMs?: number;
}

const WRONG_API_KEY = 'not-a-key-this-publisher-knows';

/**
 * Per-scenario state and the actions steps call. Shared, per-worker things (the stack, the live
 * topology, the outcome and DLQ collectors) come from {@link suite}; everything a scenario creates is
 * tagged with its own correlation ids, so scenarios never see each other's orders.
 */
export class FanoutWorld extends World {
  readonly orders: PlacedOrder[] = [];
  readonly refusals: Refusal[] = [];
  /** Function names whose DLQ received an order of this scenario. */
  readonly deadLettering = new Set<string>();
  /** Order ids whose journey is attached already: by the step that proved it, or else by the After hook. */
  readonly traced = new Set<string>();
  batch: InjectedBatch | undefined;
  burst: BurstResult | undefined;
  /** Set by a Before hook, for messages. */
  scenarioName = '';

  get suite(): Suite {
    return suite();
  }

  get consumers(): readonly DiscoveredConsumer[] {
    return this.suite.consumers;
  }

  /** The discovered consumer named like the topology names it (`order-processor`) or by its function name. */
  consumerNamed(name: string): DiscoveredConsumer {
    const found = this.consumers.find((c) => c.functionName === name || c.functionName.endsWith(`-${name}`));
    assert.ok(found, `no consumer "${name}" is subscribed to the topic; discovered: ${this.consumers.map((c) => c.functionName).join(', ')}`);
    return found;
  }

  /**
   * A correlation id only this scenario uses, readable in logs: `spec-<run>-<label>-<uuid>`. The run
   * prefix is what the DLQ collector recognises as the run's own.
   */
  newCorrelationId(label = 'order'): string {
    const slug = label.toLowerCase().replaceAll(/[^a-z0-9]+/g, '-').slice(0, 40);
    return `${this.suite.correlationIdPrefix}${slug}-${randomUUID()}`;
  }

  /**
   * Skips the scenario, saying why in the report and on the console, so that a skipped promise never
   * passes for a kept one unnoticed. Return its result from the step or hook.
   */
  skip(reason: string): 'skipped' {
    this.log(`skipped: ${reason}`);
    console.warn(`skipped "${this.scenarioName}": ${reason}`);
    return 'skipped';
  }

  /** The consumers SNS will hand this order to, from the attributes the publisher sets and the live filter policies. */
  expectedConsumersFor(order: OrderRequest, correlationId: string): DiscoveredConsumer[] {
    return expectedConsumers(this.consumers, orderMessageAttributes(buildOrderPlaced(order), correlationId));
  }

  /** Places an order through the publisher's HTTP API and requires a 202. */
  async placeOrder(order: OrderRequest, options: { correlationId?: string } = {}): Promise<PlacedOrder> {
    const correlationId = options.correlationId ?? this.newCorrelationId(order.customer.id);
    const result = await postOrder(this.suite.stack.info.apiUrl, {
      body: JSON.stringify(order),
      contentType: 'application/json',
      correlationId,
      ...(this.suite.stack.info.apiKey ? { apiKey: this.suite.stack.info.apiKey } : {}),
    });
    assert.equal(result.status, 202, `the publisher did not accept the order of ${order.customer.id}: ${result.status} ${result.text}`);
    const accepted = parseOrderAccepted(result.json);
    if (!accepted.success) assert.fail(`the 202 for ${order.customer.id} is ${accepted.error}: ${result.text}`);
    const body = accepted.data;
    assert.equal(body.correlationId, correlationId, 'the publisher did not keep the correlation id it was given');
    const placed: PlacedOrder = {
      request: order,
      orderId: body.orderId,
      eventId: body.eventId,
      correlationId,
      timing: { orderId: body.orderId, eventId: body.eventId, correlationId, postedAt: result.postedAt, acceptedAt: result.answeredAt, status: result.status },
      expected: this.expectedConsumersFor(order, correlationId),
    };
    this.orders.push(placed);
    return placed;
  }

  /** Sends a request as it is, with the API key as the request says: the real one, none, or a wrong one. */
  async send(request: RawRequest, correlationId: string): Promise<HttpResult> {
    const key = this.suite.stack.info.apiKey;
    const apiKey = request.apiKey === ApiKeyUse.valid ? key : request.apiKey === ApiKeyUse.wrong ? WRONG_API_KEY : undefined;
    return postOrder(this.suite.stack.info.apiUrl, {
      body: request.body,
      contentType: request.contentType,
      correlationId,
      ...(apiKey === undefined ? {} : { apiKey }),
    });
  }

  /** The order placed last in this scenario. */
  lastOrder(): PlacedOrder {
    const order = this.orders.at(-1);
    assert.ok(order, 'no order has been placed in this scenario');
    return order;
  }

  /** This order's outcomes from one consumer. */
  outcomesOf(order: Pick<PlacedOrder, 'orderId'>, consumer: DiscoveredConsumer): CollectedOutcome[] {
    return this.suite.outcomes.forOrder(order.orderId).filter((o) => o.outcome.functionName === consumer.functionName);
  }

  /**
   * The step that proves processing: waits until each consumer reported the order as processed (failing at
   * once when one gave up on it, see {@link awaitProcessing}), then attaches the order's journey to this step.
   */
  async waitForProcessing(order: PlacedOrder, options: WaitForProcessingOptions = {}): Promise<void> {
    await this.tracing([order], () => this.awaitProcessing(order, options));
  }

  /** {@link waitForProcessing} without the attachment, for checks that go on after it. */
  awaitProcessing(order: PlacedOrder, options: WaitForProcessingOptions = {}): Promise<void> {
    return awaitProcessing(this.suite, order, { consumers: options.consumers ?? order.expected, timeoutMs: options.timeoutMs ?? OUTCOME_TIMEOUT_MS });
  }

  /**
   * Runs a check and then, passed or failed, attaches the journey of each order to the current step, the one
   * that proves what the journey shows (not to the After hook, which the report folds away).
   */
  async tracing(orders: readonly PlacedOrder[], check: () => Promise<void>): Promise<void> {
    try {
      await check();
    } finally {
      await this.attachTraces(orders);
    }
  }

  expectAccepted(order: PlacedOrder): void {
    assert.match(order.orderId, UUID, 'the order id is not a UUID');
    assert.match(order.eventId, UUID, 'the event id is not a UUID');
    assert.notEqual(order.orderId, order.eventId, 'the order id and the event id are the same');
  }

  /** Every outcome of the order, from every expected consumer, names the order's own ids. */
  expectSameIdentifiers(order: PlacedOrder): void {
    const outcomes = this.suite.outcomes.forOrder(order.orderId);
    const wrong = outcomes.filter(
      ({ outcome }) => outcome.eventId !== order.eventId || outcome.correlationId !== order.correlationId,
    );
    assert.deepEqual(
      wrong.map(({ outcome }) => `${outcome.functionName}: event ${outcome.eventId}, correlation ${outcome.correlationId}`),
      [],
      `copies of order ${order.orderId} should carry event ${order.eventId} and correlation id ${order.correlationId}`,
    );
    const reporting = new Set(outcomes.map((o) => o.outcome.functionName));
    const silent = order.expected.filter((c) => !reporting.has(c.functionName)).map((c) => c.functionName);
    assert.deepEqual(silent, [], 'every expected consumer should have reported a copy');
  }

  /** The consumer's live filter policy lets orders through from `thresholdMinor` up, and not below. */
  expectThreshold(consumer: DiscoveredConsumer, thresholdMinor: number): void {
    const accepts = (total: number): boolean => this.expectedConsumersFor(orderTotalling(total), 'threshold-check').includes(consumer);
    const policy = JSON.stringify(consumer.filterPolicy);
    assert.equal(accepts(thresholdMinor), true, `${consumer.functionName}'s filter policy ${policy} should accept an order of ${thresholdMinor} minor units`);
    assert.equal(accepts(thresholdMinor - 1), false, `${consumer.functionName}'s filter policy ${policy} should refuse an order of ${thresholdMinor - 1} minor units`);
  }

  /**
   * The consumer never hears of the order: its filter policy refuses it, and once every consumer meant
   * for the order has processed it, a quiet window passes without an outcome or dead letter from it.
   */
  async expectNeverSeen(order: PlacedOrder, consumer: DiscoveredConsumer): Promise<void> {
    assert.ok(!order.expected.includes(consumer), `${consumer.functionName}'s filter policy accepts order ${order.orderId}, so it is meant to see it`);
    await this.tracing([order], async () => {
      await this.awaitProcessing(order);
      const heard = (): string | undefined => {
        if (this.outcomesOf(order, consumer).length > 0) return 'reported an outcome';
        return this.suite.deadLetters.forOrder(order.orderId).some((l) => l.functionName === consumer.functionName) ? 'dead-lettered it' : undefined;
      };
      const seen = await this.suite.until(heard, { timeoutMs: QUIET_WINDOW_MS });
      assert.equal(seen, undefined, `${consumer.functionName} ${seen ?? ''} for order ${order.orderId}, which its filter policy should have kept from it`);
    });
  }

  /** The expected consumers of the order except those that dead-lettered it in this scenario. */
  othersThanDeadLettering(order: PlacedOrder): DiscoveredConsumer[] {
    assert.ok(this.deadLettering.size > 0, 'no consumer has dead-lettered an order in this scenario yet');
    return order.expected.filter((c) => !this.deadLettering.has(c.functionName));
  }

  // Actions with more to them live in their own modules; the World is the one place steps call.

  attachTopology(): void {
    attachTopology(this);
  }

  /** Attaches the journey of each order not traced yet; by default every order of the scenario. */
  attachTraces(orders: readonly PlacedOrder[] = this.orders): Promise<void> {
    return attachTraces(this, orders);
  }

  sendRefusals(rows: readonly RefusalRow[]): Promise<void> {
    return sendRefusals(this, rows);
  }

  checkRefusals(): void {
    checkRefusals(this);
  }

  checkNoOrderIds(): void {
    checkNoOrderIds(this);
  }

  expectNothingPublished(): Promise<void> {
    return expectNothingPublished(this);
  }

  waitForRejections(order: PlacedOrder, consumer: DiscoveredConsumer): Promise<void> {
    return waitForRejections(this, order, consumer);
  }

  async waitForDeadLetter(order: PlacedOrder, consumer: DiscoveredConsumer): Promise<void> {
    await waitForDeadLetter(this, order, consumer);
    this.deadLettering.add(consumer.functionName);
  }

  expectProcessedExactlyOnce(order: PlacedOrder, consumers: readonly DiscoveredConsumer[]): Promise<void> {
    return this.tracing([order], () => expectProcessedExactlyOnce(this, order, consumers));
  }

  async injectBatch(consumer: DiscoveredConsumer, counts: { good: number; poison: number }): Promise<void> {
    this.batch = await injectBatch(this, consumer, counts);
  }

  /** The batch this scenario put on a queue. */
  injected(): InjectedBatch {
    assert.ok(this.batch, 'no batch has been put on a queue in this scenario');
    return this.batch;
  }

  expectOneInvocation(consumer: DiscoveredConsumer): Promise<void> {
    const batch = this.injected();
    assert.equal(batch.consumer.functionName, consumer.functionName, 'the batch was put on another consumer\'s queue');
    return expectOneInvocation(this, batch);
  }

  expectOnlyPoisonRetried(): Promise<void> {
    return expectOnlyPoisonRetried(this, this.injected());
  }

  /** The last step of the batch scenario: its journeys (the poison record's first) are attached to it. */
  expectGoodOnce(): Promise<void> {
    const batch = this.injected();
    const records = [...batch.records].sort((a, b) => Number(b.poison) - Number(a.poison));
    return this.tracing(records, async () => expectGoodOnce(this, batch));
  }

  async placeBurst(count: number, concurrency: number): Promise<void> {
    this.burst = await placeBurst(this, count, concurrency);
  }

  /** The burst this scenario placed. */
  placedBurst(): BurstResult {
    assert.ok(this.burst, 'no burst has been placed in this scenario');
    return this.burst;
  }

  accountForBurst(): Promise<void> {
    return accountForBurst(this, this.placedBurst().accepted);
  }

  expectBurstProcessed(): Promise<void> {
    const { accepted } = this.placedBurst();
    return this.tracing(burstOrdersToTrace(this, accepted, 4), () => expectBurstProcessed(this, accepted));
  }

  expectBurstAccepted(count: number): void {
    const burst = this.placedBurst();
    assert.deepEqual(burst.failures, [], `${burst.failures.length} of ${count} orders were not accepted`);
    assert.equal(burst.requested, count, `the burst placed ${burst.requested} orders, not ${count}`);
  }

  attachDuplicates(): void {
    attachDuplicates(this, this.placedBurst().accepted);
  }
}
