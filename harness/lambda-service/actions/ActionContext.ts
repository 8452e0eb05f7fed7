import type { SQSClient } from '@aws-sdk/client-sqs';
import type { ServiceLocation } from '../arns.ts';
import type { FunctionInvoker } from '../environments/FunctionInvoker.ts';
import type { CodeStorage } from '../functions/CodeStorage.ts';
import type { FunctionStore } from '../functions/FunctionStore.ts';
import type { LogBook } from '../logs/LogBook.ts';
import type { MappingConfigurations } from '../mappings/EventSourceMappingStore.ts';

/**
 * What the service lends its actions. An action names the parts it uses
 * (`ActionContext<'location' | 'functions'>`) and gets no other. Writing a
 * store is all an action does about a change: what follows from it
 * (environments retired, pollers started, mapping states) is the work of
 * the store's subscribers, wired in `startLambdaService.ts`.
 */
export interface ServiceParts {
  readonly location: ServiceLocation;
  readonly functions: FunctionStore;
  /** Read and write what is asked for; a mapping's state is the poller registry's. */
  readonly mappings: MappingConfigurations;
  readonly code: CodeStorage;
  /** Runs invocations: Invoke's work, not a consequence of a write. */
  readonly invoker: Pick<FunctionInvoker, 'invoke' | 'checkEventCapacity'>;
  readonly logBook: LogBook;
  /** For reading queue attributes; absent when the service has no awsEndpointUrl. */
  readonly sqs: SQSClient | undefined;
  /** The id of this API request (x-amzn-RequestId), also the invocation id of an Invoke. */
  readonly requestId: string;
}

/** The parts of the service an action (or a helper of actions) uses; actions never see HTTP. */
export type ActionContext<Part extends keyof ServiceParts> = Pick<ServiceParts, Part>;

/** An action as the router calls it: validates its raw input, does the work, returns the SDK-typed output. */
export type Action<Output> = (input: unknown, ctx: ServiceParts) => Promise<Output>;
