import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  CreateEventSourceMappingCommand,
  GetEventSourceMappingCommand,
  UpdateEventSourceMappingCommand,
} from '@aws-sdk/client-lambda';
import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { startSqsTestKit, type SqsTestKit } from './helpers/sqsTestKit.ts';
import { expectNothingFor, waitFor } from './helpers/waitFor.ts';

/** How long a disabled mapping is watched for deliveries it must not make. */
const QUIET_WINDOW_MS = 1000;

describe('a disabled SQS event source mapping', () => {
  let kit: SqsTestKit;

  beforeAll(async () => {
    kit = await startSqsTestKit();
    await kit.deploy('recorder', 'recorder');
  });

  afterAll(async () => {
    await kit.close();
  });

  const stateOf = async (uuid: string): Promise<string | undefined> =>
    (await kit.lambda.send(new GetEventSourceMappingCommand({ UUID: uuid }))).State;

  it('polls nothing while disabled, delivers once enabled, and stops again when disabled', async () => {
    // Prepare
    const queue = await kit.createQueue('orders-disabled');
    const created = await kit.lambda.send(
      new CreateEventSourceMappingCommand({ FunctionName: 'recorder', EventSourceArn: queue.arn, Enabled: false }),
    );
    const uuid = created.UUID ?? '';
    await waitFor('the mapping to be Disabled', async () => (await stateOf(uuid)) === 'Disabled');

    // Act + Assess: nothing is received while disabled
    await kit.sqs.send(new SendMessageCommand({ QueueUrl: queue.url, MessageBody: 'while-disabled' }));
    await expectNothingFor('the disabled mapping delivered a message', QUIET_WINDOW_MS, () => kit.recordedEvents('recorder').length > 0);
    expect(await kit.countMessages(queue)).toBe(1);

    // Act + Assess: enabling delivers it
    const enabling = await kit.lambda.send(new UpdateEventSourceMappingCommand({ UUID: uuid, Enabled: true }));
    expect(enabling.State).toBe('Enabling');
    await waitFor('the mapping to be Enabled', async () => (await stateOf(uuid)) === 'Enabled');
    await waitFor('the message to be delivered', () =>
      kit.recordedEvents('recorder').some((event) => event.Records.some((record) => record.body === 'while-disabled')),
    );

    // Act + Assess: disabling again stops the poller
    const disabling = await kit.lambda.send(new UpdateEventSourceMappingCommand({ UUID: uuid, Enabled: false }));
    expect(disabling.State).toBe('Disabling');
    await waitFor('the mapping to be Disabled again', async () => (await stateOf(uuid)) === 'Disabled', { timeoutMs: 5000 });
    await kit.sqs.send(new SendMessageCommand({ QueueUrl: queue.url, MessageBody: 'after-disable' }));
    await expectNothingFor(
      'the mapping delivered a message after being disabled',
      QUIET_WINDOW_MS,
      () => kit.recordedEvents('recorder').some((event) => event.Records.some((record) => record.body === 'after-disable')),
    );
  }, 15_000);
});
