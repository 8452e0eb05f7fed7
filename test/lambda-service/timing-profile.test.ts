import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  CreateEventSourceMappingCommand,
  DeleteEventSourceMappingCommand,
  GetEventSourceMappingCommand,
  UpdateEventSourceMappingCommand,
} from '@aws-sdk/client-lambda';
import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { selectedTiming } from '../../harness/backends/timingProfile.ts';
import { AWS_TIMING, FAST_TIMING, type LambdaTiming } from '../../harness/lambda-service/startLambdaService.ts';
import { startSqsTestKit, type SqsTestKit } from './helpers/sqsTestKit.ts';
import { waitFor } from './helpers/waitFor.ts';

// The AWS profile's ranges are the README's ("Timing profiles"); here shorter ones, so the test takes seconds, check
// that each one is applied: mapping transitions, Deleting, and the gap an idle poller leaves before its next receive.
const TEST_TIMING: LambdaTiming = { name: 'aws', mappingTransitionMs: [600, 600], mappingDeletingMs: [700, 700], idlePollGapMs: [4000, 4000], environmentIdleMs: [60_000, 60_000] };

describe('the timing profile of the Lambda service', () => {
  let kit: SqsTestKit;

  beforeAll(async () => {
    kit = await startSqsTestKit({ timing: TEST_TIMING });
    await kit.deploy('recorder', 'recorder');
  });

  afterAll(async () => {
    await kit.close();
  });

  const stateOf = async (UUID: string): Promise<string | undefined> => (await kit.lambda.send(new GetEventSourceMappingCommand({ UUID }))).State;
  const elapsedUntil = async (description: string, check: () => Promise<boolean>): Promise<number> => {
    const start = Date.now();
    await waitFor(description, check, { intervalMs: 20, timeoutMs: 5000 });
    return Date.now() - start;
  };

  it('takes the transition time to enable and disable a mapping, and the deleting time to forget it', async () => {
    const queue = await kit.createQueue('timing-transitions');
    const created = await kit.lambda.send(new CreateEventSourceMappingCommand({ FunctionName: 'recorder', EventSourceArn: queue.arn }));
    const uuid = created.UUID ?? '';

    const enabling = await elapsedUntil('Enabled', async () => (await stateOf(uuid)) === 'Enabled');
    await kit.lambda.send(new UpdateEventSourceMappingCommand({ UUID: uuid, Enabled: false }));
    const disabling = await elapsedUntil('Disabled', async () => (await stateOf(uuid)) === 'Disabled');
    await kit.lambda.send(new DeleteEventSourceMappingCommand({ UUID: uuid }));
    const deleting = await elapsedUntil('gone', () => stateOf(uuid).then(() => false, () => true));

    expect(created.State).toBe('Creating');
    expect(enabling).toBeGreaterThanOrEqual(500);
    expect(disabling).toBeGreaterThanOrEqual(500);
    expect(deleting).toBeGreaterThanOrEqual(600);
  });

  it('lets an idle poller see a message only after its poll gap', async () => {
    // Prepare: a mapping that has just started polling an empty queue: a 2 s long poll comes back empty,
    // then its 4 s gap begins.
    const queue = await kit.createQueue('timing-gaps');
    const created = await kit.lambda.send(new CreateEventSourceMappingCommand({ FunctionName: 'recorder', EventSourceArn: queue.arn }));
    await waitFor('Enabled', async () => (await stateOf(created.UUID ?? '')) === 'Enabled', { intervalMs: 10, timeoutMs: 5000 });
    await new Promise((resolve) => setTimeout(resolve, 2500));

    // Act: a message sent half a second into the gap.
    const sentAt = Date.now();
    await kit.sqs.send(new SendMessageCommand({ QueueUrl: queue.url, MessageBody: 'in-the-gap' }));
    await waitFor('the message to be delivered', () => kit.recordedEvents('recorder').some((event) => event.Records.some((record) => record.body === 'in-the-gap')), {
      intervalMs: 20,
      timeoutMs: 10_000,
    });

    // Assess: it waited out the rest of the gap (3.5 s), where the fast profile delivers at once.
    const latency = Date.now() - sentAt;
    expect(latency).toBeGreaterThan(2500);
    expect(latency).toBeLessThan(5000);
  }, 20_000);

  it('has a fast default and an AWS profile chosen by FANOUT_TIMING', () => {
    expect(selectedTiming({})).toBe(FAST_TIMING);
    expect(selectedTiming({ FANOUT_TIMING: 'aws' })).toBe(AWS_TIMING);
    expect(() => selectedTiming({ FANOUT_TIMING: 'slow' })).toThrow('unknown timing profile "slow": choose one of fast, aws');
    expect(AWS_TIMING).toEqual({
      name: 'aws',
      mappingTransitionMs: [2000, 8000],
      mappingDeletingMs: [2000, 5000],
      idlePollGapMs: [0, 5000],
      environmentIdleMs: [600_000, 600_000],
    });
  });
});
