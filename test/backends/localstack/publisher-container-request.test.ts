import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { publisherContainerRequest, publisherImageBuild } from '../../../harness/backends/localstack/publisherContainerRequest.ts';
import { repoRoot } from '../../../harness/topology/loadTopology.ts';

const options = { networkName: 'tc-net-1234', topicArn: 'arn:aws:sns:us-east-1:000000000000:fanout-order-events', region: 'us-east-1', apiKey: 'k-1' };

describe('the publisher container', () => {
  it('is built from services/publisher/Dockerfile with the repository root as context', () => {
    expect(publisherImageBuild(repoRoot)).toEqual({ context: path.resolve(repoRoot), dockerfile: 'services/publisher/Dockerfile' });
  });

  it('publishes to the applied topic through LocalStack\'s network alias, with the stack\'s API key', () => {
    expect(publisherContainerRequest(options).environment).toEqual({
      ORDER_EVENTS_TOPIC_ARN: 'arn:aws:sns:us-east-1:000000000000:fanout-order-events',
      AWS_REGION: 'us-east-1',
      AWS_ENDPOINT_URL: 'http://localstack:4566',
      AWS_ACCESS_KEY_ID: 'test',
      AWS_SECRET_ACCESS_KEY: 'test',
      PUBLISHER_API_KEYS: 'k-1',
    });
  });

  it('joins the stack network, exposes port 3000 and is ready when GET /health answers 200', () => {
    const request = publisherContainerRequest(options);

    expect(request.networkName).toBe('tc-net-1234');
    expect(request.networkAliases).toEqual(['publisher']);
    expect(request.exposedPorts).toEqual([3000]);
    expect(request.wait).toEqual({ kind: 'http', path: '/health', port: 3000, status: 200 });
    expect(request.bindMounts).toEqual([]);
  });
});
