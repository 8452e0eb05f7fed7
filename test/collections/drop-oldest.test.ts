import { describe, expect, it } from '@jest/globals';
import { dropOldest } from '../../harness/collections/dropOldest.ts';

describe('dropping the oldest elements of a ring', () => {
  it('drops none, one or several from the front, keeping the order of the rest', () => {
    const ring = [1, 2, 3, 4, 5];

    dropOldest(ring, 0);
    expect(ring).toEqual([1, 2, 3, 4, 5]);
    dropOldest(ring, 1);
    expect(ring).toEqual([2, 3, 4, 5]);
    dropOldest(ring, 3);
    expect(ring).toEqual([5]);
  });
});
