import { describe, expect, it } from '@jest/globals';
import { UnsupportedFilterPolicyError } from '../../harness/discovery/errors.ts';
import { matchesFilterPolicy } from '../../harness/discovery/matchesFilterPolicy.ts';
import type { FilterPolicy, MessageAttributes } from '../../harness/discovery/types.ts';

const order: MessageAttributes = {
  eventType: { DataType: 'String', StringValue: 'OrderPlaced' },
  currency: { DataType: 'String', StringValue: 'EUR' },
  orderTotal: { DataType: 'Number', StringValue: '50000' },
  tags: { DataType: 'String.Array', StringValue: '["gift", "express", 7]' },
  blob: { DataType: 'Binary', BinaryValue: new Uint8Array([1]) },
};

const cases: Array<[string, FilterPolicy, boolean]> = [
  ['exact string', { currency: ['EUR'] }, true],
  ['exact string, other value', { currency: ['USD'] }, false],
  ['OR across values', { currency: ['USD', 'EUR'] }, true],
  ['AND across keys', { currency: ['EUR'], eventType: ['OrderCancelled'] }, false],
  ['AND across keys, all hold', { currency: ['EUR'], eventType: ['OrderPlaced'] }, true],
  ['exact number', { orderTotal: [50000] }, true],
  ['exact number, other value', { orderTotal: [49999] }, false],
  ['a string never equals a Number attribute', { orderTotal: ['50000'] }, false],
  ['a number never equals a String attribute', { currency: [3] }, false],
  ['numeric >= at the bound', { orderTotal: [{ numeric: ['>=', 50000] }] }, true],
  ['numeric > at the bound', { orderTotal: [{ numeric: ['>', 50000] }] }, false],
  ['numeric <', { orderTotal: [{ numeric: ['<', 50001] }] }, true],
  ['numeric <=', { orderTotal: [{ numeric: ['<=', 49999] }] }, false],
  ['numeric =', { orderTotal: [{ numeric: ['=', 50000] }] }, true],
  ['numeric range inside', { orderTotal: [{ numeric: ['>', 0, '<=', 50000] }] }, true],
  ['numeric range outside', { orderTotal: [{ numeric: ['>', 0, '<', 50000] }] }, false],
  ['numeric on a String attribute', { currency: [{ numeric: ['>', 0] }] }, false],
  ['prefix', { eventType: [{ prefix: 'Order' }] }, true],
  ['prefix, no match', { eventType: [{ prefix: 'Payment' }] }, false],
  ['suffix', { eventType: [{ suffix: 'Placed' }] }, true],
  ['equals-ignore-case', { currency: [{ 'equals-ignore-case': 'eur' }] }, true],
  ['anything-but a value', { currency: [{ 'anything-but': 'USD' }] }, true],
  ['anything-but the value itself', { currency: [{ 'anything-but': 'EUR' }] }, false],
  ['anything-but a list', { currency: [{ 'anything-but': ['USD', 'EUR'] }] }, false],
  ['anything-but a number', { orderTotal: [{ 'anything-but': [50000] }] }, false],
  ['anything-but a prefix', { eventType: [{ 'anything-but': { prefix: 'Pay' } }] }, true],
  ['anything-but a matching prefix', { eventType: [{ 'anything-but': { prefix: 'Ord' } }] }, false],
  ['anything-but on an absent attribute', { region: [{ 'anything-but': 'eu' }] }, false],
  ['exists true', { currency: [{ exists: true }] }, true],
  ['exists true, absent', { region: [{ exists: true }] }, false],
  ['exists false, absent', { region: [{ exists: false }] }, true],
  ['exists false, present', { currency: [{ exists: false }] }, false],
  ['exists true on a Binary attribute', { blob: [{ exists: true }] }, true],
  ['exact on a Binary attribute', { blob: ['AQ=='] }, false],
  ['String.Array: one element matches', { tags: ['express'] }, true],
  ['String.Array: numbers inside', { tags: [{ numeric: ['>', 5] }] }, true],
  ['String.Array: no element matches', { tags: ['fragile'] }, false],
  ['an absent key fails an exact condition', { region: ['eu-west-1'] }, false],
  ['mixing operators in one list', { orderTotal: [1, { numeric: ['>=', 40000] }] }, true],
  ['$or: one branch holds', { $or: [{ currency: ['USD'] }, { orderTotal: [{ numeric: ['>=', 50000] }] }] }, true],
  ['$or: no branch holds', { $or: [{ currency: ['USD'] }, { orderTotal: [{ numeric: ['<', 100] }] }] }, false],
  ['$or with a shared AND key', { eventType: ['OrderCancelled'], $or: [{ currency: ['EUR'] }, { currency: ['USD'] }] }, false],
  ['an empty policy', {}, true],
];

describe('matchesFilterPolicy', () => {
  it.each(cases)('%s', (_name, policy, expected) => {
    expect(matchesFilterPolicy(policy, order)).toBe(expected);
  });

  it('the fraud-screening threshold splits orders at 500.00', () => {
    const policy = { orderTotal: [{ numeric: ['>=', 50000] }] };
    const total = (minor: number): MessageAttributes => ({ orderTotal: { DataType: 'Number', StringValue: String(minor) } });

    expect([49999, 50000, 120000].map((minor) => matchesFilterPolicy(policy, total(minor)))).toEqual([false, true, true]);
  });

  it('a message without attributes matches no keyed policy, not even exists:false', () => {
    expect(matchesFilterPolicy({ currency: [{ exists: false }] }, {})).toBe(false);
    expect(matchesFilterPolicy({ currency: ['EUR'] }, {})).toBe(false);
  });

  it('custom attribute types compare as their base type', () => {
    const attributes: MessageAttributes = { weight: { DataType: 'Number.kg', StringValue: '2.5' } };

    expect(matchesFilterPolicy({ weight: [{ numeric: ['>', 2] }] }, attributes)).toBe(true);
  });

  it.each<[string, FilterPolicy]>([
    ['wildcard', { currency: [{ wildcard: 'E*' }] }],
    ['cidr', { ip: [{ cidr: '10.0.0.0/8' }] }],
    ['nested keys (MessageBody grammar)', { customer: { id: ['c-1'] } }],
    ['a numeric operator outside = < <= > >=', { orderTotal: [{ numeric: ['!=', 1] }] }],
    ['a condition object with two operators', { currency: [{ prefix: 'E', suffix: 'R' }] }],
  ])('refuses %s instead of guessing', (_name, policy) => {
    expect(() => matchesFilterPolicy(policy, order)).toThrow(UnsupportedFilterPolicyError);
  });
});
