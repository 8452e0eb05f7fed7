import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { RUNTIME_SECRET_HEADER, RuntimeApiServer } from '../../harness/lambda-service/environments/RuntimeApiServer.ts';
import { startLambdaTestKit, type LambdaTestKit } from './helpers/lambdaTestKit.ts';
import { waitFor } from './helpers/waitFor.ts';

const NEXT = '/2018-06-01/runtime/invocation/next';

/** AWS_LAMBDA_RUNTIME_API of a process, as any local process of the same user can read it. */
function runtimeApiOf(pid: number): string {
  const variables = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
  const entry = variables.find((variable) => variable.startsWith('AWS_LAMBDA_RUNTIME_API='));
  if (!entry) throw new Error(`process ${pid} has no AWS_LAMBDA_RUNTIME_API`);
  return entry.slice('AWS_LAMBDA_RUNTIME_API='.length);
}

async function call(url: string, init: RequestInit = {}): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(3000) });
  return { status: response.status, body: await response.json() };
}

/**
 * Only an environment's own runtime takes and answers its invocations. On AWS the Runtime API is
 * reachable only inside the execution environment (https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html);
 * here every environment's API is a loopback port any local process can reach, so a request must
 * present the environment's secret, or it gets 403 and changes nothing.
 */
describe('the Runtime API of an environment, called by another process', () => {
  let kit: LambdaTestKit;

  beforeAll(async () => {
    kit = await startLambdaTestKit();
    await kit.deploy('sleeper', 'sleeper', { Timeout: 10 });
  });

  afterAll(async () => {
    await kit.close();
  });

  it('refuses a foreign GET /next on an idle environment at once, and the environment keeps serving', async () => {
    const warm = await kit.invoke('sleeper', { ms: 0 });
    const { pid } = warm.payload as { pid: number };
    const api = runtimeApiOf(pid);

    const foreign = await call(`http://${api}${NEXT}`);

    expect(foreign).toEqual({ status: 403, body: { errorType: 'Forbidden', errorMessage: expect.any(String) } });
    const after = await kit.invoke('sleeper', { ms: 0 });
    expect(after.functionError).toBeUndefined();
    expect((after.payload as { pid: number }).pid).toBe(pid);
  });

  it('refuses a forged answer to an invocation in flight; the caller gets what the function answered', async () => {
    // Prepare: a warm environment, then an invocation that takes a second, its request id read from its START line
    const { pid } = (await kit.invoke('sleeper', { ms: 0 })).payload as { pid: number };
    const api = runtimeApiOf(pid);
    const startedBefore = kit.service.logs('sleeper').filter((line) => line.message.startsWith('START')).length;
    const inFlight = kit.invoke('sleeper', { ms: 1000 });
    const start = await waitFor('the slow invocation to start', () =>
      kit.service.logs('sleeper').filter((line) => line.message.startsWith('START'))[startedBefore],
    );
    const requestId = start.requestId ?? '';

    // Act
    const forgedResponse = await call(`http://${api}/2018-06-01/runtime/invocation/${requestId}/response`, { method: 'POST', body: '{"forged":true}' });
    const forgedError = await call(`http://${api}/2018-06-01/runtime/invocation/${requestId}/error`, { method: 'POST', body: '{"errorType":"Forged","errorMessage":"x"}' });
    const stolenNext = await call(`http://${api}${NEXT}`);

    // Assess
    expect([forgedResponse.status, forgedError.status, stolenNext.status]).toEqual([403, 403, 403]);
    const genuine = await inFlight;
    expect(genuine.requestId).toBe(requestId);
    expect(genuine.functionError).toBeUndefined();
    expect(genuine.payload).toMatchObject({ pid });
  });
});

describe('the Runtime API, called by the runtime with its secret', () => {
  it("answers a post whose request id is not valid percent-encoding with 400 InvalidRequestID", async () => {
    const api = await RuntimeApiServer.start({ onReady: () => {}, onInitError: () => {} });
    try {
      const own = await call(`http://${api.address}/2018-06-01/runtime/invocation/%E0/response`, {
        method: 'POST',
        body: '{}',
        headers: { [RUNTIME_SECRET_HEADER]: api.secret },
      });
      const foreign = await call(`http://${api.address}/2018-06-01/runtime/invocation/%E0/response`, { method: 'POST', body: '{}' });

      expect(own).toEqual({ status: 400, body: { errorMessage: 'Invalid request ID', errorType: 'InvalidRequestID' } });
      expect(foreign.status).toBe(403);
    } finally {
      api.close();
    }
  });
});
