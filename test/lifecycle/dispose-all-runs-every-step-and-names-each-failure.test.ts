import { describe, expect, it } from '@jest/globals';
import { closeOnce, disposeAll } from '../../harness/lifecycle/disposeAll.ts';

describe('disposeAll', () => {
  it('runs the steps last-in first-out, each one even after a failure, and names every failure in order', async () => {
    const ran: string[] = [];
    const stack = new AsyncDisposableStack();
    stack.defer(async () => {
      ran.push('queues');
      throw new Error('queues gone');
    });
    stack.defer(() => {
      ran.push('pollers');
    });
    stack.defer(async () => {
      ran.push('edge');
      throw new Error('edge stuck');
    });

    await expect(disposeAll(stack)).rejects.toThrow('closing failed: edge stuck; queues gone');
    expect(ran).toEqual(['edge', 'pollers', 'queues']);
  });

  it('rethrows a single failure as it is', async () => {
    const failure = new Error('publisher did not stop');
    const stack = new AsyncDisposableStack();
    stack.defer(() => {});
    stack.defer(async () => {
      throw failure;
    });

    await expect(disposeAll(stack)).rejects.toBe(failure);
  });

  it('closes once when closed twice at the same time', async () => {
    let runs = 0;
    const stack = new AsyncDisposableStack();
    stack.defer(async () => {
      runs += 1;
    });
    const close = closeOnce(stack);

    await Promise.all([close(), close()]);

    expect(runs).toBe(1);
  });
});
