import { disposalErrors } from '../lifecycle/disposalErrors.ts';

/**
 * What a stack started, stopped in reverse order (an `AsyncDisposableStack` underneath). Every step runs
 * even when an earlier one fails; running twice (a signal during close) does nothing the second time.
 */
export class Teardown {
  readonly #steps = new AsyncDisposableStack();
  #running: Promise<void> | undefined;

  /**
   * Registers a step; steps run last-in, first-out. Once teardown has begun (a signal during start),
   * the step runs at once and `add` throws, so that the start in progress stops there.
   */
  add(name: string, run: () => Promise<unknown>): void {
    if (this.#running) {
      run().catch(() => {});
      throw new Error(`interrupted: teardown had begun when "${name}" started; it is being stopped`);
    }
    this.#steps.defer(async () => {
      try {
        await run();
      } catch (error) {
        throw new Error(`${name}: ${(error as Error).message}`, { cause: error });
      }
    });
  }

  get started(): boolean {
    return this.#running !== undefined;
  }

  /** Runs every step once; rejects with an AggregateError naming the steps that failed. */
  run(): Promise<void> {
    this.#running ??= this.#runAll();
    return this.#running;
  }

  async #runAll(): Promise<void> {
    try {
      await this.#steps.disposeAsync();
    } catch (error) {
      const failures = disposalErrors(error) as Error[];
      throw new AggregateError(failures, `teardown failed: ${failures.map((f) => f.message).join('; ')}`, { cause: error });
    }
  }
}
