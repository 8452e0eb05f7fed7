import { EventEmitter } from 'node:events';
import { describe, expect, it } from '@jest/globals';
import { teardownOnSignals, type SignalTarget } from '../../harness/backends/teardownOnSignals.ts';

class FakeProcess extends EventEmitter implements SignalTarget {
  readonly pid = 4242;
  readonly killed: [number, NodeJS.Signals][] = [];
  kill(pid: number, signal: NodeJS.Signals): boolean {
    this.killed.push([pid, signal]);
    return true;
  }
}

describe('teardownOnSignals', () => {
  it('tears down on SIGINT, then re-raises the signal with its own listeners gone', async () => {
    const target = new FakeProcess();
    let resolve = (): void => {};
    const tornDown = new Promise<void>((done) => {
      resolve = done;
    });
    teardownOnSignals(async () => resolve(), { target });

    target.emit('SIGINT', 'SIGINT');
    await tornDown;
    await new Promise((done) => setImmediate(done));

    expect(target.killed).toEqual([[4242, 'SIGINT']]);
    expect(target.listenerCount('SIGINT')).toBe(0);
    expect(target.listenerCount('SIGTERM')).toBe(0);
  });

  it('handles SIGTERM too, and unregisters when the stack closes normally', () => {
    const target = new FakeProcess();

    const unregister = teardownOnSignals(async () => {}, { target });
    expect(target.listenerCount('SIGTERM')).toBe(1);
    unregister();

    expect(target.listenerCount('SIGINT')).toBe(0);
    expect(target.listenerCount('SIGTERM')).toBe(0);
  });

  it('still re-raises when the teardown fails, reporting the failure', async () => {
    const target = new FakeProcess();
    const reported: unknown[] = [];
    let resolve = (): void => {};
    const failed = new Promise<void>((done) => {
      resolve = done;
    });
    teardownOnSignals(async () => {
      resolve();
      throw new Error('docker gone');
    }, { target, onError: (error) => reported.push(error) });

    target.emit('SIGTERM', 'SIGTERM');
    await failed;
    await new Promise((done) => setImmediate(done));

    expect(reported).toHaveLength(1);
    expect(target.killed).toEqual([[4242, 'SIGTERM']]);
  });
});
