import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { LambdaClient, ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { ListTopicsCommand, SNSClient } from '@aws-sdk/client-sns';
import { ListQueuesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { fauxqsService } from '../../harness/edge/fauxqsService.ts';
import { startEdge, type Edge } from '../../harness/edge/startEdge.ts';
import type { EmulatedService } from '../../harness/edge/types.ts';
import { startLoopbackFauxqs, type LoopbackFauxqs } from '../../harness/embedded/startLoopbackFauxqs.ts';

const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };

/** A service that answers with its own name, standing in for the Lambda service. */
function namedService(signingName: string): EmulatedService {
  return {
    signingName,
    handle: (req, res) => {
      req.resume();
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ Functions: [{ FunctionName: `answered-by-${signingName}` }] }));
    },
  };
}

describe('the one endpoint (edge)', () => {
  let fauxqs: LoopbackFauxqs;
  let edge: Edge;

  beforeAll(async () => {
    fauxqs = await startLoopbackFauxqs();
    edge = await startEdge({ services: [fauxqsService(fauxqs, 'sns'), fauxqsService(fauxqs, 'sqs'), namedService('lambda')] });
  });

  afterAll(async () => {
    await edge.close();
    await fauxqs.close();
  });

  it('hands SQS (JSON protocol) and SNS (Query protocol) requests to fauxqs by their SigV4 credential scope', async () => {
    const sqs = new SQSClient({ region: 'us-east-1', endpoint: edge.url, credentials });
    const sns = new SNSClient({ region: 'us-east-1', endpoint: edge.url, credentials });

    const queues = await sqs.send(new ListQueuesCommand({}));
    const topics = await sns.send(new ListTopicsCommand({}));

    expect(queues.$metadata.httpStatusCode).toBe(200);
    expect(topics.$metadata.httpStatusCode).toBe(200);
    sqs.destroy();
    sns.destroy();
  });

  it('hands Lambda REST requests to the Lambda service', async () => {
    const lambda = new LambdaClient({ region: 'us-east-1', endpoint: edge.url, credentials });

    const listed = await lambda.send(new ListFunctionsCommand({}));

    expect(listed.Functions?.[0]?.FunctionName).toBe('answered-by-lambda');
    lambda.destroy();
  });

  it('routes an unsigned request by its X-Amz-Target or its path', async () => {
    const viaTarget = await fetch(edge.url, { method: 'POST', headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'AmazonSQS.ListQueues' }, body: '{}' });
    const viaPath = await fetch(`${edge.url}/2015-03-31/functions`);

    expect(viaTarget.status).toBe(200);
    expect(await viaPath.json()).toEqual({ Functions: [{ FunctionName: 'answered-by-lambda' }] });
  });

  it('answers a service it does not emulate in the Query error shape, naming the service and the action', async () => {
    const response = await fetch(edge.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: 'AWS4-HMAC-SHA256 Credential=test/20261201/us-east-1/ec2/aws4_request, SignedHeaders=host, Signature=00',
      },
      body: 'Action=DescribeInstances&Version=2016-11-15',
    });
    const text = await response.text();

    expect(response.status).toBe(400);
    expect(text).toMatch(/^<ErrorResponse xmlns="[^"]+"><Error><Type>Sender<\/Type><Code>UnknownService<\/Code><Message>The embedded stack does not emulate the service "ec2" \(action DescribeInstances\)/);
  });

  it('answers a JSON-protocol request it cannot route with __type, and an unsigned one saying it cannot tell the service', async () => {
    const unknownTarget = await fetch(edge.url, { method: 'POST', headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'DynamoDB_20120810.ListTables' }, body: '{}' });
    const unsigned = await fetch(`${edge.url}/some/path`);

    expect(unknownTarget.status).toBe(400);
    expect(unknownTarget.headers.get('x-amzn-errortype')).toBe('MissingAuthenticationToken');
    expect(await unknownTarget.json()).toEqual({ __type: 'MissingAuthenticationToken', message: expect.stringContaining('action ListTables') });
    expect(unsigned.status).toBe(400);
    expect(await unsigned.text()).toContain('GET /some/path');
  });
});
