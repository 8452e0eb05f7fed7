import { isIP } from 'node:net';
import { InvalidParameterException } from '../errors.ts';

/** Where a filter policy applies: message attributes allow no nesting, a message body does. */
export type FilterPolicyScope = 'MessageAttributes' | 'MessageBody';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * Rejects a filter policy SNS rejects, worded as SNS words it (LocalStack's AWS-validated snapshots in
 * `test_sns_filter_policy.py`: `test_validate_policy`, `_string_operators`, `_numeric_operator`,
 * `_exists_operator`, `_nested_anything_but_operator`, `test_sub_filter_policy_nested_property`;
 * `test_sns.py::TestSNSSubscriptionCrud::test_validate_set_sub_attributes`;
 * https://docs.aws.amazon.com/sns/latest/dg/sns-subscription-filter-policies.html).
 * `prefix` is `Invalid parameter: Attributes Reason: ` for Subscribe and `Invalid parameter: ` for
 * SetSubscriptionAttributes. AWS appends its JSON parser's location (`at [Source: …; line: 1, column: N]`);
 * these messages stop before it. The size and complexity limits stay fauxqs's.
 */
export function validateFilterPolicy(policyJson: string, scope: FilterPolicyScope, prefix: string): void {
  const fail = (reason: string): never => {
    throw new InvalidParameterException(`${prefix}FilterPolicy: ${reason}`);
  };
  let policy: Json;
  try {
    policy = JSON.parse(policyJson);
  } catch (error) {
    return fail(`failed to parse JSON. ${error instanceof Error ? error.message : ''}`.trimEnd());
  }
  if (!isObject(policy)) return fail('failed to parse JSON. The filter policy is not a JSON object');
  const nested = walk(policy, 1, fail);
  if (nested && scope === 'MessageAttributes') {
    throw new InvalidParameterException(`${prefix}Filter policy scope MessageAttributes does not support nested filter policy`);
  }
}

/** Whether a valid filter policy nests objects (allowed only with the MessageBody scope). */
export function isNestedFilterPolicy(policyJson: string): boolean {
  try {
    const policy: Json = JSON.parse(policyJson);
    return isObject(policy) && Object.entries(policy).some(([key, value]) => key !== '$or' && isObject(value));
  } catch {
    return false;
  }
}

/** Checks every key's rules; answers whether any key nests an object. */
function walk(policy: { [key: string]: Json }, depth: number, fail: (reason: string) => never): boolean {
  let nested = depth > 1;
  for (const [key, value] of Object.entries(policy)) {
    if (Array.isArray(value)) {
      if (value.length === 0) fail('Empty arrays are not allowed');
      if (key === '$or') {
        for (const branch of value) {
          if (!isObject(branch)) fail('"$or" must be an object or an array');
          else nested = walk(branch, depth, fail) || nested;
        }
      } else {
        for (const rule of value) validateRule(rule, fail);
      }
    } else if (isObject(value)) {
      nested = walk(value, depth + 1, fail) || nested;
    } else {
      fail(`"${key}" must be an object or an array`);
    }
  }
  return nested;
}

function validateRule(rule: Json, fail: (reason: string) => never): void {
  if (rule === null || typeof rule !== 'object') return;
  if (Array.isArray(rule)) return fail('Match value must be String, number, true, false, or null');
  const entries = Object.entries(rule);
  const [first] = entries;
  if (!first || entries.length !== 1) return fail('Only one key allowed in match expression');
  const [operator, operand] = first;
  switch (operator) {
    case 'prefix':
    case 'suffix':
    case 'equals-ignore-case':
      if (typeof operand !== 'string') fail(`${operator} match pattern must be a string`);
      return;
    case 'anything-but':
      if (Array.isArray(operand)) {
        for (const inner of operand) validateRule(inner, fail);
      } else if (isObject(operand)) {
        for (const inner of Object.keys(operand)) if (inner !== 'prefix') fail(`Unsupported anything-but pattern: ${inner}`);
        validateRule(operand, fail);
      }
      return;
    case 'exists':
      if (typeof operand !== 'boolean') fail('exists match pattern must be either true or false.');
      return;
    case 'numeric':
      validateNumeric(Array.isArray(operand) ? operand : [], fail);
      return;
    case 'cidr':
      validateCidr(operand, fail);
      return;
    default:
      fail(`Unrecognized match type ${operator}`);
  }
}

/** `["=", 5]`, `[">", 0]`, `[">=", 0, "<", 10]`: an operator, a number, and for a range a closing pair. */
function validateNumeric(terms: Json[], fail: (reason: string) => never): void {
  const [operator, value, upperOperator, upperValue, ...rest] = terms;
  if (terms.length === 0) fail('Invalid member in numeric match: ]');
  if (typeof operator !== 'string') return fail(`Invalid member in numeric match: ${String(operator)}`);
  if (!['<', '<=', '=', '>', '>='].includes(operator)) fail(`Unrecognized numeric range operator: ${operator}`);
  if (typeof value !== 'number') fail(`Value of ${operator === '=' ? 'equals' : operator} must be numeric`);
  if (terms.length === 2) return;
  if (operator !== '>' && operator !== '>=') fail('Too many elements in numeric expression');
  if (typeof upperOperator !== 'string') return fail(`Bad value in numeric range: ${String(upperOperator)}`);
  if (upperOperator !== '<' && upperOperator !== '<=') fail(`Bad numeric range operator: ${upperOperator}`);
  if (typeof upperValue !== 'number') return fail(`Value of ${upperOperator} must be numeric`);
  if (typeof value === 'number' && upperValue <= value) fail('Bottom must be less than top');
  if (rest.length > 0) fail('Too many terms in numeric range expression');
}

function validateCidr(operand: Json, fail: (reason: string) => never): void {
  if (typeof operand !== 'string') return fail('prefix match pattern must be a string');
  const parts = operand.split('/');
  if (parts.length !== 2) return fail("Malformed CIDR, one '/' required");
  const [address = '', bits = ''] = parts;
  if (!/^\d+$/.test(bits)) fail('Malformed CIDR, mask bits must be an integer');
  if (isIP(address) === 0) fail(`Nonstandard IP address: ${address}`);
}

function isObject(value: Json): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
