import { describe, expect, it } from '@jest/globals';
import { ComposeBackend } from '../../../harness/backends/compose/ComposeBackend.ts';
import { StackUnreachableError } from '../../../harness/backends/errors.ts';
import { closedPort } from '../support/closedPort.ts';

describe('the compose backend when nothing runs', () => {
  it('rejects start() with one line naming both endpoints, their variables and the compose command', async () => {
    const [awsPort, apiPort] = [await closedPort(), await closedPort()];
    const backend = new ComposeBackend({ env: {}, awsEndpoint: `http://127.0.0.1:${awsPort}`, apiUrl: `http://127.0.0.1:${apiPort}`, probeTimeoutMs: 2000 });

    const start = backend.start();

    await expect(start).rejects.toThrow(StackUnreachableError);
    await expect(start).rejects.toThrow(
      `compose backend found no running stack: LocalStack at http://127.0.0.1:${awsPort} (FANOUT_AWS_ENDPOINT): ECONNREFUSED; ` +
      `publisher at http://127.0.0.1:${apiPort} (FANOUT_API_URL): ECONNREFUSED. ` +
      'Start it with "npm run compose:up" or use FANOUT_BACKEND=embedded.',
    );
  });
});
