import type { FunctionInvoker } from '../environments/FunctionInvoker.ts';
import type { FunctionRecord } from '../functions/FunctionStore.ts';
import type { LogBook } from '../logs/LogBook.ts';
import { MappingState, type EventSourceMappingStore, type MappingChange, type MappingRecord } from '../mappings/EventSourceMappingStore.ts';
import { drawMs, type LambdaTiming } from '../LambdaTiming.ts';
import { EventSourcePoller } from './EventSourcePoller.ts';
import type { QueueSource } from './QueueSource.ts';

export interface PollerRegistryOptions {
  mappings: EventSourceMappingStore;
  /** How long transitions, deletions and idle poll gaps take. */
  timing: LambdaTiming;
  invoker: FunctionInvoker;
  logBook: LogBook;
  /** Absent when the service has no awsEndpointUrl (then no SQS mapping can be created). */
  queues: QueueSource | undefined;
}

/**
 * The one owner of the mappings' states, and of one poller per enabled
 * mapping. Actions write what is asked for (a mapping, its configuration,
 * its Enabled flag, its deletion) into the store; the store's events reach
 * the methods below, which move the state (Creating, Enabling, Disabling,
 * Updating) and start the poller (Enabled on the next tick) or stop it
 * (Disabled once it receives no more), as Lambda's transitions do. A
 * deleted mapping stops polling at once and stays visible as Deleting a
 * while before it is gone ("it enters a Deleting state and might not be
 * completely deleted for several seconds", API_DeleteEventSourceMapping).
 */
export class PollerRegistry {
  readonly #options: PollerRegistryOptions;
  readonly #pollers = new Map<string, EventSourcePoller>();
  /** Pollers stopped gracefully whose last long-poll may still be pending. */
  readonly #retired = new Set<EventSourcePoller>();
  readonly #removals = new Set<NodeJS.Timeout>();
  /** The pending settle of each mapping in transition: a newer change replaces it. */
  readonly #settling = new Map<string, () => void>();
  #closed = false;

  constructor(options: PollerRegistryOptions) {
    this.#options = options;
  }

  /** A mapping was created or its configuration written: it enters its transition, and settles after the profile's time. */
  mappingChanged(change: MappingChange): void {
    const { uuid } = change.current;
    if (change.current.state === MappingState.Deleting) {
      this.#stop(uuid);
      return;
    }
    this.#options.mappings.setState(uuid, transitionOf(change));
    this.#cancelSettle(uuid);
    const settle = (): void => {
      this.#settling.delete(uuid);
      this.#settle(uuid);
    };
    const delayMs = drawMs(this.#options.timing.mappingTransitionMs);
    if (delayMs <= 0) {
      const immediate = setImmediate(settle);
      this.#settling.set(uuid, () => clearImmediate(immediate));
    } else {
      const timer = setTimeout(settle, delayMs);
      this.#settling.set(uuid, () => clearTimeout(timer));
    }
  }

  /** A mapping's deletion was asked for: it is Deleting, its poller stops now, it leaves the store after `deletingMs`. */
  mappingDeleting(mapping: MappingRecord): void {
    const { uuid } = mapping;
    this.#options.mappings.setState(uuid, MappingState.Deleting);
    this.#cancelSettle(uuid);
    this.#stop(uuid, { release: true });
    const removal = setTimeout(() => {
      this.#removals.delete(removal);
      this.#options.mappings.remove(uuid);
    }, drawMs(this.#options.timing.mappingDeletingMs));
    this.#removals.add(removal);
  }

  /** A mapping left the store: nothing of it may run on. */
  mappingDeleted(mapping: MappingRecord): void {
    this.#cancelSettle(mapping.uuid);
    this.#stop(mapping.uuid);
  }

  /** A deleted function's mappings go at once (Lambda would leave them orphaned; here no poller keeps receiving for it). */
  functionDeleted(fn: FunctionRecord): void {
    for (const mapping of this.#options.mappings.list({ functionName: fn.name })) {
      this.#options.mappings.remove(mapping.uuid);
    }
  }

  /**
   * Stops every poller at once (pending long-polls are aborted) and
   * resolves when their in-flight batches are over, which needs the
   * environments killed: call it, kill them, then await it.
   */
  stopAll(): Promise<void> {
    this.#closed = true;
    for (const removal of this.#removals) {
      clearTimeout(removal);
    }
    this.#removals.clear();
    for (const cancel of this.#settling.values()) {
      cancel();
    }
    this.#settling.clear();
    const pollers = [...this.#pollers.values(), ...this.#retired];
    this.#pollers.clear();
    this.#retired.clear();
    return Promise.allSettled(pollers.map((poller) => poller.stop({ abort: true }))).then(() => undefined);
  }

  #settle(uuid: string): void {
    const mapping = this.#options.mappings.get(uuid);
    if (!mapping || this.#closed || mapping.state === MappingState.Deleting) {
      return;
    }
    const { queues, mappings, invoker, logBook } = this.#options;
    if (!mapping.enabled) {
      const settle = (): void => {
        const current = mappings.get(uuid);
        if (current?.enabled === false && current.state !== MappingState.Deleting) {
          mappings.setState(uuid, MappingState.Disabled);
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
    if (!this.#pollers.has(uuid) && queues) {
      this.#pollers.set(
        uuid,
        new EventSourcePoller({ source: queues, invoker, logBook, idlePollGapMs: this.#options.timing.idlePollGapMs, getMapping: () => mappings.get(uuid) }),
      );
    }
    mappings.setState(uuid, MappingState.Enabled);
  }

  #cancelSettle(uuid: string): void {
    this.#settling.get(uuid)?.();
    this.#settling.delete(uuid);
  }

  /** Stops a mapping's poller (`release`: see EventSourcePoller.stop); resolves when it no longer receives. */
  #stop(uuid: string, options: { release?: boolean } = {}): Promise<void> | undefined {
    const poller = this.#pollers.get(uuid);
    if (!poller) {
      return undefined;
    }
    this.#pollers.delete(uuid);
    this.#retired.add(poller);
    void poller.stop({ abort: false, release: options.release === true }).finally(() => this.#retired.delete(poller));
    return poller.polling;
  }
}

/**
 * The state a write puts a mapping in until its poller has followed. A new
 * mapping is Creating, or Disabled at once when created disabled (as AWS
 * answers it: its AWS-recorded `test_fifo_message_group_parallelism`).
 */
function transitionOf({ current, previous }: MappingChange): MappingState {
  if (!previous) {
    return current.enabled ? MappingState.Creating : MappingState.Disabled;
  }
  if (current.enabled === previous.enabled) {
    return MappingState.Updating;
  }
  return current.enabled ? MappingState.Enabling : MappingState.Disabling;
}
