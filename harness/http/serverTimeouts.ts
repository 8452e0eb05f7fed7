/**
 * Timeouts of every HTTP server of the stack: a request must arrive whole (headers and body) within 30 s
 * and its headers within 10 s, else Node answers 408 and closes the connection, so a client trickling a
 * body cannot hold a connection open for minutes. A 70 MB upload takes about a second over loopback.
 * Node checks them every `connectionsCheckingInterval`, 30 s unless told otherwise.
 */
export const SERVER_TIMEOUTS = {
  requestTimeout: 30_000,
  headersTimeout: 10_000,
  connectionsCheckingInterval: 1000,
} as const;
