import { Worker } from 'node:worker_threads';

/**
 * Keeps one core busy (a worker thread spinning) until disposed: the "under load" of the speed issue's
 * "green 5 times in a row with one core held busy", as a CI neighbour would.
 */
export function holdCoreBusy(): AsyncDisposable {
  const spinner = new Worker('for (;;) {}', { eval: true });
  spinner.unref();
  return {
    [Symbol.asyncDispose]: async () => {
      await spinner.terminate();
    },
  };
}
