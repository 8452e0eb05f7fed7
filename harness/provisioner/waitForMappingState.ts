import { GetEventSourceMappingCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import { pollUntil } from '../waiting/pollUntil.ts';

export interface MappingStateWait {
  timeoutMs: number;
  intervalMs: number;
}

/**
 * Waits until the event source mapping reports `state` (Enabled after a create or an enable, Disabled
 * after a disable); throws naming the state it is still in at the deadline.
 */
export async function waitForMappingState(lambda: LambdaClient, uuid: string, state: string, wait: MappingStateWait): Promise<void> {
  const { done, value } = await pollUntil(
    async () => (await lambda.send(new GetEventSourceMappingCommand({ UUID: uuid }))).State,
    (current) => current === state,
    wait,
  );
  if (!done) throw new Error(`event source mapping ${uuid} is still ${value ?? 'in no state'} after ${wait.timeoutMs} ms, waiting for ${state}`);
}
