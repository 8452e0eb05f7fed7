import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { World } from '@cucumber/cucumber';
import { buildOrderPlaced, exampleOrder, orderMessageAttributes, parseOrderAccepted, type OrderRequest } from '../../contracts/index.ts';
import { expectedConsumers } from '../../harness/discovery/expectedConsumers.ts';
import type { DiscoveredConsumer } from '../../harness/discovery/types.ts';
import { attachTopology, attachTraces } from './attachments.ts';
import { ApiKeyUse, type RawRequest } from './badRequests.ts';
import { expectGoodOnce, expectOneInvocation, expectOnlyPoisonRetried, handledByTable, injectBatch, invocationsHandling } from './batches.ts';
import { burstOrdersToTrace, burstTally, duplicateDeliveries, expectBurstProcessed, expectNothingLost, placeBurst, settleBurst } from './bursts.ts';
import { expectProcessedExactlyOnce, waitForDeadLetter, waitForRejections } from './deadLetters.ts';
import { expectNeverSeen, expectNotMeantFor, expectThreshold } from './filterPolicies.ts';
import { expectAccepted, expectSameIdentifiers } from './orderChecks.ts';
import { awaitProcessing } from './processing.ts';
import { postOrder, type HttpResult } from './publisherClient.ts';
import { checkNoOrderIds, checkRefusals, expectNoRefusalHeardOf, refusalsTable, sendRefusals } from './refusals.ts';
import { suite, type Suite } from './suite.ts';
import { OUTCOME_TIMEOUT_MS } from './timeouts.ts';
import type { BurstResult, InjectedBatch, PlacedOrder, Refusal, RefusalRow, WaitForProcessingOptions } from './types.ts';

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

  /**
   * The step that proves processing: waits until each consumer reported the order as processed (failing at
   * once when one gave up on it, see {@link awaitProcessing}), then attaches the order's journey to this step.
   */
  waitForProcessing(order: PlacedOrder, options: WaitForProcessingOptions = {}): Promise<void> {
    return this.tracing([order], () => awaitProcessing(this.suite, order, { consumers: options.consumers ?? order.expected, timeoutMs: options.timeoutMs ?? OUTCOME_TIMEOUT_MS }));
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

  /** The expected consumers of the order except those that dead-lettered it in this scenario. */
  othersThanDeadLettering(order: PlacedOrder): DiscoveredConsumer[] {
    assert.ok(this.deadLettering.size > 0, 'no consumer has dead-lettered an order in this scenario yet');
    return order.expected.filter((c) => !this.deadLettering.has(c.functionName));
  }

  // The checks live in their own modules and take only what they read; the World is the one place steps
  // call, and the one that writes to the report.

  expectAccepted(order: PlacedOrder): void {
    expectAccepted(order);
  }

  expectSameIdentifiers(order: PlacedOrder): void {
    expectSameIdentifiers(this.suite, order);
  }

  expectThreshold(consumer: DiscoveredConsumer, thresholdMinor: number): void {
    expectThreshold((order, correlationId) => this.expectedConsumersFor(order, correlationId), consumer, thresholdMinor);
  }

  /**
   * The consumer never hears of the order: its filter policy refuses it, and once every consumer meant
   * for the order has processed it, a quiet window passes without an outcome or dead letter from it.
   */
  async expectNeverSeen(order: PlacedOrder, consumer: DiscoveredConsumer): Promise<void> {
    expectNotMeantFor(order, consumer);
    await this.tracing([order], () => expectNeverSeen(this.suite, order, consumer));
  }

  attachTopology(): void {
    attachTopology(this);
  }

  /** Attaches the journey of each order not traced yet; by default every order of the scenario. */
  attachTraces(orders: readonly PlacedOrder[] = this.orders): Promise<void> {
    return attachTraces(this, orders);
  }

  async sendRefusals(rows: readonly RefusalRow[]): Promise<void> {
    this.refusals.push(...(await sendRefusals(this, rows)));
  }

  checkRefusals(): void {
    this.attach(refusalsTable(this.refusals), { mediaType: 'text/plain', fileName: 'Refused requests and their problem reports' });
    checkRefusals(this.refusals);
  }

  checkNoOrderIds(): void {
    checkNoOrderIds(this.refusals);
  }

  /**
   * Nothing of the refused requests reaches a consumer: a valid control order sent afterwards is
   * processed by every consumer meant for it, and during a quiet window that starts once it has been
   * processed no outcome and no dead letter carries a refused request's correlation id.
   */
  async expectNothingPublished(): Promise<void> {
    const control = await this.placeOrder(exampleOrder, { correlationId: this.newCorrelationId('control-after-refusals') });
    await this.waitForProcessing(control);
    await expectNoRefusalHeardOf(this.suite, this.refusals);
  }

  waitForRejections(order: PlacedOrder, consumer: DiscoveredConsumer): Promise<void> {
    return waitForRejections(this.suite, order, consumer);
  }

  async waitForDeadLetter(order: PlacedOrder, consumer: DiscoveredConsumer): Promise<void> {
    await waitForDeadLetter(this.suite, order, consumer);
    this.deadLettering.add(consumer.functionName);
  }

  expectProcessedExactlyOnce(order: PlacedOrder, consumers: readonly DiscoveredConsumer[]): Promise<void> {
    return this.tracing([order], () => expectProcessedExactlyOnce(this.suite, order, consumers));
  }

  async injectBatch(consumer: DiscoveredConsumer, counts: { good: number; poison: number }): Promise<void> {
    this.batch = await injectBatch(this, consumer, counts);
    this.orders.push(...this.batch.records);
  }

  /** The batch this scenario put on a queue. */
  injected(): InjectedBatch {
    assert.ok(this.batch, 'no batch has been put on a queue in this scenario');
    return this.batch;
  }

  /** Attaches which invocation handled which record (once every record reported), then requires one for all. */
  async expectOneInvocation(consumer: DiscoveredConsumer): Promise<void> {
    const batch = this.injected();
    assert.equal(batch.consumer.functionName, consumer.functionName, 'the batch was put on another consumer\'s queue');
    const handledBy = await invocationsHandling(this.suite, batch);
    this.attach(handledByTable(handledBy), { mediaType: 'text/plain', fileName: 'Which invocation handled which record' });
    await expectOneInvocation(this.suite, batch.consumer, handledBy);
  }

  expectOnlyPoisonRetried(): Promise<void> {
    return expectOnlyPoisonRetried(this.suite, this.injected());
  }

  /** The last step of the batch scenario: its journeys (the poison record's first) are attached to it. */
  expectGoodOnce(): Promise<void> {
    const batch = this.injected();
    const records = [...batch.records].sort((a, b) => Number(b.poison) - Number(a.poison));
    return this.tracing(records, async () => expectGoodOnce(this.suite, batch));
  }

  async placeBurst(count: number, concurrency: number): Promise<void> {
    this.burst = await placeBurst((order) => this.placeOrder(order), count, concurrency);
  }

  /** The burst this scenario placed. */
  placedBurst(): BurstResult {
    assert.ok(this.burst, 'no burst has been placed in this scenario');
    return this.burst;
  }

  expectBurstAccepted(count: number): void {
    const burst = this.placedBurst();
    assert.deepEqual(burst.failures, [], `${burst.failures.length} of ${count} orders were not accepted`);
    assert.equal(burst.requested, count, `the burst placed ${burst.requested} orders, not ${count}`);
  }

  /**
   * "Nothing lost": waits until every consumer settled every order its subscription accepts, attaches the
   * tally per consumer, and fails naming what is still missing at the deadline.
   */
  async accountForBurst(): Promise<void> {
    const { accepted } = this.placedBurst();
    const accounts = await settleBurst(this.suite, this.consumers, accepted);
    this.attach(burstTally(accounts), { mediaType: 'text/plain', fileName: `Burst of ${accepted.length} orders: tally per consumer` });
    await expectNothingLost(this.suite, accounts);
  }

  expectBurstProcessed(): Promise<void> {
    const { accepted } = this.placedBurst();
    return this.tracing(burstOrdersToTrace(this.suite, accepted, 4), () => expectBurstProcessed(this.suite, this.consumers, accepted));
  }

  /** Attaches every duplicate delivery of the burst: documentation, it checks nothing. */
  attachDuplicates(): void {
    const { accepted } = this.placedBurst();
    const duplicates = duplicateDeliveries(this.suite, this.consumers, accepted);
    this.attach(duplicates.text, { mediaType: 'text/plain', fileName: `Duplicate deliveries (${duplicates.count})` });
    this.log(`${duplicates.count} duplicate deliveries across ${accepted.length} orders`);
  }
}
