import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GetFunctionConfigurationCommand } from '@aws-sdk/client-lambda';
import { GetSubscriptionAttributesCommand } from '@aws-sdk/client-sns';
import { GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { createAwsClients, type AwsClients } from '../../harness/aws/awsClients.ts';
import { startEmbeddedCloud, type EmbeddedCloud } from '../../harness/embedded/startEmbeddedCloud.ts';
import { provisionTopology } from '../../harness/provisioner/provisionTopology.ts';
import type { ProvisionedTopology } from '../../harness/provisioner/types.ts';
import { loadTopology, repoRoot } from '../../harness/topology/loadTopology.ts';
import type { Topology } from '../../harness/topology/topologySchema.ts';
import { buildLambdas } from '../../harness/build/buildLambdas.ts';

/** A second run with a changed topology brings the live resources in line, as `terraform apply` would. */
describe('re-provisioning a changed topology', () => {
  let cloud: EmbeddedCloud;
  let clients: AwsClients & Disposable;
  let changed: Topology;
  let provisioned: ProvisionedTopology;
  const distDir = path.join(repoRoot, 'dist', 'test-provisioner-changed');

  beforeAll(async () => {
    // Prepare
    await buildLambdas({ outDir: distDir });
    const original = await loadTopology();
    const fraud = original.consumers['fraud-screening'];
    const processor = original.consumers['order-processor'];
    if (!fraud?.filter_policy || !processor) throw new Error('the topology no longer has a filtered fraud-screening consumer and an order-processor');
    changed = {
      ...original,
      consumers: {
        ...original.consumers,
        'fraud-screening': { ...fraud, filter_policy: null },
        'order-processor': { ...processor, max_receive_count: processor.max_receive_count + 2, timeout: processor.timeout + 1 },
      },
    };
    cloud = await startEmbeddedCloud({ region: original.region });
    clients = createAwsClients({ region: cloud.region, endpoints: cloud.endpoints, credentials: cloud.credentials });
    await provisionTopology({ topology: original, clients, distDir });
    // Act
    provisioned = await provisionTopology({ topology: changed, clients, distDir });
  }, 60_000);

  afterAll(async () => {
    clients?.[Symbol.dispose]();
    await cloud?.close();
  });

  it('removes a filter policy that the topology no longer declares', async () => {
    const { Attributes = {} } = await clients.sns.send(new GetSubscriptionAttributesCommand({
      SubscriptionArn: provisioned.consumers['fraud-screening']?.subscriptionArn,
    }));
    expect(Attributes.FilterPolicy === undefined || Attributes.FilterPolicy === '{}' || Attributes.FilterPolicy === '').toBe(true);
  });

  it('updates the redrive policy and the function configuration', async () => {
    const processor = provisioned.consumers['order-processor'];
    const { Attributes = {} } = await clients.sqs.send(new GetQueueAttributesCommand({ QueueUrl: processor?.queueUrl, AttributeNames: ['RedrivePolicy'] }));
    expect(JSON.parse(Attributes.RedrivePolicy ?? '{}')).toMatchObject({ maxReceiveCount: changed.consumers['order-processor']?.max_receive_count });
    const configuration = await clients.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: processor?.functionName }));
    expect(configuration.Timeout).toBe(changed.consumers['order-processor']?.timeout);
  });

  it('lets only its own queue redrive into each dead-letter queue', async () => {
    for (const consumer of Object.values(provisioned.consumers)) {
      const { Attributes = {} } = await clients.sqs.send(new GetQueueAttributesCommand({ QueueUrl: consumer.dlqUrl, AttributeNames: ['RedriveAllowPolicy'] }));
      expect(JSON.parse(Attributes.RedriveAllowPolicy ?? '{}')).toEqual({ redrivePermission: 'byQueue', sourceQueueArns: [consumer.queueArn] });
    }
  });
});
