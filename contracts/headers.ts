/** HTTP headers of `POST /orders` that the publisher reads and its clients (the specs, the bench) send. */

/** Carries the caller's correlation id; the publisher echoes it and sets it on the event's message attributes. */
export const CORRELATION_ID_HEADER = 'x-correlation-id';

/** The API key the publisher requires on every path that is not open (health, docs). */
export const API_KEY_HEADER = 'x-api-key';
