import type { FilterPolicy } from './types.ts';

const NUMERIC_WORDS: Readonly<Record<string, string>> = { '=': '=', '<': '<', '<=': '≤', '>': '>', '>=': '≥' };

/**
 * A filter policy in words for diagrams and reports, e.g. `orderTotal ≥ 50000` or
 * `currency = EUR or USD and eventType starts with Order`. Constructs it has no words for stay JSON.
 */
export function describeFilterPolicy(policy: FilterPolicy | null): string {
  if (policy === null) return 'every message';
  const { $or: alternatives, ...keys } = policy;
  const parts = Object.entries(keys).map(([name, conditions]) => describeKey(name, conditions));
  if (Array.isArray(alternatives)) {
    const branches = alternatives.map((branch: unknown) =>
      typeof branch === 'object' && branch !== null ? `(${describeFilterPolicy(branch as FilterPolicy)})` : JSON.stringify(branch),
    );
    parts.push(branches.join(' or '));
  }
  return parts.length === 0 ? 'every message' : parts.join(' and ');
}

function describeKey(name: string, conditions: unknown): string {
  if (!Array.isArray(conditions)) return `${name} ${JSON.stringify(conditions)}`;
  const exact = conditions.filter((c: unknown) => typeof c === 'string' || typeof c === 'number');
  const others = conditions.filter((c: unknown) => typeof c !== 'string' && typeof c !== 'number');
  const words = [
    ...(exact.length > 0 ? [`${name} = ${exact.join(' or ')}`] : []),
    ...others.map((condition: unknown) => describeCondition(name, condition)),
  ];
  return words.length > 1 ? `(${words.join(' or ')})` : (words[0] ?? `${name} matches nothing`);
}

function describeCondition(name: string, condition: unknown): string {
  if (typeof condition !== 'object' || condition === null) return `${name} = ${JSON.stringify(condition)}`;
  const [operator, operand] = Object.entries(condition)[0] ?? [];
  if (operator === 'numeric' && Array.isArray(operand)) {
    const comparisons: string[] = [];
    for (let i = 0; i < operand.length; i += 2) {
      comparisons.push(`${name} ${NUMERIC_WORDS[String(operand[i])] ?? String(operand[i])} ${String(operand[i + 1])}`);
    }
    return comparisons.join(' and ');
  }
  if (operator === 'prefix') return `${name} starts with ${String(operand)}`;
  if (operator === 'suffix') return `${name} ends with ${String(operand)}`;
  if (operator === 'exists') return operand === true ? `${name} is present` : `${name} is absent`;
  if (operator === 'anything-but') {
    return `${name} is anything but ${Array.isArray(operand) ? operand.join(', ') : typeof operand === 'object' ? JSON.stringify(operand) : String(operand)}`;
  }
  return `${name} ${JSON.stringify(condition)}`;
}
