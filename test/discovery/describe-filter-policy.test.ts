import { describe, expect, it } from '@jest/globals';
import { describeFilterPolicy } from '../../harness/discovery/describeFilterPolicy.ts';

describe('describeFilterPolicy', () => {
  it.each([
    [null, 'every message'],
    [{}, 'every message'],
    [{ orderTotal: [{ numeric: ['>=', 50000] }] }, 'orderTotal ≥ 50000'],
    [{ orderTotal: [{ numeric: ['>', 0, '<=', 100] }] }, 'orderTotal > 0 and orderTotal ≤ 100'],
    [{ currency: ['EUR', 'USD'], eventType: [{ prefix: 'Order' }] }, 'currency = EUR or USD and eventType starts with Order'],
    [{ currency: ['EUR', { 'anything-but': ['USD'] }] }, '(currency = EUR or currency is anything but USD)'],
    [{ region: [{ exists: false }] }, 'region is absent'],
    [{ $or: [{ a: ['1'] }, { b: [{ suffix: 'x' }] }] }, '(a = 1) or (b ends with x)'],
    [{ ip: [{ cidr: '10.0.0.0/8' }] }, 'ip {"cidr":"10.0.0.0/8"}'],
  ])('%j reads "%s"', (policy, words) => {
    expect(describeFilterPolicy(policy)).toBe(words);
  });
});
