import { parseLogGroupArn } from '../arns.ts';
import { ResourceNotFoundException, TooManyTagsException } from '../errors.ts';
import type { LogGroup } from '../LogGroup.ts';
import type { LogStore } from '../LogStore.ts';

const MAX_TAGS = 50;

/** The log group a tagging ARN names (with or without `:*`); ResourceNotFoundException when there is none here. */
export function requireTaggedGroup(store: LogStore, resourceArn: string): LogGroup {
  const { name, here } = parseLogGroupArn(store.location, resourceArn);
  const group = here ? store.group(name) : undefined;
  if (!group) {
    throw ResourceNotFoundException.logGroup();
  }
  return group;
}

/** Adds or overwrites tags; a group holds at most 50. */
export function addTags(group: LogGroup, tags: Record<string, string>): void {
  const keys = new Set([...group.tags.keys(), ...Object.keys(tags)]);
  if (keys.size > MAX_TAGS) {
    throw new TooManyTagsException(`A resource can have no more than ${MAX_TAGS} tags.`);
  }
  for (const [key, value] of Object.entries(tags)) {
    group.tags.set(key, value);
  }
}

export function removeTags(group: LogGroup, keys: readonly string[]): void {
  for (const key of keys) {
    group.tags.delete(key);
  }
}

export function tagsOf(group: LogGroup): Record<string, string> {
  return Object.fromEntries(group.tags);
}
