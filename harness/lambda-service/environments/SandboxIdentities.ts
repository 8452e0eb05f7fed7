import { randomInt } from 'node:crypto';

/** The user and group an execution environment runs as. */
export interface SandboxIdentity {
  uid: number;
  gid: number;
}

/** Ids per block: groups (one per function) in the first half, users (one per environment) in the second. */
const BLOCK = 100_000;
const HALF = BLOCK / 2;

/**
 * Unprivileged ids for the execution environments of a service running as root: a group per function
 * (its code is readable by that group only) and a user per environment. So a function cannot read the
 * service's environment or memory through /proc, nor another function's, nor another environment's (and
 * its Runtime API secret), nor another function's code. Each service takes a random block of ids far
 * above those of real accounts; ids need no /etc/passwd entry. Disabled (all undefined) otherwise.
 */
export class SandboxIdentities {
  readonly enabled: boolean;
  readonly #base: number;
  readonly #groups = new Map<string, number>();
  #users = 0;

  constructor(options: { enabled: boolean }) {
    this.enabled = options.enabled;
    this.#base = 1_000_000 + randomInt(0, 20_000) * BLOCK;
  }

  /** Isolation by user ids needs root (to switch ids) on a POSIX system. */
  static available(): boolean {
    return process.platform !== 'win32' && process.getuid?.() === 0;
  }

  /** The group of a function's code and environments (stable across code updates). */
  groupOf(functionName: string): number | undefined {
    if (!this.enabled) return undefined;
    let gid = this.#groups.get(functionName);
    if (gid === undefined) {
      gid = this.#base + (this.#groups.size % HALF);
      this.#groups.set(functionName, gid);
    }
    return gid;
  }

  /** A user of its own for a new environment of the function, in the function's group. */
  forEnvironment(functionName: string): SandboxIdentity | undefined {
    const gid = this.groupOf(functionName);
    if (gid === undefined) return undefined;
    this.#users += 1;
    return { uid: this.#base + HALF + (this.#users % HALF), gid };
  }
}
