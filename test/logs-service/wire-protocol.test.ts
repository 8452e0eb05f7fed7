import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { startLogsTestKit, type LogsTestKit } from './helpers/logsTestKit.ts';

describe('the AWS JSON 1.1 wire protocol', () => {
  let kit: LogsTestKit;

  beforeAll(async () => {
    kit = await startLogsTestKit();
  });

  afterAll(async () => {
    await kit.close();
  });

  it('answers with Content-Type application/x-amz-json-1.1', async () => {
    const reply = await kit.post('Logs_20140328.DescribeLogGroups', '{}');

    // LocalStack parity test test_filter_log_events_response_header: the content type of AWS's answers.
    expect(reply).toEqual({ status: 200, contentType: 'application/x-amz-json-1.1', json: { logGroups: [] } });
  });

  it('answers an action it does not know, or no X-Amz-Target, with UnknownOperationException (400)', async () => {
    expect(await kit.post('Logs_20140328.StartQuery', '{}')).toMatchObject({ status: 400, json: { __type: 'UnknownOperationException' } });
    expect(await kit.post('Logs_20140328.toString', '{}')).toMatchObject({ status: 400, json: { __type: 'UnknownOperationException' } });
    expect(await kit.post(undefined, '{}')).toMatchObject({ status: 400, json: { __type: 'UnknownOperationException' } });
  });

  it('answers a body that is not a JSON object, or a member of the wrong type, with SerializationException', async () => {
    for (const body of ['{"logGroupName":', '[]', '"text"']) {
      expect(await kit.post('Logs_20140328.CreateLogGroup', body)).toMatchObject({ status: 400, json: { __type: 'SerializationException' } });
    }
    expect(await kit.post('Logs_20140328.CreateLogGroup', '{"logGroupName": 42}')).toMatchObject({ status: 400, json: { __type: 'SerializationException' } });
  });

  it('renders errors as {"__type", "message"} and a missing member as a validation error', async () => {
    const reply = await kit.post('Logs_20140328.CreateLogGroup', '{}');

    expect(reply).toEqual({
      status: 400,
      contentType: 'application/x-amz-json-1.1',
      json: {
        __type: 'InvalidParameterException',
        message: "1 validation error detected: Value null at 'logGroupName' failed to satisfy constraint: Member must not be null",
      },
    });
  });

  it('keeps answering after bad requests on the same connection', async () => {
    await kit.post('Logs_20140328.CreateLogGroup', 'x'.repeat(9 * 1024 * 1024));

    await expect(kit.logs.send(new DescribeLogGroupsCommand({}))).resolves.toMatchObject({ logGroups: [] });
  });
});
