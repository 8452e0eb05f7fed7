import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DescribeLogStreamsCommand, FilterLogEventsCommand, type FilteredLogEvent } from '@aws-sdk/client-cloudwatch-logs';
import { startLogsTestKit, type LogsTestKit } from '../logs-service/helpers/logsTestKit.ts';
import { startLambdaTestKit, type LambdaTestKit } from './helpers/lambdaTestKit.ts';
import { waitFor } from './helpers/waitFor.ts';

/** Lambda's stream names: the environment's start date (UTC), `[$LATEST]`, 32 hex digits. */
const STREAM_NAME = /^(\d{4})\/(\d{2})\/(\d{2})\/\[\$LATEST\][0-9a-f]{32}$/;

describe('function logs in CloudWatch Logs', () => {
  let logs: LogsTestKit;
  let kit: LambdaTestKit;

  beforeAll(async () => {
    logs = await startLogsTestKit();
    kit = await startLambdaTestKit({ logSink: (entry) => logs.service.store.write(entry) });
    await kit.deploy('logger', 'logger');
  });

  afterAll(async () => {
    await kit.close();
    await logs.close();
  });

  it('writes START, console lines, END and REPORT of every invocation to /aws/lambda/<name>, one stream per environment', async () => {
    // Prepare
    const startedOn = new Date().toISOString().slice(0, 10);
    const cold = await kit.invoke('logger', { name: 'cold' });
    const warm = await kit.invoke('logger', { name: 'warm' });

    // Act
    const events = await waitFor('the REPORT line of the warm invocation', async () => {
      const found = (await logs.logs.send(new FilterLogEventsCommand({ logGroupName: '/aws/lambda/logger' }))).events ?? [];
      return found.some((event) => event.message?.startsWith(`REPORT RequestId: ${warm.requestId}`)) && found;
    });
    const { logStreams } = await logs.logs.send(new DescribeLogStreamsCommand({ logGroupName: '/aws/lambda/logger' }));

    // Assess
    const of = (requestId: string | undefined): string[] =>
      events.filter((event: FilteredLogEvent) => event.message?.includes(requestId ?? '?')).map((event) => event.message ?? '');
    // "Using CloudWatch Logs with Lambda" (Lambda developer guide): START, END and REPORT frame each invocation;
    // each event ends with the line's newline, as LocalStack writes them too.
    expect(of(cold.requestId)[0]).toBe(`START RequestId: ${cold.requestId} Version: $LATEST\n`);
    expect(of(cold.requestId)).toContainEqual(expect.stringMatching(new RegExp(`^[\\d-]+T[\\d:.]+Z\\t${cold.requestId}\\tINFO\\thello from cold\\n$`)));
    expect(of(cold.requestId).at(-2)).toBe(`END RequestId: ${cold.requestId}\n`);
    expect(of(cold.requestId).at(-1)).toMatch(new RegExp(`^REPORT RequestId: ${cold.requestId}\\tDuration: .*Init Duration: .*\\n$`));
    expect(of(warm.requestId)[0]).toBe(`START RequestId: ${warm.requestId} Version: $LATEST\n`);
    expect(events.map((event) => event.message)).toContainEqual(expect.stringMatching(/^INIT_START /));
    // The warm invocation ran in the same environment: one stream, named as Lambda names them.
    expect(new Set(events.map((event) => event.logStreamName)).size).toBe(1);
    expect(logStreams).toHaveLength(1);
    const [, year, month, day] = STREAM_NAME.exec(logStreams?.[0]?.logStreamName ?? '') ?? [];
    expect([startedOn, new Date().toISOString().slice(0, 10)]).toContain(`${year}-${month}-${day}`);
  });
});
