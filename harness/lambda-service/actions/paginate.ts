import { InvalidParameterValueException } from '../errors.ts';

/** One page of a list and the marker of the next (opaque to clients: a base64 offset). */
export function paginate<T>(items: readonly T[], marker: string | undefined, maxItems: number): { page: T[]; nextMarker?: string } {
  let offset = 0;
  if (marker !== undefined) {
    offset = Number(Buffer.from(marker, 'base64').toString('utf8'));
    if (!Number.isInteger(offset) || offset < 0) {
      throw new InvalidParameterValueException(`Invalid marker: ${marker}`);
    }
  }
  const page = items.slice(offset, offset + maxItems);
  const next = offset + page.length;
  return next < items.length ? { page, nextMarker: Buffer.from(String(next)).toString('base64') } : { page };
}
