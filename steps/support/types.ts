import type { OrderRequest } from '../../contracts/index.ts';
import type { DiscoveredConsumer } from '../../harness/discovery/types.ts';
import type { PlacedOrderTiming } from '../../harness/reports/buildOrderTrace.ts';
import type { HttpResult } from './publisherClient.ts';

// The scenario's own types: what the World keeps and the helpers read. Here, so that no helper imports the World.

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

/** A row of the rejected-orders table. */
export interface RefusalRow {
  request: string;
  status: number;
  names: string;
}

export interface WaitForProcessingOptions {
  /** Default: the order's expected consumers. */
  consumers?: readonly DiscoveredConsumer[];
  timeoutMs?: number;
}

/** One record put straight on a consumer queue. */
export interface InjectedRecord extends PlacedOrder {
  label: string;
  poison: boolean;
  /** The SQS message id, which the consumer reports in its outcome. */
  messageId: string;
}

export interface InjectedBatch {
  consumer: DiscoveredConsumer;
  records: InjectedRecord[];
}

export interface BurstResult {
  requested: number;
  accepted: PlacedOrder[];
  failures: string[];
  durationMs: number;
}

/** Makes a correlation id only this scenario uses, with a readable label. */
export type NewCorrelationId = (label?: string) => string;
