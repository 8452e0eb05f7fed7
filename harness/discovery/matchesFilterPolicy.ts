import { UnsupportedFilterPolicyError } from './errors.ts';
import type { FilterPolicy, MessageAttributes } from './types.ts';

/** One value an attribute offers to the conditions: a String is one string, a String.Array many. */
type Scalar = { kind: 'string'; value: string } | { kind: 'number'; value: number };

const NUMERIC_OPERATORS = new Set(['=', '<', '<=', '>', '>=']);
const OPERATORS = new Set(['exists', 'prefix', 'suffix', 'equals-ignore-case', 'numeric', 'anything-but']);

/**
 * Evaluates an SNS filter policy (scope `MessageAttributes`) against a message's attributes, as SNS
 * does when it decides whether a subscription gets a copy.
 *
 * Supported: exact strings and numbers, `prefix`, `suffix`, `equals-ignore-case`, `numeric` with
 * `=`, `<`, `<=`, `>`, `>=` (one or two comparisons), `anything-but` (a value, a list, or a `prefix`/
 * `suffix`), `exists`, and a top-level `$or`. Values in a key's list are OR'ed, keys are AND'ed.
 * Strings match String attributes, numbers match Number attributes, and a String.Array matches when
 * one of its elements does. A message without any attribute matches no policy that has a key.
 * Anything else (`wildcard`, `cidr`, nested keys) throws {@link UnsupportedFilterPolicyError}: an
 * expectation computed from a guess would be worse than none.
 */
export function matchesFilterPolicy(policy: FilterPolicy, attributes: MessageAttributes): boolean {
  const { $or: alternatives, ...keys } = policy;
  const hasAnyAttribute = Object.keys(attributes).length > 0;
  const matchesKeys = (group: Readonly<Record<string, unknown>>): boolean =>
    Object.entries(group).every(([name, conditions]) => matchesKey(name, conditions, attributes, hasAnyAttribute));
  if (!matchesKeys(keys)) return false;
  if (alternatives === undefined) return true;
  if (!Array.isArray(alternatives) || alternatives.length < 2) {
    throw new UnsupportedFilterPolicyError('"$or" must be a list of at least two policies');
  }
  return alternatives.some((alternative: unknown) => {
    if (!isRecord(alternative)) throw new UnsupportedFilterPolicyError(`"$or" entries must be objects, got ${JSON.stringify(alternative)}`);
    return matchesFilterPolicy(alternative, attributes);
  });
}

function matchesKey(name: string, conditions: unknown, attributes: MessageAttributes, hasAnyAttribute: boolean): boolean {
  if (!Array.isArray(conditions)) {
    throw new UnsupportedFilterPolicyError(
      `"${name}": a MessageAttributes policy lists conditions in an array (nested keys belong to MessageBody policies)`,
    );
  }
  const attribute = attributes[name];
  const scalars = attribute === undefined ? undefined : scalarsOf(name, attribute.DataType, attribute.StringValue);
  return conditions.some((condition: unknown) => matchesCondition(name, condition, scalars, hasAnyAttribute));
}

/** `undefined` scalars: the attribute is absent. An empty list: present but not comparable (Binary). */
function matchesCondition(name: string, condition: unknown, scalars: Scalar[] | undefined, hasAnyAttribute: boolean): boolean {
  if (typeof condition === 'string') return scalars?.some((s) => s.kind === 'string' && s.value === condition) ?? false;
  if (typeof condition === 'number') return scalars?.some((s) => s.kind === 'number' && s.value === condition) ?? false;
  if (!isRecord(condition)) {
    throw new UnsupportedFilterPolicyError(`"${name}": unsupported condition ${JSON.stringify(condition)}`);
  }
  const operators = Object.keys(condition);
  const operator = operators[0];
  if (operators.length !== 1 || operator === undefined) {
    throw new UnsupportedFilterPolicyError(`"${name}": a condition object holds exactly one operator, got ${JSON.stringify(condition)}`);
  }
  if (!OPERATORS.has(operator)) {
    throw new UnsupportedFilterPolicyError(`"${name}": operator "${operator}" is not supported by this matcher`);
  }
  const operand = condition[operator];
  if (operator === 'exists') {
    if (typeof operand !== 'boolean') throw new UnsupportedFilterPolicyError(`"${name}": "exists" takes true or false`);
    return operand ? scalars !== undefined : scalars === undefined && hasAnyAttribute;
  }
  if (scalars === undefined) return false;
  const strings = scalars.flatMap((s) => (s.kind === 'string' ? [s.value] : []));
  const numbers = scalars.flatMap((s) => (s.kind === 'number' ? [s.value] : []));
  switch (operator) {
    case 'prefix':
      return strings.some((value) => value.startsWith(stringOperand(name, operator, operand)));
    case 'suffix':
      return strings.some((value) => value.endsWith(stringOperand(name, operator, operand)));
    case 'equals-ignore-case': {
      const expected = stringOperand(name, operator, operand).toLowerCase();
      return strings.some((value) => value.toLowerCase() === expected);
    }
    case 'numeric': {
      const test = numericTest(name, operand);
      return numbers.some(test);
    }
    default: // anything-but
      return scalars.some((scalar) => !isExcluded(name, scalar, operand));
  }
}

