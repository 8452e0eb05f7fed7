import { execFile, spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startLogsTestKit, type LogsTestKit } from './helpers/logsTestKit.ts';

const found = spawnSync('sh', ['-c', 'command -v aws'], { encoding: 'utf8' });
const aws = found.status === 0 ? found.stdout.trim() : undefined;
if (!aws) console.warn('skipped AWS CLI checks of the logs service: no `aws` command on PATH');
const maybe = aws ? it : it.skip;

/** The AWS CLI against the logs service, asynchronously (the service answers from this process). */
function cli(endpoint: string, ...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_DEFAULT_REGION: 'us-east-1', AWS_PAGER: '', AWS_MAX_ATTEMPTS: '1' };
  const { promise, resolve } = Promise.withResolvers<{ status: number; stdout: string; stderr: string }>();
  execFile(aws ?? 'aws', ['--endpoint-url', endpoint, '--output', 'json', ...args], { env, timeout: 30_000 }, (error, stdout, stderr) => {
    resolve({ status: error ? Number(error.code ?? 1) : 0, stdout, stderr });
  });
  return promise;
}

describe('the AWS CLI reading function logs', () => {
  let kit: LogsTestKit;
  const start = Date.now() - 10_000;

  beforeAll(async () => {
    kit = await startLogsTestKit();
    for (let i = 0; i < 120; i += 1) {
      kit.service.store.write({ logGroupName: '/aws/lambda/fn', logStreamName: `2026/01/02/[$LATEST]${String(i % 3).repeat(32)}`, timestamp: start + i, message: `line ${i}\n` });
    }
  });

  afterAll(async () => {
    await kit.close();
  });

  maybe('gets every event through filter-log-events, paging with nextToken on its own', async () => {
    // --page-size makes the CLI page (botocore's filter_log_events paginator follows nextToken).
    const all = await cli(kit.url, 'logs', 'filter-log-events', '--log-group-name', '/aws/lambda/fn', '--page-size', '25');
    const errors = await cli(kit.url, 'logs', 'filter-log-events', '--log-group-name', '/aws/lambda/fn', '--filter-pattern', '"line 11"', '--start-time', String(start));
    const missing = await cli(kit.url, 'logs', 'filter-log-events', '--log-group-name', '/aws/lambda/missing');

    expect(all).toMatchObject({ status: 0, stderr: '' });
    expect(JSON.parse(all.stdout).events.map((event: { message: string }) => event.message)).toEqual(Array.from({ length: 120 }, (_, i) => `line ${i}\n`));
    expect(JSON.parse(errors.stdout).events.map((event: { message: string }) => event.message)).toEqual(['line 11\n', 'line 110\n', 'line 111\n', 'line 112\n', 'line 113\n', 'line 114\n', 'line 115\n', 'line 116\n', 'line 117\n', 'line 118\n', 'line 119\n']);
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toContain('ResourceNotFoundException');
    expect(missing.stderr).toContain('The specified log group does not exist.');
  });

  maybe('describes the group and its streams newest first', async () => {
    const groups = await cli(kit.url, 'logs', 'describe-log-groups', '--log-group-name-prefix', '/aws/lambda/');
    const streams = await cli(kit.url, 'logs', 'describe-log-streams', '--log-group-name', '/aws/lambda/fn', '--order-by', 'LastEventTime', '--descending', '--max-items', '1');

    expect(JSON.parse(groups.stdout).logGroups).toEqual([expect.objectContaining({ logGroupName: '/aws/lambda/fn', arn: 'arn:aws:logs:us-east-1:000000000000:log-group:/aws/lambda/fn:*' })]);
    // Event 119 (119 % 3 = 2) is the newest.
    expect(JSON.parse(streams.stdout).logStreams.map((stream: { logStreamName: string }) => stream.logStreamName)).toEqual([`2026/01/02/[$LATEST]${'2'.repeat(32)}`]);
  });
});
