import { GetEventSourceMappingCommand, UpdateEventSourceMappingCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import { MAPPING_STATE_TIMEOUT_MS } from './timeouts.ts';

const STATE_DEADLINE_MS = MAPPING_STATE_TIMEOUT_MS;

async function waitForState(lambda: LambdaClient, uuid: string, state: string): Promise<void> {
  const deadline = Date.now() + STATE_DEADLINE_MS;
  for (;;) {
    const mapping = await lambda.send(new GetEventSourceMappingCommand({ UUID: uuid }));
    if (mapping.State === state) return;
    if (Date.now() > deadline) {
      throw new Error(`event source mapping ${uuid} is still ${mapping.State ?? 'in no state'} after ${STATE_DEADLINE_MS} ms, waiting for ${state}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Runs `action` while the mapping is disabled, so that what it puts on the queue is there in full when
 * polling resumes. Several pollers (and SQS itself) may otherwise split messages sent together across
 * batches, on AWS as here.
 */
export async function withMappingPaused<T>(lambda: LambdaClient, uuid: string, action: () => Promise<T>): Promise<T> {
  await lambda.send(new UpdateEventSourceMappingCommand({ UUID: uuid, Enabled: false }));
  try {
    await waitForState(lambda, uuid, 'Disabled');
    return await action();
  } finally {
    await lambda.send(new UpdateEventSourceMappingCommand({ UUID: uuid, Enabled: true }));
    await waitForState(lambda, uuid, 'Enabled');
  }
}
