import type { IncomingMessage } from 'node:http';

/** A request body read up to a size limit. */
export interface CappedBody {
  /** The body; empty when it was over the limit. */
  body: Buffer;
  /** The body had more than `maxBytes` bytes (it was still read to its end). */
  tooLarge: boolean;
}

/**
 * Reads a request body, keeping at most `maxBytes`. A longer body is read to
 * its end but dropped, so the caller can still answer on the same connection
 * (413 from the Lambda API, RequestEntityTooLarge from the Runtime API).
 */
export async function readCappedBody(req: IncomingMessage, maxBytes: number): Promise<CappedBody> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.byteLength;
    if (size <= maxBytes) {
      chunks.push(chunk);
    }
  }
  return size > maxBytes ? { body: Buffer.alloc(0), tooLarge: true } : { body: Buffer.concat(chunks), tooLarge: false };
}
