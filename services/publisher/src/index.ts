export { createApp, DEFAULT_BODY_LIMIT_BYTES, DEFAULT_PUBLISH_TIMEOUT_MS } from './createApp.ts';
export { startPublisher, type RunningPublisher, type StartPublisherOptions } from './startPublisher.ts';
export { ConfigError, loadConfig, type PublisherConfig } from './config.ts';
export { buildOpenApiDocument } from './openapi.ts';
export type { PublisherDeps, SnsPublisher } from './types.ts';
