import type { DiscoveredConsumer } from '../../harness/discovery/types.ts';
import type { CollectedOutcome } from '../../harness/observation/OutcomeCollector.ts';
import type { ObservedPipeline } from './observedPipeline.ts';
import type { PlacedOrder } from './types.ts';

/** This order's outcomes from one consumer. */
export function outcomesOf(pipeline: Pick<ObservedPipeline, 'outcomes'>, order: Pick<PlacedOrder, 'orderId'>, consumer: DiscoveredConsumer): CollectedOutcome[] {
  return pipeline.outcomes.forOrder(order.orderId).filter((o) => o.outcome.functionName === consumer.functionName);
}
