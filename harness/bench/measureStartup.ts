import { EmbeddedBackend } from '../backends/embedded/EmbeddedBackend.ts';
import { summarize, type Summary } from './percentiles.ts';

export interface StartupResult {
  repetitions: number;
  /** `new EmbeddedBackend({ buildLambdas: false }).start()` (the bundles are built once, before) until the stack is provisioned and the publisher listens. */
  stackUp: Summary;
  /** `close()` of the same stacks. */
  close: Summary;
}

/** Times provisioned embedded stacks, each closed before the next starts. */
export async function measureStartup(options: { repetitions: number }): Promise<StartupResult> {
  const ups: number[] = [];
  const closes: number[] = [];
  for (let i = 0; i < options.repetitions; i += 1) {
    const started = performance.now();
    const stack = await new EmbeddedBackend({ buildLambdas: false }).start();
    ups.push(performance.now() - started);
    const closing = performance.now();
    await stack.close();
    closes.push(performance.now() - closing);
  }
  return { repetitions: options.repetitions, stackUp: summarize(ups), close: summarize(closes) };
}
