import { describe, expect, it } from '@jest/globals';
import { pollFor, pollUntil } from '../../harness/waiting/pollUntil.ts';

describe('pollUntil (the SDK waiter machinery)', () => {
  it('reads until the condition holds and returns that value', async () => {
    let reads = 0;
    const polled = await pollUntil(() => (reads += 1), (value) => value === 3, { timeoutMs: 5000, intervalMs: 5 });

    expect(polled).toEqual({ done: true, value: 3 });
  });

  it('returns the last value read, not done, once the deadline passes', async () => {
    let reads = 0;
    const began = Date.now();
    const polled = await pollUntil(() => (reads += 1), () => false, { timeoutMs: 200, intervalMs: 20 });

    expect(polled.done).toBe(false);
    expect(polled.value).toBe(reads);
    expect(reads).toBeGreaterThan(1);
    expect(Date.now() - began).toBeGreaterThanOrEqual(150);
  });

  it('ends the wait with the error of a read that throws', async () => {
    await expect(pollUntil(() => {
      throw new Error('GetEventSourceMapping refused');
    }, () => true, { timeoutMs: 1000, intervalMs: 5 })).rejects.toThrow('GetEventSourceMapping refused');
  });

  it('pollFor gives undefined at the deadline and the first answer otherwise', async () => {
    expect(await pollFor(() => undefined, { timeoutMs: 50, intervalMs: 10 })).toBeUndefined();
    expect(await pollFor(() => 'found', { timeoutMs: 50, intervalMs: 10 })).toBe('found');
  });
});
