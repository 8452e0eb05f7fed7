import { describe, expect, it } from '@jest/globals';
import { loadTopology } from '../../harness/topology/loadTopology.ts';
import { topicName } from '../../harness/topology/resourceNames.ts';
import { composeService } from './support/loadComposeFile.ts';

/** LocalStack's default account, which the "test" credentials map to. */
const localStackAccount = '000000000000';

describe('the publisher service', () => {
  it('publishes to the topic that resourceNames.ts derives from the topology, in LocalStack', async () => {
    // Prepare
    const topology = await loadTopology();
    const publisher = await composeService('publisher');

    // Act
    const expected = `arn:aws:sns:${topology.region}:${localStackAccount}:${topicName(topology)}`;

    // Assess
    expect(publisher.environment).toMatchObject({
      ORDER_EVENTS_TOPIC_ARN: expected,
      AWS_REGION: topology.region,
      AWS_ENDPOINT_URL: 'http://localstack:4566',
      PORT: '3000',
    });
  });

  it('is built from its Dockerfile with the repository as context, starts after Terraform succeeded and is healthy when /health answers', async () => {
    const publisher = await composeService('publisher');

    expect(publisher.build).toEqual({ context: '..', dockerfile: 'services/publisher/Dockerfile' });
    expect(publisher.depends_on?.terraform).toEqual({ condition: 'service_completed_successfully' });
    expect(publisher.ports).toEqual(['127.0.0.1:3000:3000']);
    expect(publisher.healthcheck?.test[0]).toBe('CMD');
    expect(publisher.healthcheck?.test.join(' ')).toContain('http://127.0.0.1:3000/health');
  });
});
