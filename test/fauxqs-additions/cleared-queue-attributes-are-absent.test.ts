import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GetQueueAttributesCommand, SetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { startFauxqsKit, type FauxqsKit } from './support/fauxqsKit.ts';

/**
 * GetQueueAttributes leaves out a policy set to "" (how `aws_sqs_queue_policy` and
 * `aws_sqs_queue_redrive_allow_policy` are destroyed), as when none was set (LocalStack's AWS-validated
 * snapshot tests/aws/services/sqs/test_sqs.snapshot.json, `TestSqsProvider::test_sqs_permission_lifecycle`,
 * `get-queue-policy-attribute-after-removal`); a KMS-encrypted queue reports SqsManagedSseEnabled "false"
 * (`TestSqsProvider::test_sse_queue_attributes`, `sse_kms_attributes`).
 */
describe('queue attributes that were cleared', () => {
  let kit: FauxqsKit;

  beforeAll(async () => {
    kit = await startFauxqsKit();
  });

  afterAll(async () => {
    await kit.close();
  });

  it('are absent from GetQueueAttributes, by name and under All', async () => {
    const queue = await kit.createQueue('cleared-queue');
    const policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'sns.amazonaws.com' }, Action: 'sqs:SendMessage', Resource: queue.arn }] });
    const redriveAllowPolicy = JSON.stringify({ redrivePermission: 'allowAll' });
    await kit.sqs.send(new SetQueueAttributesCommand({ QueueUrl: queue.url, Attributes: { Policy: policy, RedriveAllowPolicy: redriveAllowPolicy } }));
    const before = await kit.sqs.send(new GetQueueAttributesCommand({ QueueUrl: queue.url, AttributeNames: ['Policy', 'RedriveAllowPolicy'] }));
    expect(before.Attributes).toEqual({ Policy: policy, RedriveAllowPolicy: redriveAllowPolicy });

    await kit.sqs.send(new SetQueueAttributesCommand({ QueueUrl: queue.url, Attributes: { Policy: '', RedriveAllowPolicy: '' } }));

    const byName = await kit.sqs.send(new GetQueueAttributesCommand({ QueueUrl: queue.url, AttributeNames: ['Policy', 'RedriveAllowPolicy'] }));
    const all = await kit.sqs.send(new GetQueueAttributesCommand({ QueueUrl: queue.url, AttributeNames: ['All'] }));
    expect(byName.Attributes ?? {}).toEqual({});
    expect(all.Attributes).not.toHaveProperty('Policy');
    expect(all.Attributes).not.toHaveProperty('RedriveAllowPolicy');
  });

  it('include SqsManagedSseEnabled "false" once a KMS key encrypts the queue', async () => {
    const queue = await kit.createQueue('kms-queue');

    await kit.sqs.send(new SetQueueAttributesCommand({ QueueUrl: queue.url, Attributes: { KmsMasterKeyId: 'testKeyId', KmsDataKeyReusePeriodSeconds: '6000' } }));

    const read = await kit.sqs.send(
      new GetQueueAttributesCommand({ QueueUrl: queue.url, AttributeNames: ['KmsMasterKeyId', 'KmsDataKeyReusePeriodSeconds', 'SqsManagedSseEnabled'] }),
    );
    expect(read.Attributes).toEqual({ KmsMasterKeyId: 'testKeyId', KmsDataKeyReusePeriodSeconds: '6000', SqsManagedSseEnabled: 'false' });
  });
});
