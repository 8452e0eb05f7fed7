import { InvalidParameterException } from '../errors.ts';
import { answer, forward } from '../queryParams.ts';
import { snsResultXml } from '../snsXml.ts';
import type { AdditionStores, QueryParams, SnsOutcome } from '../types.ts';
import { isNestedFilterPolicy } from '../validation/filterPolicy.ts';
import { isFilterPolicyScope, SET_ATTRIBUTES_PREFIX, validateSubscriptionAttribute } from '../validation/subscriptionAttributes.ts';

/**
 * SetSubscriptionAttributes: the value is checked as AWS checks it before fauxqs stores it ("Invalid
 * parameter: RawMessageDelivery: Invalid value [x]. Must be true or false.", "Invalid parameter:
 * FilterPolicy: failed to parse JSON.", …; LocalStack's AWS-validated snapshot
 * `test_sns.py::TestSNSSubscriptionCrud::test_validate_set_sub_attributes`). Switching to the
 * MessageAttributes scope under a nested filter policy is refused (`test_sns_filter_policy.py::
 * …::test_sub_filter_policy_nested_property`). A `RedrivePolicy` without a value removes it, as the Terraform
 * provider expects when a `redrive_policy` is dropped. Unknown subscriptions stay fauxqs's (404 NotFound).
 */
export function setSubscriptionAttributes(params: QueryParams, stores: AdditionStores): SnsOutcome {
  const subscription = params.SubscriptionArn ? stores.snsStore?.getSubscription(params.SubscriptionArn) : undefined;
  if (!subscription || params.AttributeName === undefined) return forward(params);
  const name = params.AttributeName;
  const value = params.AttributeValue ?? '';
  const currentScope = subscription.attributes.FilterPolicyScope;
  const filterPolicyScope = isFilterPolicyScope(currentScope) ? currentScope : 'MessageAttributes';
  validateSubscriptionAttribute(name, value, { prefix: SET_ATTRIBUTES_PREFIX, filterPolicyScope });
  const policy = subscription.attributes.FilterPolicy;
  if (name === 'FilterPolicyScope' && value === 'MessageAttributes' && policy && isNestedFilterPolicy(policy)) {
    throw new InvalidParameterException(`${SET_ATTRIBUTES_PREFIX}Filter policy scope MessageAttributes does not support nested filter policy`);
  }
  if (name === 'RedrivePolicy' && value === '') {
    delete subscription.attributes.RedrivePolicy;
    stores.snsStore?.persistence?.updateSubscriptionAttributes(subscription.arn, subscription.attributes);
    return answer(snsResultXml('SetSubscriptionAttributes', ''));
  }
  return forward(params);
}