function isExcluded(name: string, scalar: Scalar, excluded: unknown): boolean {
  if (typeof excluded === 'string' || typeof excluded === 'number') return scalar.value === excluded;
  if (Array.isArray(excluded)) {
    return excluded.some((entry: unknown) => {
      if (typeof entry !== 'string' && typeof entry !== 'number') {
        throw new UnsupportedFilterPolicyError(`"${name}": "anything-but" lists only strings and numbers`);
      }
      return scalar.value === entry;
    });
  }
  if (isRecord(excluded)) {
    const [operator, ...rest] = Object.keys(excluded);
    if (rest.length === 0 && (operator === 'prefix' || operator === 'suffix')) {
      const affix = stringOperand(name, `anything-but ${operator}`, excluded[operator]);
      if (scalar.kind !== 'string') return false;
      return operator === 'prefix' ? scalar.value.startsWith(affix) : scalar.value.endsWith(affix);
    }
  }
  throw new UnsupportedFilterPolicyError(`"${name}": unsupported "anything-but" operand ${JSON.stringify(excluded)}`);
}

/** `[">=", 0, "<", 100]` as a predicate; both comparisons must hold. */
function numericTest(name: string, operand: unknown): (value: number) => boolean {
  if (!Array.isArray(operand) || (operand.length !== 2 && operand.length !== 4)) {
    throw new UnsupportedFilterPolicyError(`"${name}": "numeric" takes [op, n] or [op, n, op, n], got ${JSON.stringify(operand)}`);
  }
  const comparisons: Array<(value: number) => boolean> = [];
  for (let i = 0; i < operand.length; i += 2) {
    const operator: unknown = operand[i];
    const bound: unknown = operand[i + 1];
    if (typeof operator !== 'string' || !NUMERIC_OPERATORS.has(operator) || typeof bound !== 'number') {
      throw new UnsupportedFilterPolicyError(`"${name}": "numeric" comparison ${JSON.stringify([operator, bound])} is not one of = < <= > >= with a number`);
    }
    comparisons.push(compare(operator, bound));
  }
  return (value) => comparisons.every((comparison) => comparison(value));
}

function compare(operator: string, bound: number): (value: number) => boolean {
  switch (operator) {
    case '=':
      return (value) => value === bound;
    case '<':
      return (value) => value < bound;
    case '<=':
      return (value) => value <= bound;
    case '>':
      return (value) => value > bound;
    default:
      return (value) => value >= bound;
  }
}

function scalarsOf(name: string, dataType = '', value = ''): Scalar[] {
  if (dataType === 'String.Array') return arrayScalars(name, value);
  // Custom types ("Number.float", "String.label") compare like their base type.
  const base = dataType.split('.')[0];
  if (base === 'String') return [{ kind: 'string', value }];
  if (base === 'Number') {
    const number = Number(value);
    return value.trim() !== '' && Number.isFinite(number) ? [{ kind: 'number', value: number }] : [];
  }
  return [];
}

function arrayScalars(name: string, text: string): Scalar[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new UnsupportedFilterPolicyError(`attribute "${name}" is a String.Array whose value is not a JSON array`);
  }
  if (!Array.isArray(parsed)) throw new UnsupportedFilterPolicyError(`attribute "${name}" is a String.Array whose value is not a JSON array`);
  return parsed.flatMap((element: unknown): Scalar[] => {
    if (typeof element === 'string') return [{ kind: 'string', value: element }];
    if (typeof element === 'number') return [{ kind: 'number', value: element }];
    return [];
  });
}

function stringOperand(name: string, operator: string, operand: unknown): string {
  if (typeof operand !== 'string') throw new UnsupportedFilterPolicyError(`"${name}": "${operator}" takes a string`);
  return operand;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
