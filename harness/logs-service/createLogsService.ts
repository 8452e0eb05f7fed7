import type { EmulatedService } from '../edge/types.ts';
import { LogStore } from './LogStore.ts';
import { createRouter } from './router.ts';
import type { LogsServiceOptions } from './types.ts';

export { LogStore } from './LogStore.ts';
export type { LogEntry, LogsServiceOptions, LogStoreLimits } from './types.ts';

/** The emulated CloudWatch Logs service and the store behind it. */
export interface LogsService extends EmulatedService {
  /** Groups, streams and events; `store.write(entry)` is how the Lambda service logs into it. */
  readonly store: LogStore;
}

/**
 * The emulated CloudWatch Logs service (signing name `logs`): a request
 * listener speaking AWS JSON 1.1 for `@aws-sdk/client-cloudwatch-logs`, the
 * AWS CLI and the Terraform provider, behind the one-endpoint edge or its
 * own `http.createServer(service.handle)`.
 */
export function createLogsService(options: LogsServiceOptions = {}): LogsService {
  const store = new LogStore(options);
  return { signingName: 'logs', handle: createRouter(store), store };
}
