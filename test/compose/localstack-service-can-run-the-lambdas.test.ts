import { describe, expect, it } from '@jest/globals';
import { composeService, loadComposeFile } from './support/loadComposeFile.ts';

describe('the localstack service', () => {
  it('is pinned to 4.14.0, the last image that starts without an account', async () => {
    expect((await composeService('localstack')).image).toBe('localstack/localstack:4.14.0');
  });

  it('passes LOCALSTACK_AUTH_TOKEN through from the shell, empty when unset', async () => {
    expect((await composeService('localstack')).environment?.LOCALSTACK_AUTH_TOKEN).toBe('${LOCALSTACK_AUTH_TOKEN:-}');
  });

  it('runs every service the stack uses, on port 4566', async () => {
    const localstack = await composeService('localstack');

    expect(String(localstack.environment?.SERVICES).split(',').sort()).toEqual(['iam', 'lambda', 'logs', 'sns', 'sqs', 'sts']);
    expect(localstack.ports).toEqual(['127.0.0.1:4566:4566']);
  });

  it('can start Lambda containers through the Docker socket, on the network the stack shares', async () => {
    // Prepare
    const compose = await loadComposeFile();
    const localstack = await composeService('localstack');

    // Act
    const network = String(localstack.environment?.LAMBDA_DOCKER_NETWORK);

    // Assess
    expect(localstack.volumes).toContain('/var/run/docker.sock:/var/run/docker.sock');
    // Compose prefixes network names with the project name unless `name` fixes it.
    expect(Object.values(compose.networks ?? {}).map((n) => n.name)).toContain(network);
    for (const service of Object.values(compose.services)) expect(service.networks).toEqual(['fanout']);
  });

  it('reports healthy only when its health endpoint answers', async () => {
    const healthcheck = (await composeService('localstack')).healthcheck?.test ?? [];

    expect(healthcheck[0]).toBe('CMD');
    expect(healthcheck.at(-1)).toBe('http://localhost:4566/_localstack/health');
  });
});
