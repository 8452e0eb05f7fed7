import { parseArn } from '../../../aws/arn.ts';
import { InvalidParameterException } from '../errors.ts';
import { validateFilterPolicy, type FilterPolicyScope } from './filterPolicy.ts';

/** The attributes Subscribe and SetSubscriptionAttributes accept (https://docs.aws.amazon.com/sns/latest/api/API_SetSubscriptionAttributes.html). */
export const SUBSCRIPTION_ATTRIBUTE_NAMES: ReadonlySet<string> = new Set([
  'DeliveryPolicy',
  'FilterPolicy',
  'FilterPolicyScope',
  'RawMessageDelivery',
  'RedrivePolicy',
  'SubscriptionRoleArn',
  'ReplayPolicy',
]);

/** Subscribe words its attribute errors `Invalid parameter: Attributes Reason: …`, SetSubscriptionAttributes `Invalid parameter: …`. */
export const SUBSCRIBE_PREFIX = 'Invalid parameter: Attributes Reason: ';
export const SET_ATTRIBUTES_PREFIX = 'Invalid parameter: ';

/**
 * Rejects a subscription attribute SNS rejects instead of storing it (LocalStack's AWS-validated snapshots
 * `test_sns.py::TestSNSSubscriptionCrud::test_validate_set_sub_attributes`,
 * `::test_create_subscriptions_with_attributes`, `TestSNSSubscriptionCrudV2::test_subscribe_invalid_filter_policy`,
 * `test_sns_filter_policy.py::…::test_set_subscription_filter_policy_scope`). An empty value removes
 * a policy, so it passes. `filterPolicyScope` is the scope the subscription will have.
 */
export function validateSubscriptionAttribute(
  name: string,
  value: string,
  options: { prefix: string; filterPolicyScope: FilterPolicyScope },
): void {
  const { prefix } = options;
  if (!SUBSCRIPTION_ATTRIBUTE_NAMES.has(name)) throw new InvalidParameterException(`${prefix}AttributeName`);
  switch (name) {
    case 'RawMessageDelivery':
      if (!['true', 'false'].includes(value.toLowerCase())) {
        throw new InvalidParameterException(`${prefix}RawMessageDelivery: Invalid value [${value}]. Must be true or false.`);
      }
      return;
    case 'FilterPolicyScope':
      if (!isFilterPolicyScope(value)) {
        throw new InvalidParameterException(
          `${prefix}FilterPolicyScope: Invalid value [${value}]. Please use either MessageBody or MessageAttributes`,
        );
      }
      return;
    case 'FilterPolicy':
      if (value !== '') validateFilterPolicy(value, options.filterPolicyScope, prefix);
      return;
    case 'RedrivePolicy':
      if (value !== '') validateRedrivePolicy(value, prefix);
      return;
    default:
      return;
  }
}

/** Whether a value names a filter policy scope. */
export function isFilterPolicyScope(value: string | undefined): value is FilterPolicyScope {
  return value === 'MessageAttributes' || value === 'MessageBody';
}

/** A subscription's dead-letter queue: JSON naming `deadLetterTargetArn`, which must be an ARN. */
function validateRedrivePolicy(value: string, prefix: string): void {
  let policy: unknown;
  try {
    policy = JSON.parse(value);
  } catch (error) {
    const detail = error instanceof Error ? ` ${error.message}` : '';
    throw new InvalidParameterException(`${prefix}RedrivePolicy: failed to parse JSON.${detail}`);
  }
  const target = typeof policy === 'object' && policy !== null && 'deadLetterTargetArn' in policy ? policy.deadLetterTargetArn : undefined;
  if (typeof target !== 'string' || !parseArn(target)) {
    throw new InvalidParameterException(`${prefix}RedrivePolicy: deadLetterTargetArn is an invalid arn`);
  }
}
