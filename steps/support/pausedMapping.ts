import { UpdateEventSourceMappingCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import { waitForMappingState } from '../../harness/provisioner/waitForMappingState.ts';
import { MAPPING_STATE_TIMEOUT_MS } from './timeouts.ts';

const STATE_DEADLINE_MS = MAPPING_STATE_TIMEOUT_MS;

function waitForState(lambda: LambdaClient, uuid: string, state: string): Promise<void> {
  return waitForMappingState(lambda, uuid, state, { timeoutMs: STATE_DEADLINE_MS, intervalMs: 50 });
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
