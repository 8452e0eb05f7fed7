import { UnsupportedFilterPolicyError } from './errors.ts';
import { matchesFilterPolicy } from './matchesFilterPolicy.ts';
import { FilterPolicyScope, type DiscoveredConsumer, type MessageAttributes } from './types.ts';

/**
 * The consumers SNS delivers a message with these attributes to: those without a filter policy, plus
 * those whose policy matches. Body-scoped policies are refused rather than guessed.
 */
export function expectedConsumers(discovered: readonly DiscoveredConsumer[], attributes: MessageAttributes): DiscoveredConsumer[] {
  return discovered.filter((consumer) => {
    if (consumer.filterPolicy === null) return true;
    if (consumer.filterPolicyScope !== FilterPolicyScope.messageAttributes) {
      throw new UnsupportedFilterPolicyError(
        `${consumer.functionName}: filter policy scope ${consumer.filterPolicyScope} is not evaluated; only MessageAttributes is`,
      );
    }
    return matchesFilterPolicy(consumer.filterPolicy, attributes);
  });
}
