import type { SQSClient } from '@aws-sdk/client-sqs';
import type { FunctionInvoker } from '../environments/FunctionInvoker.ts';
import type { LogBook } from '../logs/LogBook.ts';
import { MappingState, type EventSourceMappingStore } from '../mappings/EventSourceMappingStore.ts';
import { EventSourcePoller } from './EventSourcePoller.ts';

export interface PollerRegistryOptions {
  mappings: EventSourceMappingStore;
  invoker: FunctionInvoker;
  logBook: LogBook;
  /** Absent when the service has no awsEndpointUrl (then no SQS mapping can be created). */
  sqs: SQSClient | undefined;
}

/**
 * Keeps one poller per enabled mapping. Actions change a mapping in the
 * store (state Creating, Enabling, Disabling, Updating) and call `sync`;
 * then the poller is started (Enabled on the next tick) or stopped
 * (Disabled once it receives no more), as Lambda's transitions do.
 */
export class PollerRegistry {
  readonly #options: PollerRegistryOptions;
  readonly #pollers = new Map<string, EventSourcePoller>();
  /** Pollers stopped gracefully whose last long-poll may still be pending. */
  readonly #retired = new Set<EventSourcePoller>();
  #closed = false;

  constructor(options: PollerRegistryOptions) {
    this.#options = options;
  }

  /** Brings the poller of a mapping in line with the store (a deleted mapping stops its poller at once). */
  sync(uuid: string): void {
    if (!this.#options.mappings.get(uuid)) {
      this.#stop(uuid);
      return;
    }
    setImmediate(() => this.#settle(uuid));
  }

  /**
   * Stops every poller at once (pending long-polls are aborted) and
   * resolves when their in-flight batches are over, which needs the
   * environments killed: call it, kill them, then await it.
   */
  stopAll(): Promise<void> {
    this.#closed = true;
    const pollers = [...this.#pollers.values(), ...this.#retired];
    this.#pollers.clear();
    this.#retired.clear();
    return Promise.allSettled(pollers.map((poller) => poller.stop({ abort: true }))).then(() => undefined);
  }

  #settle(uuid: string): void {
    const mapping = this.#options.mappings.get(uuid);
    if (!mapping || this.#closed) {
      return;
    }
    const { sqs, mappings, invoker, logBook } = this.#options;
    if (!mapping.enabled) {
      const settle = (): void => {
        if (mappings.get(uuid)?.enabled === false) {
          mappings.patch(uuid, { state: MappingState.Disabled });
        }
      };
      const stopped = this.#stop(uuid);
      if (stopped) {
        void stopped.then(settle);
      } else {
        settle();
      }
      return;
    }
    if (!this.#pollers.has(uuid) && sqs) {
      this.#pollers.set(uuid, new EventSourcePoller({ sqs, invoker, logBook, getMapping: () => mappings.get(uuid) }));
    }
    mappings.patch(uuid, { state: MappingState.Enabled });
  }

  /** Stops a mapping's poller; resolves when it no longer receives. */
  #stop(uuid: string): Promise<void> | undefined {
    const poller = this.#pollers.get(uuid);
    if (!poller) {
      return undefined;
    }
    this.#pollers.delete(uuid);
    this.#retired.add(poller);
    void poller.stop({ abort: false }).finally(() => this.#retired.delete(poller));
    return poller.polling;
  }
}
