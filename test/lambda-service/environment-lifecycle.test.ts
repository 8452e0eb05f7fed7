import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { FAST_TIMING } from '../../harness/lambda-service/startLambdaService.ts';
import { startLambdaTestKit, type LambdaTestKit } from './helpers/lambdaTestKit.ts';
import { isAlive, waitFor } from './helpers/waitFor.ts';

/** How long an environment may wait for work here before it is shut down. */
const IDLE_MS = 400;

interface Run {
  pid: number;
  start: number;
  end: number;
}

describe('execution environments on demand', () => {
  let kit: LambdaTestKit;

  beforeAll(async () => {
    kit = await startLambdaTestKit({ timing: { ...FAST_TIMING, environmentIdleMs: [IDLE_MS, IDLE_MS] } });
    await kit.deploy('scaled', 'sleeper', { Timeout: 10 });
    await kit.deploy('reaped', 'sleeper', { Timeout: 10 });
    await kit.deploy('busy', 'sleeper', { Timeout: 10 });
    await kit.deploy('raced', 'sleeper', { Timeout: 10 });
  });

  afterAll(async () => {
    await kit.close();
  });

  const lines = (name: string, prefix: string): string[] =>
    kit.service.logs(name).map((line) => line.message).filter((message) => message.startsWith(prefix));
  const reportOf = (name: string, requestId: string | undefined): string | undefined =>
    lines(name, `REPORT RequestId: ${requestId}\t`)[0];

  it('starts none before an invocation, one for invocations in turn, and one per invocation in flight', async () => {
    expect(lines('scaled', 'INIT_START')).toHaveLength(0);

    const inTurn = [];
    for (let i = 0; i < 3; i += 1) inTurn.push(((await kit.invoke('scaled', { ms: 0 })).payload as Run).pid);
    // Four at once, each long enough that none is done before the others have their environment.
    const together = await Promise.all(Array.from({ length: 4 }, () => kit.invoke('scaled', { ms: 2000 })));

    expect(new Set(inTurn).size).toBe(1);
    expect(together.every((result) => result.functionError === undefined)).toBe(true);
    expect(new Set(together.map((result) => (result.payload as Run).pid)).size).toBe(4);
    expect(lines('scaled', 'INIT_START')).toHaveLength(4);
  });

  it('shuts down an environment idle longer than the idle time; the next invocation is a cold start', async () => {
    const first = await kit.invoke('reaped', { ms: 0 });
    const idleSince = Date.now();
    const { pid } = first.payload as Run;
    expect(reportOf('reaped', first.requestId)).toContain('\tInit Duration: ');

    await waitFor(`environment ${pid} to be shut down`, () => !isAlive(pid), { timeoutMs: IDLE_MS + 10_000 });
    const idleFor = Date.now() - idleSince;
    const next = await kit.invoke('reaped', { ms: 0 });

    expect(idleFor).toBeGreaterThanOrEqual(IDLE_MS);
    expect(next.functionError).toBeUndefined();
    expect((next.payload as Run).pid).not.toBe(pid);
    expect(reportOf('reaped', next.requestId)).toContain('\tInit Duration: ');
    expect(lines('reaped', 'INIT_START')).toHaveLength(2);
  });

  it('never shuts down a busy environment: its idle time starts again when its invocation ends', async () => {
    const warm = await kit.invoke('busy', { ms: 0 });
    const { pid } = warm.payload as Run;

    const long = await kit.invoke('busy', { ms: IDLE_MS * 4 });
    const after = await kit.invoke('busy', { ms: 0 });

    expect(long.functionError).toBeUndefined();
    expect((long.payload as Run).pid).toBe(pid);
    expect((after.payload as Run).pid).toBe(pid);
    expect(reportOf('busy', after.requestId)).not.toContain('Init Duration');
    expect(lines('busy', 'INIT_START')).toHaveLength(1);
  });

  it('loses no invocation that arrives as its environment is being shut down', async () => {
    // Load paced around the idle time, so arrivals fall just before, at and just after each shutdown.
    const gaps = Array.from({ length: 12 }, (_, i) => IDLE_MS - 40 + ((i * 7) % 9) * 10);
    const results = [];
    for (const gap of gaps) {
      results.push(await kit.invoke('raced', { ms: 0 }));
      await new Promise((resolve) => setTimeout(resolve, gap));
    }
    results.push(await kit.invoke('raced', { ms: 0 }));

    expect(results.every((result) => result.functionError === undefined && (result.payload as Run).pid > 0)).toBe(true);
    // Each ran exactly once: one START and one REPORT per invocation, none run twice or lost.
    for (const result of results) {
      expect(lines('raced', `START RequestId: ${result.requestId} `)).toHaveLength(1);
      expect(lines('raced', `REPORT RequestId: ${result.requestId}\t`)).toHaveLength(1);
    }
    // Every new environment's first REPORT says Init Duration, every warm one does not.
    const pids = results.map((result) => (result.payload as Run).pid);
    expect(new Set(pids).size).toBeGreaterThan(1); // some arrivals did come after a shutdown
    results.forEach((result, i) => {
      const cold = i === 0 || pids[i] !== pids[i - 1];
      expect(reportOf('raced', result.requestId)?.includes('\tInit Duration: ')).toBe(cold);
    });
  });
});
