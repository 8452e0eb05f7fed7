import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { createLogsService, type LogsService, type LogsServiceOptions } from '../../../harness/logs-service/createLogsService.ts';

/** The logs service on its own loopback server, and an SDK client for it. */
export interface LogsTestKit {
  service: LogsService;
  logs: CloudWatchLogsClient;
  url: string;
  /** A raw JSON 1.1 request, for what the SDK would never send. */
  post(target: string | undefined, body: string): Promise<{ status: number; contentType: string | null; json: unknown }>;
  close(): Promise<void>;
}

export async function startLogsTestKit(options: LogsServiceOptions = {}): Promise<LogsTestKit> {
  const service = createLogsService(options);
  const server: Server = createServer(service.handle);
  const listening = Promise.withResolvers<undefined>();
  server.once('error', listening.reject);
  server.listen(0, '127.0.0.1', () => listening.resolve(undefined));
  await listening.promise;
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const logs = new CloudWatchLogsClient({
    endpoint: url,
    region: options.region ?? 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
  });
  return {
    service,
    logs,
    url,
    async post(target, body) {
      const headers: Record<string, string> = { 'content-type': 'application/x-amz-json-1.1' };
      if (target !== undefined) {
        headers['x-amz-target'] = target;
      }
      const response = await fetch(url, { method: 'POST', headers, body });
      return { status: response.status, contentType: response.headers.get('content-type'), json: await response.json() };
    },
    async close() {
      logs.destroy();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}
