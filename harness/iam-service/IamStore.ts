import { ManagedPolicyStore } from './policies/ManagedPolicyStore.ts';
import { RoleStore } from './roles/RoleStore.ts';

/** Everything IAM holds for one account: what every action reads and changes. */
export interface IamStore {
  readonly accountId: string;
  readonly roles: RoleStore;
  readonly policies: ManagedPolicyStore;
}

/** An empty account. */
export function createIamStore(accountId: string): IamStore {
  return { accountId, roles: new RoleStore(), policies: new ManagedPolicyStore() };
}
