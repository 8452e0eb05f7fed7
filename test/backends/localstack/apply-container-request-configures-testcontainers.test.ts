import { describe, expect, it } from '@jest/globals';
import { LocalstackContainer } from '@testcontainers/localstack';
import { GenericContainer } from 'testcontainers';
import { applyContainerRequest } from '../../../harness/backends/localstack/containerRequest.ts';
import { localStackContainerRequest } from '../../../harness/backends/localstack/localStackContainerRequest.ts';
import { publisherContainerRequest } from '../../../harness/backends/localstack/publisherContainerRequest.ts';

/** Reads what testcontainers will send to Docker; constructing a container contacts no engine. */
class InspectableContainer extends GenericContainer {
  inspect() {
    return {
      env: this.environment,
      networkMode: this.networkMode,
      aliases: this.networkAliases,
      ports: this.exposedPorts,
      binds: this.hostConfig.Binds,
      waitStrategy: this.waitStrategy?.constructor.name,
      startupTimeoutMs: this.startupTimeoutMs,
    };
  }
}

class InspectableLocalStack extends LocalstackContainer {
  ports() {
    return this.exposedPorts;
  }
}

describe('applyContainerRequest', () => {
  it('turns a request into testcontainers settings: env, network, aliases, ports, binds, wait, timeout', () => {
    const request = localStackContainerRequest({ image: 'localstack/localstack:4.14.0', networkName: 'net-1', dockerSocket: '/var/run/docker.sock' });

    const settings = applyContainerRequest(new InspectableContainer(request.image), request).inspect();

    expect(settings.env).toMatchObject({ SERVICES: 'sns,sqs,lambda,iam,logs,sts', LAMBDA_DOCKER_NETWORK: 'net-1' });
    expect(settings.networkMode).toBe('net-1');
    expect(settings.aliases).toEqual(['localstack']);
    expect(settings.ports).toEqual([4566]);
    expect(settings.binds).toEqual(['/var/run/docker.sock:/var/run/docker.sock:rw']);
    expect(settings.waitStrategy).toBe('LogWaitStrategy');
    expect(settings.startupTimeoutMs).toBe(120_000);
  });

  it('uses an HTTP wait strategy for the publisher', () => {
    const request = publisherContainerRequest({ networkName: 'net-1', topicArn: 'arn:aws:sns:us-east-1:000000000000:t', region: 'us-east-1', apiKey: 'k' });

    expect(applyContainerRequest(new InspectableContainer('publisher'), request).inspect().waitStrategy).toBe('HttpWaitStrategy');
  });

  it('does not expose LocalStack\'s port twice on the LocalStack module container', () => {
    const request = localStackContainerRequest({ image: 'localstack/localstack:4.14.0', networkName: 'net-1', dockerSocket: '/var/run/docker.sock' });

    const container = applyContainerRequest(new InspectableLocalStack(request.image), request, { alreadyExposed: [4566] });

    expect(container.ports()).toEqual([4566]);
  });
});
