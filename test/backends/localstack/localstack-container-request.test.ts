import { describe, expect, it } from '@jest/globals';
import { localStackContainerRequest } from '../../../harness/backends/localstack/localStackContainerRequest.ts';

const base = { image: 'localstack/localstack:4.14.0', networkName: 'tc-net-1234', dockerSocket: '/var/run/docker.sock' };

describe('localStackContainerRequest', () => {
  it('runs the chosen image with the services the pipeline uses and Lambdas on the stack network', () => {
    const request = localStackContainerRequest(base);

    expect(request.image).toBe('localstack/localstack:4.14.0');
    expect(request.environment).toMatchObject({
      SERVICES: 'sns,sqs,lambda,iam,logs,sts',
      LAMBDA_DOCKER_NETWORK: 'tc-net-1234',
      LOCALSTACK_HOST: 'localstack:4566',
      DOCKER_HOST: 'unix:///var/run/docker.sock',
    });
    expect(request.networkName).toBe('tc-net-1234');
    expect(request.networkAliases).toEqual(['localstack']);
  });

  it('binds the engine\'s Docker socket so that LocalStack can start Lambda containers', () => {
    expect(localStackContainerRequest(base).bindMounts).toEqual([{ source: '/var/run/docker.sock', target: '/var/run/docker.sock', mode: 'rw' }]);
    expect(localStackContainerRequest({ ...base, dockerSocket: '/run/user/1000/docker.sock' }).bindMounts[0]?.source).toBe('/run/user/1000/docker.sock');
  });

  it('exposes the edge port and waits for "Ready."', () => {
    const request = localStackContainerRequest(base);

    expect(request.exposedPorts).toEqual([4566]);
    expect(request.wait).toEqual({ kind: 'log', message: 'Ready.' });
    expect(request.startupTimeoutMs).toBeGreaterThanOrEqual(60_000);
  });

  it('passes LOCALSTACK_AUTH_TOKEN through only when one is set', () => {
    expect(localStackContainerRequest({ ...base, authToken: 'ls-secret' }).environment.LOCALSTACK_AUTH_TOKEN).toBe('ls-secret');
    expect(localStackContainerRequest(base).environment).not.toHaveProperty('LOCALSTACK_AUTH_TOKEN');
  });
});
