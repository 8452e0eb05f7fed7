import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { ComposeBackend } from '../../../harness/backends/compose/ComposeBackend.ts';
import { composeSettingsFromEnv } from '../../../harness/backends/compose/composeSettings.ts';
import { BackendSettingError, StackUnreachableError } from '../../../harness/backends/errors.ts';
import { closedPort } from '../support/closedPort.ts';

function stackFile(content: unknown): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'fanout-stack-file-')), 'stack.json');
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

/** What `npm start` writes to .fanout/stack.json (harness/cli/writeStackFile.ts). */
const written = {
  apiUrl: 'http://127.0.0.1:39063',
  docsUrl: 'http://127.0.0.1:39063/docs',
  apiKey: 'k-123',
  region: 'eu-west-1',
  topicArn: 'arn:aws:sns:eu-west-1:000000000000:fanout-order-events',
  outcomesQueueUrl: 'http://127.0.0.1:46181/000000000000/fanout-order-outcomes',
  endpoints: { aws: 'http://127.0.0.1:46181', sns: 'http://127.0.0.1:46655', lambda: 'http://127.0.0.1:46029' },
};

describe('FANOUT_STACK_FILE (the specs against a running npm start, e.g. npm start -- --deploy terraform)', () => {
  it('takes the publisher, the one endpoint, the region and the API key from the stack file', () => {
    const settings = composeSettingsFromEnv({ FANOUT_STACK_FILE: stackFile(written) });

    expect(settings).toMatchObject({ apiUrl: 'http://127.0.0.1:39063', awsEndpoint: 'http://127.0.0.1:46181', region: 'eu-west-1', apiKey: 'k-123' });
  });

  it('lets a variable that is set win over the stack file', () => {
    const settings = composeSettingsFromEnv({ FANOUT_STACK_FILE: stackFile(written), FANOUT_API_URL: 'http://127.0.0.1:3000', FANOUT_API_KEY: '' });

    expect(settings).toMatchObject({ apiUrl: 'http://127.0.0.1:3000', apiKey: 'k-123' });
  });

  it('refuses a file that is not a stack file, naming the variable', () => {
    expect(() => composeSettingsFromEnv({ FANOUT_STACK_FILE: stackFile('{"apiUrl": 3}') })).toThrow(BackendSettingError);
    expect(() => composeSettingsFromEnv({ FANOUT_STACK_FILE: '/no/such/stack.json' })).toThrow(/^FANOUT_STACK_FILE=\/no\/such\/stack\.json: not the stack file of a running npm start/);
  });

  it('says to start npm start, not compose, when the stack of the file is gone', async () => {
    const [awsPort, apiPort] = [await closedPort(), await closedPort()];
    const file = stackFile({ ...written, apiUrl: `http://127.0.0.1:${apiPort}`, endpoints: { aws: `http://127.0.0.1:${awsPort}` } });
    const backend = new ComposeBackend({ env: { FANOUT_STACK_FILE: file }, probeTimeoutMs: 2000 });

    const start = backend.start();

    await expect(start).rejects.toThrow(StackUnreachableError);
    await expect(start).rejects.toThrow(`Start it with "npm start" (FANOUT_STACK_FILE=${file} is from one that is no longer running) or use FANOUT_BACKEND=embedded.`);
  });
});
