import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AwsBackend } from '../../../harness/backends/aws/AwsBackend.ts';
import { BackendSettingError, StackUnreachableError, TerraformOutputsError } from '../../../harness/backends/errors.ts';
import { terraformOutputJson } from '../support/terraformOutputsFixture.ts';

describe('the aws backend', () => {
  let dir: string;
  let outputsFile: string;
  const checked: [string, string][] = [];
  const checkTopic = async (topicArn: string, region: string) => {
    checked.push([topicArn, region]);
  };
  const healthy = async () => undefined;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'fanout-aws-'));
    outputsFile = path.join(dir, 'terraform-outputs.json');
    await writeFile(outputsFile, JSON.stringify(terraformOutputJson({ region: 'eu-central-1', account: '123456789012' })));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('describes the stack from the outputs: SDK default endpoints and credentials, the outputs\' region', async () => {
    const backend = new AwsBackend({ outputsFile, apiUrl: 'https://orders.example.com', apiKey: 'k', probe: healthy, checkTopic });

    await using stack = await backend.start();

    expect(stack.info).toEqual({
      backend: 'aws',
      apiUrl: 'https://orders.example.com',
      docsUrl: 'https://orders.example.com/docs',
      apiKey: 'k',
      region: 'eu-central-1',
      endpoints: {},
      topicArn: 'arn:aws:sns:eu-central-1:123456789012:fanout-order-events',
      outcomesQueueUrl: 'http://sqs.eu-central-1.localhost.localstack.cloud:4566/123456789012/fanout-order-outcomes',
    });
    expect(stack.info).not.toHaveProperty('credentials');
    // The specs only read a deployed stack: no paused mapping, no drained dead-letter queue, one worker.
    expect(stack.shared).toBe(true);
    expect(checked).toContainEqual(['arn:aws:sns:eu-central-1:123456789012:fanout-order-events', 'eu-central-1']);
  });

  it('needs FANOUT_API_URL', async () => {
    const backend = new AwsBackend({ env: {}, outputsFile, probe: healthy, checkTopic });

    await expect(backend.start()).rejects.toThrow(BackendSettingError);
    await expect(backend.start()).rejects.toThrow(/^aws backend needs FANOUT_API_URL: the base URL of the deployed publisher/);
  });

  it('fails clearly when the outputs file is missing or the publisher does not answer', async () => {
    const missing = path.join(dir, 'missing.json');
    const down = async () => 'ENOTFOUND';

    await expect(new AwsBackend({ outputsFile: missing, apiUrl: 'https://orders.example.com', probe: healthy, checkTopic }).start()).rejects.toThrow(TerraformOutputsError);
    await expect(new AwsBackend({ outputsFile, apiUrl: 'https://orders.example.com', probe: down, checkTopic }).start())
      .rejects.toThrow(new StackUnreachableError('aws backend: the publisher at https://orders.example.com (FANOUT_API_URL) does not answer GET /health: ENOTFOUND'));
  });
});
