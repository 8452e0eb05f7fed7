import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CreateEventSourceMappingCommand, GetEventSourceMappingCommand, UpdateEventSourceMappingCommand } from '@aws-sdk/client-lambda';
import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { startSqsTestKit, type SqsTestKit } from './helpers/sqsTestKit.ts';
import { expectNothingFor, waitFor } from './helpers/waitFor.ts';

/**
 * The pollers long-poll for 2 s (BatchGatherer). Over HTTP a disabled mapping sits that poll out, since an
 * aborted HTTP long poll would take the next message with it; a poll of fauxqs's store in this process takes
 * nothing until it dequeues, so a disable ends it at once. The fast profile settles transitions at once,
 * so the mapping must read Disabled well before the poll would have run out, and lose nothing.
 */
const LONG_POLL_MS = 2000;

describe('disabling a mapping whose poller reads the in-process store', () => {
  let kit: SqsTestKit;

  beforeAll(async () => {
    kit = await startSqsTestKit({ inProcess: true });
    await kit.deploy('recorder', 'recorder');
  });

  afterAll(async () => {
    await kit.close();
  });

  const stateOf = async (uuid: string): Promise<string | undefined> =>
    (await kit.lambda.send(new GetEventSourceMappingCommand({ UUID: uuid }))).State;

  it('is Disabled without waiting out the pending long poll, and the next message stays on the queue', async () => {
    // Prepare: an enabled mapping whose poller is in a long poll of an empty queue
    const queue = await kit.createQueue('orders-disable-at-once');
    const { UUID: uuid = '' } = await kit.lambda.send(new CreateEventSourceMappingCommand({ FunctionName: 'recorder', EventSourceArn: queue.arn }));
    await waitFor('the mapping to be Enabled', async () => (await stateOf(uuid)) === 'Enabled');

    // Act
    const disabledAt = performance.now();
    await kit.lambda.send(new UpdateEventSourceMappingCommand({ UUID: uuid, Enabled: false }));
    await waitFor('the mapping to be Disabled', async () => (await stateOf(uuid)) === 'Disabled', { timeoutMs: 5000, intervalMs: 10 });
    const tookMs = performance.now() - disabledAt;

    // Assess: well inside one long poll, and the poll that ended took no message along
    expect(tookMs).toBeLessThan(LONG_POLL_MS / 2);
    await kit.sqs.send(new SendMessageCommand({ QueueUrl: queue.url, MessageBody: 'after-disable' }));
    await expectNothingFor('the disabled mapping delivered a message', 500, () => kit.recordedEvents('recorder').length > 0);
    expect(await kit.countMessages(queue)).toBe(1);

    // Act + Assess: enabling again delivers it
    await kit.lambda.send(new UpdateEventSourceMappingCommand({ UUID: uuid, Enabled: true }));
    await waitFor('the message to be delivered', () =>
      kit.recordedEvents('recorder').some((event) => event.Records.some((record) => record.body === 'after-disable')),
    );
  }, 15_000);
});
