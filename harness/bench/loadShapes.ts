/**
 * Closed loop: `concurrency` clients, each starting its next item when
 * its previous one is done, until `count` items ran. Rejects with the first
 * failure once every client stopped.
 */
export async function runClosedLoop(options: {
  count: number;
  concurrency: number;
  run: (index: number) => Promise<void>;
}): Promise<void> {
  let next = 0;
  let failure: unknown;
  const client = async (): Promise<void> => {
    while (failure === undefined && next < options.count) {
      const index = next;
      next += 1;
      try {
        await options.run(index);
      } catch (error) {
        failure ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency, options.count) }, client));
  if (failure !== undefined) {
    throw failure;
  }
}

/**
 * Open loop: item `i` starts at `startedAt + i / ratePerSecond` whether or
 * not earlier ones finished, so a slow system cannot slow the arrivals
 * down (no coordinated omission). `run` gets the intended start time, from
 * which latency is measured. Resolves when every item finished.
 */
export async function runOpenLoop(options: {
  count: number;
  ratePerSecond: number;
  run: (index: number, intendedAt: number) => Promise<void>;
}): Promise<{ startedAt: number; lateStarts: number }> {
  const intervalMs = 1000 / options.ratePerSecond;
  const startedAt = performance.now();
  const running: Promise<void>[] = [];
  let failure: unknown;
  let lateStarts = 0;
  for (let index = 0; index < options.count && failure === undefined; index += 1) {
    const intendedAt = startedAt + index * intervalMs;
    const wait = intendedAt - performance.now();
    if (wait > 1) {
      await new Promise((resolve) => setTimeout(resolve, wait));
    } else if (wait < -intervalMs) {
      lateStarts += 1;
    }
    running.push(options.run(index, intendedAt).catch((error: unknown) => {
      failure ??= error;
    }));
  }
  await Promise.all(running);
  if (failure !== undefined) {
    throw failure;
  }
  return { startedAt, lateStarts };
}
