import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DescribeLogGroupsCommand, FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { startLogsTestKit, type LogsTestKit } from '../logs-service/helpers/logsTestKit.ts';
import { startLambdaTestKit, type LambdaTestKit } from './helpers/lambdaTestKit.ts';
import { waitFor } from './helpers/waitFor.ts';

describe('a function with LoggingConfig.LogGroup', () => {
  let logs: LogsTestKit;
  let kit: LambdaTestKit;

  beforeAll(async () => {
    logs = await startLogsTestKit();
    kit = await startLambdaTestKit({ logSink: (entry) => logs.service.store.write(entry) });
    await kit.deploy('echo-custom', 'echo-esm', { LoggingConfig: { LogFormat: 'Text', LogGroup: '/custom/echo' } });
  });

  afterAll(async () => {
    await kit.close();
    await logs.close();
  });

  it('logs into that group (created when missing), in the stream its environment was told about', async () => {
    const result = await kit.invoke('echo-custom', {});
    const env = (result.payload as { env: Record<string, string> }).env;

    const events = await waitFor('the START line in /custom/echo', async () => {
      const found = (await logs.logs.send(new FilterLogEventsCommand({ logGroupName: '/custom/echo', filterPattern: `"START RequestId: ${result.requestId}"` }))).events;
      return found?.length === 1 && found;
    });

    // "Configuring CloudWatch log groups" (Lambda developer guide): a custom log group replaces /aws/lambda/<name>.
    expect(env.AWS_LAMBDA_LOG_GROUP_NAME).toBe('/custom/echo');
    expect(events[0]?.logStreamName).toBe(env.AWS_LAMBDA_LOG_STREAM_NAME);
    const { logGroups } = await logs.logs.send(new DescribeLogGroupsCommand({}));
    expect(logGroups?.map((group) => group.logGroupName)).toEqual(['/custom/echo']);
  });
});
