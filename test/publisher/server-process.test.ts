import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { waitFor } from './support/waitFor.ts';

const serverScript = fileURLToPath(new URL('../../services/publisher/src/server.ts', import.meta.url));

/** The environment of a publisher process, without anything inherited that could reach real AWS. */
function publisherEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    AWS_REGION: 'eu-west-1',
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    AWS_ENDPOINT_URL: 'http://127.0.0.1:9',
    ...extra,
  };
}

describe('the publisher process (server.ts)', () => {
  it('serves on the configured host and port and stops cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, [serverScript], {
      env: publisherEnv({ ORDER_EVENTS_TOPIC_ARN: 'arn:aws:sns:eu-west-1:000000000000:order-events', HOST: '127.0.0.1', PORT: '0' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = once(child, 'exit');

    try {
      const url = await waitFor(() => /"url":"(http:\/\/127\.0\.0\.1:\d+)"/.exec(stdout)?.[1], { timeoutMs: 4000, what: 'the publisher to listen' });
      expect((await fetch(`${url}/health`)).status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }

    const [code] = await exited;
    expect(code).toBe(0);
    expect(stdout).toContain('publisher stopped');
  });

  it('binds loopback when HOST is not set, logs the address it bound, and warns that no API key is configured', async () => {
    const child = spawn(process.execPath, [serverScript], {
      env: publisherEnv({ ORDER_EVENTS_TOPIC_ARN: 'arn:aws:sns:eu-west-1:000000000000:order-events', PORT: '0' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = once(child, 'exit');

    try {
      const boundTo = await waitFor(() => /"boundTo":"([^"]+)"/.exec(stdout)?.[1], { timeoutMs: 4000, what: 'the publisher to listen' });
      await waitFor(() => (stdout.includes('NO API KEY') ? true : undefined), { what: 'the warning' });

      expect(boundTo).toMatch(/^127\.0\.0\.1:\d+$/);
      const warning = stdout.split('\n').map((line) => (line ? (JSON.parse(line) as { level: number; msg: string }) : undefined)).find((line) => line?.msg.startsWith('NO API KEY'));
      expect(warning).toMatchObject({ level: 40, msg: expect.stringContaining(`anyone who can reach ${boundTo}`) });
    } finally {
      child.kill('SIGTERM');
    }
    await exited;
  });

  it('refuses to start without a topic ARN, saying which variable is missing', async () => {
    const child = spawn(process.execPath, [serverScript], { env: publisherEnv({}), stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));

    const [code] = await once(child, 'exit');

    expect(code).toBe(1);
    expect(stderr).toContain('ORDER_EVENTS_TOPIC_ARN is required');
  });
});
