/** The part of `process` that signal handling needs; tests pass an EventEmitter. */
export interface SignalTarget {
  once(signal: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void): unknown;
  removeListener(signal: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void): unknown;
  kill(pid: number, signal: NodeJS.Signals): unknown;
  readonly pid: number;
}

export interface TeardownOnSignalsOptions {
  signals?: readonly NodeJS.Signals[];
  target?: SignalTarget;
  /** Called when the teardown itself fails. */
  onError?: (error: unknown) => void;
}

/**
 * On SIGINT/SIGTERM, runs `teardown` and then re-raises the signal so the process ends as it would have
 * (our listener is gone by then, so Node's default or the caller's own handling applies).
 * Returns the function that unregisters the handlers once the stack is closed normally.
 */
export function teardownOnSignals(teardown: () => Promise<void>, options: TeardownOnSignalsOptions = {}): () => void {
  const target = options.target ?? process;
  const signals = options.signals ?? ['SIGINT', 'SIGTERM'];
  const unregister = (): void => {
    for (const signal of signals) target.removeListener(signal, onSignal);
  };
  function onSignal(signal: NodeJS.Signals): void {
    unregister();
    teardown()
      .catch((error: unknown) => (options.onError ?? console.error)(error))
      .finally(() => target.kill(target.pid, signal));
  }
  for (const signal of signals) target.once(signal, onSignal);
  return unregister;
}
