import { createHash, timingSafeEqual } from 'node:crypto';
import type { Middleware } from 'koa';
import { API_KEY_HEADER } from '../../../../contracts/index.ts';
import { UnauthorizedError } from '../errors.ts';
import type { PublisherState } from '../types.ts';

export interface ApiKeyOptions {
  /** Accepted keys; an empty list turns the check off. */
  keys: readonly string[];
  /** Paths that never need a key (health, docs). */
  isOpenPath: (path: string) => boolean;
}

// Hashing first gives equal-length buffers, so timingSafeEqual never leaks the key's length.
const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

/** Requires a known `X-Api-Key` on every path that is not open; compares in constant time. */
export function apiKey(options: ApiKeyOptions): Middleware<PublisherState> {
  const accepted = options.keys.map(digest);
  return async function apiKey(ctx, next) {
    if (accepted.length === 0 || options.isOpenPath(ctx.path)) {
      await next();
      return;
    }
    const presented = ctx.get(API_KEY_HEADER);
    if (presented === '') throw new UnauthorizedError('The X-Api-Key header is missing.');
    const presentedDigest = digest(presented);
    let matched = false;
    // No early exit: every key is compared, whichever one matches.
    for (const key of accepted) matched = timingSafeEqual(key, presentedDigest) || matched;
    if (!matched) throw new UnauthorizedError('The X-Api-Key header does not hold a valid key.');
    await next();
  };
}
