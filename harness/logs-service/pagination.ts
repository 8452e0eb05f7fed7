import { InvalidParameterException } from './errors.ts';

/** A sort key: the values an item is ordered by, ending with its unique name. */
export type SortKey = readonly (string | number)[];

/** An opaque nextToken for the list actions: the sort key of the last item returned. */
export function encodeToken(key: SortKey): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** The sort key of a token from `encodeToken`; InvalidParameterException for anything else. */
export function decodeToken(token: string): SortKey {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw InvalidParameterException.nextToken();
  }
  if (!Array.isArray(parsed) || parsed.length === 0 || !parsed.every((v) => typeof v === 'string' || typeof v === 'number')) {
    throw InvalidParameterException.nextToken();
  }
  return parsed;
}

/** Compares sort keys value by value (numbers numerically, strings by code units). */
export function compareSortKeys(a: SortKey, b: SortKey): number {
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    const x = a[i];
    const y = b[i];
    if (x === y) {
      continue;
    }
    if (typeof x === 'number' && typeof y === 'number') {
      return x - y;
    }
    return String(x) < String(y) ? -1 : 1;
  }
  return 0;
}

/**
 * One page of items already sorted by `keyOf`: those after the token's key,
 * at most `limit`, and the token of the next page when more follow.
 */
export function pageAfter<T>(
  items: readonly T[],
  keyOf: (item: T) => SortKey,
  options: { nextToken?: string; limit: number; descending?: boolean },
): { page: T[]; nextToken?: string } {
  let rest = items;
  if (options.nextToken !== undefined) {
    const after = decodeToken(options.nextToken);
    const sign = options.descending ? -1 : 1;
    rest = items.filter((item) => sign * compareSortKeys(keyOf(item), after) > 0);
  }
  const page = rest.slice(0, options.limit);
  const last = page.at(-1);
  return rest.length > page.length && last !== undefined ? { page, nextToken: encodeToken(keyOf(last)) } : { page };
}
