import { forward, mapEntries } from '../queryParams.ts';
import type { AdditionStores, QueryParams, SnsOutcome } from '../types.ts';
import { isFilterPolicyScope, SUBSCRIBE_PREFIX, validateSubscriptionAttribute } from '../validation/subscriptionAttributes.ts';

/**
 * Subscribe: its `Attributes` are checked as AWS checks them before fauxqs stores the subscription (a bad
 * `RawMessageDelivery`, `FilterPolicyScope`, `RedrivePolicy` or `FilterPolicy` is a 400 InvalidParameter
 * "Invalid parameter: Attributes Reason: …"; fauxqs 2.4.1 stores the first three as given and answers a
 * filter policy that is not JSON with an HTTP 500).
 */
export function subscribe(params: QueryParams, _stores: AdditionStores): SnsOutcome {
  const attributes = mapEntries(params, 'Attributes.entry');
  const scope = attributes.find(([name]) => name === 'FilterPolicyScope')?.[1];
  const filterPolicyScope = isFilterPolicyScope(scope) ? scope : 'MessageAttributes';
  for (const [name, value] of attributes) {
    validateSubscriptionAttribute(name, value, { prefix: SUBSCRIBE_PREFIX, filterPolicyScope });
  }
  return forward(params);
}
