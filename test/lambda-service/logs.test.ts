import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startLambdaTestKit, type LambdaTestKit } from './helpers/lambdaTestKit.ts';
import type { LogLine } from '../../harness/lambda-service/startLambdaService.ts';

describe('function logs', () => {
  let kit: LambdaTestKit;
  const forwarded: LogLine[] = [];

  beforeAll(async () => {
    kit = await startLambdaTestKit({ onLog: (line) => forwarded.push(line) });
    await kit.deploy('logger', 'logger');
    await kit.deploy('old-runtime', 'echo-esm', { Runtime: 'nodejs20.x' });
  });

  afterAll(async () => {
    await kit.close();
  });

  it('frames each invocation with START, END and REPORT (Init Duration on a cold start only)', async () => {
    const cold = await kit.invoke('logger', { name: 'cold' });
    const warm = await kit.invoke('logger', { name: 'warm' });

    const of = (requestId?: string): string[] =>
      kit.service.logs('logger').filter((line) => line.requestId === requestId).map((line) => line.message);
    const coldLines = of(cold.requestId);
    const warmLines = of(warm.requestId);
    expect(coldLines[0]).toBe(`START RequestId: ${cold.requestId} Version: $LATEST`);
    expect(coldLines.at(-2)).toBe(`END RequestId: ${cold.requestId}`);
    expect(coldLines.at(-1)).toMatch(
      new RegExp(
        `^REPORT RequestId: ${cold.requestId}\\tDuration: \\d+\\.\\d{2} ms\\tBilled Duration: \\d+ ms\\tMemory Size: 128 MB\\tMax Memory Used: \\d+ MB\\tInit Duration: \\d+\\.\\d{2} ms\\t$`,
      ),
    );
    expect(warmLines.at(-1)).not.toContain('Init Duration');
    expect(coldLines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(new RegExp(`^\\d{4}-\\d{2}-\\d{2}T[\\d:.]+Z\\t${cold.requestId}\\tINFO\\thello from cold$`)),
        expect.stringMatching(/\tWARN\ta warning$/),
        expect.stringMatching(/\tERROR\tline one\nline two$/),
        'raw stderr',
      ]),
    );
    const stderr = kit.service.logs('logger').find((line) => line.message === 'raw stderr');
    expect(stderr?.stream).toBe('stderr');
    expect(forwarded.filter((line) => line.functionName === 'logger').length).toBe(kit.service.logs('logger').length);
  });

  it('returns the end of the invocation log base64-encoded with LogType Tail', async () => {
    const result = await kit.invoke('logger', { name: 'tail' }, { tail: true });

    const tail = Buffer.from(result.logResult ?? '', 'base64').toString('utf8');
    expect(tail).toContain(`START RequestId: ${result.requestId}`);
    expect(tail).toContain('hello from tail');
    expect(tail).toContain(`END RequestId: ${result.requestId}`);
    expect(tail).toMatch(/REPORT RequestId: .*\n$/);
    expect(tail).not.toContain('hello from warm');
    expect(Buffer.byteLength(tail)).toBeLessThanOrEqual(4096);
  });

  it('warns when the function declares another Node runtime than the pinned one', async () => {
    await kit.invoke('old-runtime', {});

    expect(kit.service.logs('old-runtime').map((line) => line.message)).toContainEqual(
      expect.stringMatching(/^WARNING: old-runtime declares runtime nodejs20\.x, but the embedded Lambda service runs it on Node v24/),
    );
  });
});
