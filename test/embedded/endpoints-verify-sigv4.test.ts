import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CreateFunctionCommand, InvokeCommand, LambdaClient, ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { CreateQueueCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { startEmbeddedCloud, type EmbeddedCloud } from '../../harness/embedded/startEmbeddedCloud.ts';
import { zipFixture } from '../lambda-service/helpers/zipFunction.ts';

const ROLE = 'arn:aws:iam::000000000000:role/signed';

interface Answer {
  status: number;
  type: string | null;
  body: string;
}

/**
 * Every endpoint of the stack (the one endpoint, and the SNS/SQS and Lambda ports) checks AWS Signature
 * Version 4 against the stack's credentials (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv.html),
 * answering AWS's errors (MissingAuthenticationToken, UnrecognizedClientException/InvalidClientTokenId,
 * InvalidSignatureException/SignatureDoesNotMatch, all 403), and refuses what a web browser sends (Origin,
 * Sec-Fetch-*, a CORS preflight, a host that is not loopback), so a web page cannot create or invoke code.
 */
describe('the endpoints of the embedded stack', () => {
  let cloud: EmbeddedCloud;
  let createdByTest = 0;

  beforeAll(async () => {
    cloud = await startEmbeddedCloud();
  }, 30_000);

  afterAll(async () => {
    await cloud.close();
  });

  const createFunctionBody = async (name: string): Promise<string> =>
    JSON.stringify({ FunctionName: name, Runtime: 'nodejs24.x', Handler: 'index.handler', Role: ROLE, Code: { ZipFile: Buffer.from(await zipFixture('echo-esm')).toString('base64') } });

  async function raw(url: string, init: RequestInit): Promise<Answer> {
    const response = await fetch(url, init);
    return { status: response.status, type: response.headers.get('x-amzn-errortype'), body: await response.text() };
  }

  /** A GET naming another host, as a browser's request to a rebound DNS name does (fetch cannot set Host). */
  function getWithHost(url: string, host: string): Promise<Answer> {
    const { promise, resolve, reject } = Promise.withResolvers<Answer>();
    const req = request(url, { method: 'GET', headers: { host } }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: (res.headers['x-amzn-errortype'] as string | undefined) ?? null, body }));
    });
    req.on('error', reject);
    req.end();
    return promise;
  }

  function lambdaWith(credentials: { accessKeyId: string; secretAccessKey: string }, endpoint = cloud.endpoints.aws, extra: Record<string, unknown> = {}): LambdaClient {
    return new LambdaClient({ endpoint, region: cloud.region, credentials, maxAttempts: 1, ...extra });
  }

  async function functionNames(): Promise<string[]> {
    const lambda = lambdaWith(cloud.credentials);
    try {
      return ((await lambda.send(new ListFunctionsCommand({}))).Functions ?? []).map((fn) => fn.FunctionName ?? '');
    } finally {
      lambda.destroy();
    }
  }

  it.each([
    ['application/json', 'the one endpoint', () => cloud.endpoints.aws],
    ['text/plain', 'the one endpoint', () => cloud.endpoints.aws],
    ['application/json', 'the Lambda port', () => cloud.endpoints.lambda],
    ['text/plain', 'the Lambda port', () => cloud.endpoints.lambda],
  ])('refuses an unsigned CreateFunction sent as %s to %s (403), and creates nothing', async (contentType, _where, endpoint) => {
    const answer = await raw(`${endpoint()}/2015-03-31/functions`, { method: 'POST', headers: { 'content-type': contentType }, body: await createFunctionBody('unsigned') });

    expect(answer).toMatchObject({ status: 403, type: 'MissingAuthenticationTokenException' });
    expect(await functionNames()).not.toContain('unsigned');
  });

  it('refuses unsigned SNS and SQS calls on their own port, in their own wire shapes', async () => {
    const sns = await raw(cloud.endpoints.sns, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'Action=CreateTopic&Name=unsigned' });
    const sqs = await raw(cloud.endpoints.sqs, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'AmazonSQS.CreateQueue' },
      body: '{"QueueName":"unsigned"}',
    });

    expect(sns.status).toBe(403);
    expect(sns.body).toContain('<Code>MissingAuthenticationToken</Code>');
    expect(sqs).toMatchObject({ status: 403, type: 'MissingAuthenticationTokenException' });
  });

  it('takes the SDK signed with the stack credentials on every endpoint, and refuses a wrong secret or an unknown key', async () => {
    for (const endpoint of [cloud.endpoints.aws, cloud.endpoints.lambda]) {
      const signed = lambdaWith(cloud.credentials, endpoint);
      const name = `signed-${(createdByTest += 1)}`;
      const created = signed.send(new CreateFunctionCommand({ FunctionName: name, Runtime: 'nodejs24.x', Handler: 'index.handler', Role: ROLE, Code: { ZipFile: await zipFixture('echo-esm') } }));
      await expect(created).resolves.toMatchObject({ FunctionName: name });
      signed.destroy();
    }
    const wrongSecret = lambdaWith({ accessKeyId: cloud.credentials.accessKeyId, secretAccessKey: 'wrong' });
    const unknownKey = lambdaWith({ accessKeyId: 'AKIAUNKNOWNKEY000000', secretAccessKey: cloud.credentials.secretAccessKey });

    await expect(wrongSecret.send(new ListFunctionsCommand({}))).rejects.toMatchObject({ name: 'InvalidSignatureException', $metadata: { httpStatusCode: 403 } });
    await expect(unknownKey.send(new ListFunctionsCommand({}))).rejects.toMatchObject({ name: 'UnrecognizedClientException', $metadata: { httpStatusCode: 403 } });
    wrongSecret.destroy();
    unknownKey.destroy();
  });

  it('refuses a signature more than 15 minutes old', async () => {
    const late = lambdaWith(cloud.credentials, cloud.endpoints.aws, { systemClockOffset: -20 * 60 * 1000 });

    await expect(late.send(new ListFunctionsCommand({}))).rejects.toMatchObject({ name: 'InvalidSignatureException', message: expect.stringContaining('Signature expired') });
    late.destroy();
  });

  it('refuses what a web browser sends, signed or not: an Origin, Sec-Fetch headers, a CORS preflight, a host that is not loopback', async () => {
    const body = await createFunctionBody('from-a-web-page');
    const port = new URL(cloud.endpoints.aws).port;
    const answers = await Promise.all([
      raw(`${cloud.endpoints.aws}/2015-03-31/functions`, { method: 'POST', headers: { 'content-type': 'text/plain', origin: 'https://evil.example' }, body }),
      raw(`${cloud.endpoints.lambda}/2015-03-31/functions`, { method: 'POST', headers: { 'content-type': 'text/plain', 'sec-fetch-site': 'cross-site' }, body }),
      raw(`${cloud.endpoints.aws}/2015-03-31/functions`, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } }),
      getWithHost(`${cloud.endpoints.aws}/2015-03-31/functions`, `rebound.evil.example:${port}`),
    ]);

    for (const answer of answers) {
      expect(answer).toMatchObject({ status: 403, type: 'AccessDeniedException' });
    }
    expect(await functionNames()).not.toContain('from-a-web-page');
  });

  it("lets the functions call the stack with the credentials they are given, and takes STS's temporary credentials", async () => {
    // Prepare
    const lambda = lambdaWith(cloud.credentials);
    const sqs = new SQSClient({ endpoint: cloud.endpoints.aws, region: cloud.region, credentials: cloud.credentials, useQueueUrlAsEndpoint: false });
    const queueUrl = (await sqs.send(new CreateQueueCommand({ QueueName: 'signed-by-a-function' }))).QueueUrl ?? '';
    await lambda.send(new CreateFunctionCommand({ FunctionName: 'sender', Runtime: 'nodejs24.x', Handler: 'index.handler', Role: ROLE, Code: { ZipFile: await zipFixture('sqs-sender') } }));
    const sts = new STSClient({ endpoint: cloud.endpoints.aws, region: cloud.region, credentials: cloud.credentials });

    // Act
    const invoked = await lambda.send(new InvokeCommand({ FunctionName: 'sender', Payload: Buffer.from(JSON.stringify({ queueUrl, body: 'hello' })) }));
    const { Credentials } = await sts.send(new AssumeRoleCommand({ RoleArn: ROLE, RoleSessionName: 'tests' }));
    const assumed = lambdaWith({ accessKeyId: Credentials?.AccessKeyId ?? '', secretAccessKey: Credentials?.SecretAccessKey ?? '', sessionToken: Credentials?.SessionToken ?? '' } as never);

    // Assess
    expect(JSON.parse(Buffer.from(invoked.Payload ?? new Uint8Array()).toString('utf8'))).toMatchObject({ messageId: expect.any(String) });
    expect((await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, WaitTimeSeconds: 1 }))).Messages?.[0]?.Body).toBe('hello');
    await expect(assumed.send(new ListFunctionsCommand({}))).resolves.toMatchObject({ Functions: expect.any(Array) });
    for (const client of [lambda, sqs, sts, assumed]) client.destroy();
  }, 30_000);
});
