import type { Tag } from '@aws-sdk/client-iam';
import * as z from 'zod';
import { InvalidInputError, LimitExceededError } from './errors.ts';
import { awsList, awsString } from './validation.ts';

/** The model's limits of IAM tags (API reference of the Tag data type). */
const TAG_KEY = awsString({ min: 1, max: 128, pattern: '[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+' });
const TAG_VALUE = awsString({ min: 0, max: 256, pattern: '[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*' });
const MAX_TAGS = 50;

export const TagListSchema = awsList(z.object({ Key: TAG_KEY, Value: TAG_VALUE }), { max: MAX_TAGS });
export const TagKeyListSchema = awsList(TAG_KEY, { max: MAX_TAGS });

/**
 * The tags of one entity. IAM tag keys are case-insensitive: tagging `env`
 * replaces `Env` (and takes the new spelling), a request may not name a key
 * twice in any case (LocalStack `test_role_tag_errors`).
 */
export class TagSet {
  readonly #tags = new Map<string, Tag & { Key: string; Value: string }>();
  /** The quota's name in LimitExceeded messages: `TagsPerRole`, `TagsPerPolicy`. */
  readonly #quotaName: string;

  constructor(options: { quotaName: 'TagsPerRole' | 'TagsPerPolicy' }) {
    this.#quotaName = options.quotaName;
  }

  /** Adds or replaces tags; refuses duplicate keys within `tags` and more than 50 in all. */
  put(tags: readonly { Key: string; Value: string }[]): void {
    const keys = new Set(tags.map((tag) => tag.Key.toLowerCase()));
    if (keys.size !== tags.length) {
      throw InvalidInputError.duplicateTagKeys();
    }
    const total = new Set([...this.#tags.keys(), ...keys]).size;
    if (total > MAX_TAGS) {
      throw LimitExceededError.quota(this.#quotaName, MAX_TAGS);
    }
    for (const tag of tags) {
      this.#tags.set(tag.Key.toLowerCase(), { Key: tag.Key, Value: tag.Value });
    }
  }

  /** Removes the tags of these keys, in any case; unknown keys are ignored as on AWS. */
  remove(keys: readonly string[]): void {
    for (const key of keys) {
      this.#tags.delete(key.toLowerCase());
    }
  }

  /** The tags in the order they were first added. */
  list(): Tag[] {
    return [...this.#tags.values()].map((tag) => ({ Key: tag.Key, Value: tag.Value }));
  }

  get size(): number {
    return this.#tags.size;
  }
}
