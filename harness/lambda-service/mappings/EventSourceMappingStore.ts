import { EventEmitter } from 'node:events';

/** Lambda's mapping states (a subset: the ones this service goes through). */
export const MappingState = {
  Creating: 'Creating',
  Enabling: 'Enabling',
  Enabled: 'Enabled',
  Disabling: 'Disabling',
  Disabled: 'Disabled',
  Updating: 'Updating',
  Deleting: 'Deleting',
} as const;
export type MappingState = (typeof MappingState)[keyof typeof MappingState];

/** One SQS event source mapping. */
export interface MappingRecord {
  readonly uuid: string;
  readonly functionName: string;
  readonly functionArn: string;
  readonly eventSourceArn: string;
  /** What was asked for; `state` says how far the mapping has got. */
  readonly enabled: boolean;
  readonly batchSize: number;
  readonly maximumBatchingWindowInSeconds: number;
  readonly maximumConcurrency?: number;
  readonly functionResponseTypes: readonly 'ReportBatchItemFailures'[];
  /** Written by the poller registry alone (`setState`), in answer to the store's events. */
  readonly state: MappingState;
  /** When its configuration was last written (create, update, delete), not when its state moved. */
  readonly lastModified: Date;
  /** Read with ListTags on the mapping's ARN, never in GetEventSourceMapping. */
  readonly tags: Readonly<Record<string, string>>;
}

/** What CreateEventSourceMapping writes: everything but the state and the time. */
export type NewMapping = Omit<MappingRecord, 'state' | 'lastModified'>;

/** What UpdateEventSourceMapping may change. */
export type MappingChanges = Partial<
  Pick<
    MappingRecord,
    'functionName' | 'functionArn' | 'enabled' | 'batchSize' | 'maximumBatchingWindowInSeconds' | 'maximumConcurrency' | 'functionResponseTypes'
  >
>;

/** A mapping was created (no `previous`) or its configuration was updated. */
export interface MappingChange {
  readonly current: MappingRecord;
  readonly previous: MappingRecord | undefined;
}

/** What the store tells its subscribers, synchronously, inside each write. */
export interface MappingStoreEvents {
  'mapping-changed': [change: MappingChange];
  /** DeleteEventSourceMapping asked for its deletion; it stays in the store until `remove`. */
  'mapping-deleting': [mapping: MappingRecord];
  /** It left the store. */
  'mapping-deleted': [mapping: MappingRecord];
}

/** What the actions may do with mappings: read them and write what is asked for; their state is not theirs. */
export type MappingConfigurations = Pick<EventSourceMappingStore, 'get' | 'list' | 'create' | 'update' | 'delete' | 'setTags'>;

/**
 * The event source mappings, by UUID, in creation order. Actions write the
 * configuration; every such write is announced (`on`), and the poller
 * registry, which subscribes, owns what follows: the state transitions,
 * the pollers, and when a deleted mapping is finally removed.
 */
export class EventSourceMappingStore {
  readonly #mappings = new Map<string, MappingRecord>();
  // Untyped inside: `on` and `#emit` below are what type the events.
  readonly #events = new EventEmitter();

  /** Subscribes to the store's writes; listeners run synchronously, in subscription order, inside the write. */
  on<Event extends keyof MappingStoreEvents>(event: Event, listener: (...args: MappingStoreEvents[Event]) => void): void {
    this.#events.on(event, listener);
  }

  get(uuid: string): MappingRecord | undefined {
    return this.#mappings.get(uuid);
  }

  list(filter: { functionName?: string; eventSourceArn?: string } = {}): MappingRecord[] {
    return [...this.#mappings.values()].filter(
      (mapping) =>
        (filter.functionName === undefined || mapping.functionName === filter.functionName) &&
        (filter.eventSourceArn === undefined || mapping.eventSourceArn === filter.eventSourceArn),
    );
  }

  /**
   * Adds a mapping. It starts Creating (the state of every new mapping until
   * the registry, subscribed to 'mapping-changed', moves it on during this call);
   * returns it as it is when the write is done.
   */
  create(mapping: NewMapping): MappingRecord {
    const record: MappingRecord = { ...mapping, state: MappingState.Creating, lastModified: new Date() };
    this.#mappings.set(record.uuid, record);
    this.#emit('mapping-changed', { current: record, previous: undefined });
    return this.#mappings.get(record.uuid) ?? record;
  }

  /** Changes the configuration of a mapping; returns it as it is when the write is done, or undefined when it is gone. */
  update(uuid: string, changes: MappingChanges): MappingRecord | undefined {
    const previous = this.#mappings.get(uuid);
    if (!previous) {
      return undefined;
    }
    const record: MappingRecord = { ...previous, ...changes, lastModified: new Date() };
    this.#mappings.set(uuid, record);
    this.#emit('mapping-changed', { current: record, previous });
    return this.#mappings.get(uuid);
  }

  /** Asks for a mapping's deletion; returns it as it is when the write is done (Deleting), or undefined when it is gone. */
  delete(uuid: string): MappingRecord | undefined {
    const previous = this.#mappings.get(uuid);
    if (!previous) {
      return undefined;
    }
    const record: MappingRecord = { ...previous, lastModified: new Date() };
    this.#mappings.set(uuid, record);
    this.#emit('mapping-deleting', record);
    return this.#mappings.get(uuid);
  }

  /** Replaces a mapping's tags; nothing else follows from that, so nothing is announced. */
  setTags(uuid: string, tags: Readonly<Record<string, string>>): void {
    const current = this.#mappings.get(uuid);
    if (current) {
      this.#mappings.set(uuid, { ...current, tags: { ...tags } });
    }
  }

  #emit<Event extends keyof MappingStoreEvents>(event: Event, ...args: MappingStoreEvents[Event]): void {
    this.#events.emit(event, ...args);
  }

  /** The poller registry's: moves a mapping still in the store to `state`. */
  setState(uuid: string, state: MappingState): void {
    const current = this.#mappings.get(uuid);
    if (current) {
      this.#mappings.set(uuid, { ...current, state });
    }
  }

  /** The poller registry's: the mapping is gone (its deletion is over, or its function was deleted). */
  remove(uuid: string): void {
    const removed = this.#mappings.get(uuid);
    if (removed) {
      this.#mappings.delete(uuid);
      this.#emit('mapping-deleted', removed);
    }
  }
}
