import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  CreateEventSourceMappingCommand,
  DeleteEventSourceMappingCommand,
  GetEventSourceMappingCommand,
  ListEventSourceMappingsCommand,
  UpdateEventSourceMappingCommand,
} from '@aws-sdk/client-lambda';
import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { POLLER_PATHS, startSqsTestKit, type SqsTestKit } from './helpers/sqsTestKit.ts';
import { expectNothingFor, waitFor } from './helpers/waitFor.ts';

/**
 * A mapping's lifecycle as AWS shows it: created with `Enabled: false` it answers Disabled (LocalStack's parity
 * snapshot recorded on AWS, tests/aws/services/lambda_/event_source_mapping/test_lambda_integration_sqs.snapshot.json,
 * `test_fifo_message_group_parallelism`, create_esm_disabled); deleted, "it enters a Deleting state and might not be
 * completely deleted for several seconds" (docs.aws.amazon.com/lambda/latest/api/API_DeleteEventSourceMapping.html).
 */
describe.each(POLLER_PATHS)('the lifecycle of an event source mapping, polled through $path', ({ inProcess }) => {
  let kit: SqsTestKit;

  beforeAll(async () => {
    kit = await startSqsTestKit({ inProcess });
    await kit.deploy('recorder', 'recorder');
  });

  afterAll(async () => {
    await kit.close();
  });

  const get = (UUID: string) => kit.lambda.send(new GetEventSourceMappingCommand({ UUID }));

  it('answers Disabled to a mapping created with Enabled: false, and stays Disabled', async () => {
    const queue = await kit.createQueue('lifecycle-disabled');

    const created = await kit.lambda.send(new CreateEventSourceMappingCommand({ FunctionName: 'recorder', EventSourceArn: queue.arn, Enabled: false }));

    expect(created).toMatchObject({ State: 'Disabled', StateTransitionReason: 'USER_INITIATED' });
    expect((await get(created.UUID ?? '')).State).toBe('Disabled');
  });

  it('shows a deleted mapping as Deleting a while, polls nothing meanwhile, then is gone soon enough for Terraform', async () => {
    // Prepare
    const queue = await kit.createQueue('lifecycle-deleted');
    const created = await kit.lambda.send(new CreateEventSourceMappingCommand({ FunctionName: 'recorder', EventSourceArn: queue.arn }));
    const uuid = created.UUID ?? '';
    await waitFor('the mapping to be Enabled', async () => (await get(uuid)).State === 'Enabled');

    // Act
    const deletedAt = Date.now();
    const deleted = await kit.lambda.send(new DeleteEventSourceMappingCommand({ UUID: uuid }));
    const read = await get(uuid);
    const listed = await kit.lambda.send(new ListEventSourceMappingsCommand({ EventSourceArn: queue.arn }));
    await kit.sqs.send(new SendMessageCommand({ QueueUrl: queue.url, MessageBody: 'after-delete' }));

    // Assess: Deleting everywhere, and a second delete or an update finds nothing to act on.
    expect(deleted.State).toBe('Deleting');
    expect(read.State).toBe('Deleting');
    expect(listed.EventSourceMappings?.map((mapping) => [mapping.UUID, mapping.State])).toEqual([[uuid, 'Deleting']]);
    await expect(kit.lambda.send(new DeleteEventSourceMappingCommand({ UUID: uuid }))).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    await expect(kit.lambda.send(new UpdateEventSourceMappingCommand({ UUID: uuid, BatchSize: 2 }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
    // Gone before the Terraform provider's fourth poll of GetEventSourceMapping (0, 0.1, 0.3, 0.7 s after the delete).
    const gone = await waitFor(
      'the mapping to be gone',
      () => get(uuid).then(() => false, (error: unknown) => error),
      { intervalMs: 10, timeoutMs: 2000 },
    );
    expect(gone).toMatchObject({ name: 'ResourceNotFoundException', message: 'The resource you requested does not exist.' });
    expect(Date.now() - deletedAt).toBeLessThan(700);
    await expectNothingFor('the deleted mapping delivered a message', 500, () =>
      kit.recordedEvents('recorder').some((event) => event.Records.some((record) => record.body === 'after-delete')),
    );
    expect(await kit.countMessages(queue)).toBe(1);
  });
});
