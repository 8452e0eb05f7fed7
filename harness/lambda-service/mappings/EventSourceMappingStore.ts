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
  readonly enabled: boolean;
  readonly batchSize: number;
  readonly maximumBatchingWindowInSeconds: number;
  readonly maximumConcurrency?: number;
  readonly functionResponseTypes: readonly 'ReportBatchItemFailures'[];
  readonly state: MappingState;
  readonly lastModified: Date;
  /** Read with ListTags on the mapping's ARN, never in GetEventSourceMapping. */
  readonly tags: Readonly<Record<string, string>>;
}

/** The event source mappings, by UUID, in creation order. */
export class EventSourceMappingStore {
  readonly #mappings = new Map<string, MappingRecord>();

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

  put(record: MappingRecord): void {
    this.#mappings.set(record.uuid, record);
  }

  /** Changes fields of a mapping still in the store; returns the new record, or undefined when it is gone. */
  patch(uuid: string, changes: Partial<Omit<MappingRecord, 'uuid'>>): MappingRecord | undefined {
    const current = this.#mappings.get(uuid);
    if (!current) {
      return undefined;
    }
    const next = { ...current, ...changes };
    this.#mappings.set(uuid, next);
    return next;
  }

  delete(uuid: string): void {
    this.#mappings.delete(uuid);
  }
}
