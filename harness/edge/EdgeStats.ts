/** Requests one service answered through the edge, and the time they spent in the emulator. */
export interface ServiceRequestStats {
  requests: number;
  /** Sum of request durations (arrival to last byte of the answer), in milliseconds. */
  busyMs: number;
}

/**
 * What the edge has answered, per service: how a deploy's wall time splits into the emulator's share
 * (its busy time) and the client's own (the Terraform provider's waits between calls).
 */
export class EdgeStats {
  readonly #services = new Map<string, ServiceRequestStats>();

  record(service: string, durationMs: number): void {
    const stats = this.#services.get(service) ?? { requests: 0, busyMs: 0 };
    stats.requests += 1;
    stats.busyMs += durationMs;
    this.#services.set(service, stats);
  }

  /** A copy of the counts so far, by service signing name. */
  snapshot(): Record<string, ServiceRequestStats> {
    return Object.fromEntries([...this.#services].map(([name, stats]) => [name, { ...stats }]));
  }

  /** What was answered between two snapshots. */
  static since(before: Record<string, ServiceRequestStats>, after: Record<string, ServiceRequestStats>): Record<string, ServiceRequestStats> {
    return Object.fromEntries(Object.entries(after).map(([name, stats]) => [name, {
      requests: stats.requests - (before[name]?.requests ?? 0),
      busyMs: stats.busyMs - (before[name]?.busyMs ?? 0),
    }]).filter(([, stats]) => (stats as ServiceRequestStats).requests > 0));
  }
}
