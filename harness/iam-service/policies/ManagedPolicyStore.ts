import { EntityAlreadyExistsError, NoSuchEntityError } from '../errors.ts';
import type { StoredManagedPolicy } from '../types.ts';

/** The customer managed policies of one account, by ARN; names are unique regardless of case and path. */
export class ManagedPolicyStore {
  readonly #policies = new Map<string, StoredManagedPolicy>();

  /** Stores a new policy; EntityAlreadyExists when another has the name. */
  add(policy: StoredManagedPolicy): StoredManagedPolicy {
    const name = policy.name.toLowerCase();
    if ([...this.#policies.values()].some((other) => other.name.toLowerCase() === name)) {
      throw EntityAlreadyExistsError.policy(policy.name);
    }
    this.#policies.set(policy.arn, policy);
    return policy;
  }

  find(policyArn: string): StoredManagedPolicy | undefined {
    return this.#policies.get(policyArn);
  }

  /** The policy of this ARN, or NoSuchEntity ("Policy <arn> was not found."). */
  require(policyArn: string): StoredManagedPolicy {
    const policy = this.#policies.get(policyArn);
    if (!policy) {
      throw NoSuchEntityError.policy(policyArn);
    }
    return policy;
  }

  remove(policyArn: string): void {
    this.#policies.delete(policyArn);
  }
}
