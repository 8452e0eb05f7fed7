import type { SQSClient } from '@aws-sdk/client-sqs';
import type { ServiceLocation } from '../arns.ts';
import type { FunctionInvoker } from '../environments/FunctionInvoker.ts';
import type { PollerRegistry } from '../event-sources/PollerRegistry.ts';
import type { CodeStorage } from '../functions/CodeStorage.ts';
import type { FunctionStore } from '../functions/FunctionStore.ts';
import type { LogBook } from '../logs/LogBook.ts';
import type { EventSourceMappingStore } from '../mappings/EventSourceMappingStore.ts';

/** Everything an action may use; actions never see HTTP. */
export interface ActionContext {
  readonly location: ServiceLocation;
  readonly functions: FunctionStore;
  readonly mappings: EventSourceMappingStore;
  readonly code: CodeStorage;
  readonly invoker: FunctionInvoker;
  readonly pollers: PollerRegistry;
  readonly logBook: LogBook;
  /** For reading queue attributes; absent when the service has no awsEndpointUrl. */
  readonly sqs: SQSClient | undefined;
  /** The id of this API request (x-amzn-RequestId), also the invocation id of an Invoke. */
  readonly requestId: string;
}

/** An action: validates its raw input, does the work, returns the SDK-typed output. */
export type Action<Output> = (input: unknown, ctx: ActionContext) => Promise<Output>;
