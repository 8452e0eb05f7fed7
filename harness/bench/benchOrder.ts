import { buildOrderPlaced, exampleOrder, orderMessageAttributes, type OrderRequest } from '../../contracts/index.ts';
import { matchesFilterPolicy } from '../discovery/matchesFilterPolicy.ts';
import { loadTopology } from '../topology/loadTopology.ts';
import { consumerResourceNames } from '../topology/resourceNames.ts';

/** The order every bench client posts: 47.48 EUR, accepted by every consumer's handler. */
export const BENCH_ORDER: OrderRequest = exampleOrder;

export interface BenchConsumer {
  consumer: string;
  functionName: string;
}

/**
 * The consumers SNS delivers the bench order to, read from the topology
 * (the publisher's attributes against each filter policy): the two
 * unfiltered ones, since the order stays under fraud screening's 500 EUR.
 */
export async function benchOrderConsumers(overlays: readonly string[] = []): Promise<BenchConsumer[]> {
  const topology = await loadTopology({ overlays });
  const event = buildOrderPlaced(BENCH_ORDER);
  const attributes = orderMessageAttributes(event, 'bench');
  return Object.entries(topology.consumers)
    .filter(([, consumer]) => consumer.filter_policy === null || matchesFilterPolicy(consumer.filter_policy, attributes))
    .map(([name]) => ({ consumer: name, functionName: consumerResourceNames(topology, name).functionName }))
    .sort((a, b) => a.consumer.localeCompare(b.consumer));
}
