import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { ConfigError, loadConfig } from './config.ts';
import { startPublisher } from './startPublisher.ts';

/** Entry point of the publisher process (`npm run start:publisher`, the container's CMD). */
async function main(): Promise<void> {
  const config = loadConfig();
  // Synchronous writes: nothing is lost when the process exits right after shutdown.
  const logger = pino({ level: config.logLevel, name: 'publisher' }, pino.destination({ dest: 1, sync: true }));
  const publisher = await startPublisher({
    topicArn: config.topicArn,
    port: config.port,
    host: config.host,
    snsClientConfig: config.region === undefined ? {} : { region: config.region },
    apiKeys: config.apiKeys,
    logger,
    publishTimeoutMs: config.publishTimeoutMs,
    shutdownTimeoutMs: config.shutdownTimeoutMs,
    idempotencyWindowMs: config.idempotencyWindowMs,
    idempotencyMaxKeys: config.idempotencyMaxKeys,
  });
  const bound = publisher.server.address() as AddressInfo;
  const boundTo = `${bound.family === 'IPv6' ? `[${bound.address}]` : bound.address}:${bound.port}`;
  logger.info({ url: publisher.url, boundTo, topicArn: config.topicArn, apiKeys: config.apiKeys.length > 0 }, `publisher listening on ${boundTo}`);
  if (config.apiKeys.length === 0) {
    logger.warn(
      { boundTo },
      `NO API KEY IS CONFIGURED: anyone who can reach ${boundTo} can place orders. Set PUBLISHER_API_KEYS to require an X-Api-Key.`,
    );
  }
  // Started by the embedded stack (an IPC channel): say where it listens, and stop when the stack is gone.
  process.send?.({ type: 'listening', url: publisher.url });

  let stopping = false;
  const stop = (reason: string): void => {
    if (stopping) {
      logger.warn({ reason }, 'second signal; exiting now');
      process.exit(1);
    }
    stopping = true;
    logger.info({ reason }, 'shutting down: finishing in-flight requests');
    publisher.close().then(
      () => {
        logger.info('publisher stopped');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  // The channel closes when the process that started it exits, however it died.
  process.once('disconnect', () => {
    if (!stopping) stop('parent process gone');
  });
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) process.stderr.write(`${error.message}\n`);
  else process.stderr.write(`publisher failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
