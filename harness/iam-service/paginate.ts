import { ValidationError } from './queryErrors.ts';

/** IAM's default page size when MaxItems is absent (API reference of the List operations). */
const DEFAULT_MAX_ITEMS = 100;

/** One page of a list in IAM's shape: IsTruncated, and the Marker of the next page while there is one. */
export interface Page<T> {
  readonly items: T[];
  readonly IsTruncated: boolean;
  readonly Marker?: string;
}

/** Pages through `items` with IAM's Marker/MaxItems; markers are opaque to clients (a base64 offset). */
export function paginate<T>(items: readonly T[], request: { Marker?: string | undefined; MaxItems?: number | undefined }): Page<T> {
  let offset = 0;
  if (request.Marker !== undefined) {
    offset = Number(Buffer.from(request.Marker, 'base64').toString('utf8'));
    if (!Number.isSafeInteger(offset) || offset < 0) {
      throw new ValidationError('Invalid Marker.');
    }
  }
  const end = offset + (request.MaxItems ?? DEFAULT_MAX_ITEMS);
  const page = items.slice(offset, end);
  return end < items.length
    ? { items: page, IsTruncated: true, Marker: Buffer.from(String(end)).toString('base64') }
    : { items: page, IsTruncated: false };
}
