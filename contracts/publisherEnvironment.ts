/**
 * The environment variables the publisher reads (services/publisher/src/config.ts), by what they set:
 * every deployer (the embedded backend, the LocalStack container, compose, Terraform) sets these names.
 */
export const PublisherEnv = {
  port: 'PORT',
  host: 'HOST',
  topicArn: 'ORDER_EVENTS_TOPIC_ARN',
  region: 'AWS_REGION',
  /** Comma-separated; empty means no key is required. */
  apiKeys: 'PUBLISHER_API_KEYS',
  logLevel: 'LOG_LEVEL',
  shutdownTimeoutMs: 'SHUTDOWN_TIMEOUT_MS',
} as const;

/** The publisher's port unless PORT says otherwise: the one its container listens on. */
export const PUBLISHER_DEFAULT_PORT = 3000;
