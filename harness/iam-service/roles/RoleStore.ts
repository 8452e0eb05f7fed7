import { EntityAlreadyExistsError, NoSuchEntityError } from '../errors.ts';
import type { StoredRole } from '../types.ts';

/**
 * The roles of one account. IAM role names are unique regardless of case and
 * found regardless of case ("you cannot create roles named both PRODROLE and
 * prodrole", IAM user guide, IAM identifiers).
 */
export class RoleStore {
  readonly #roles = new Map<string, StoredRole>();

  /** Stores a new role; EntityAlreadyExists when the name is taken in any case. */
  add(role: StoredRole): StoredRole {
    const key = role.name.toLowerCase();
    if (this.#roles.has(key)) {
      throw EntityAlreadyExistsError.role(role.name);
    }
    this.#roles.set(key, role);
    return role;
  }

  /** The role of this name, or NoSuchEntity in AWS's wording. */
  require(roleName: string): StoredRole {
    const role = this.#roles.get(roleName.toLowerCase());
    if (!role) {
      throw NoSuchEntityError.role(roleName);
    }
    return role;
  }

  remove(roleName: string): void {
    this.#roles.delete(roleName.toLowerCase());
  }

  /** All roles, ordered by name as ListRoles orders them. */
  list(): StoredRole[] {
    return [...this.#roles.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, role]) => role);
  }
}
