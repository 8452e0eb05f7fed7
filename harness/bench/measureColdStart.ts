import { DeleteFunctionCommand, InvokeCommand } from '@aws-sdk/client-lambda';
import { parsePlatformLine } from '../../contracts/lambdaPlatformLines.ts';
import { createEchoFixture } from './echoFixture.ts';
import { summarize, type Summary } from './percentiles.ts';
import { startBenchLambdaService } from './startBenchLambdaService.ts';

export interface ColdStartResult {
  repetitions: number;
  /** The first Invoke of a newly created function: a new environment boots, then runs it. */
  firstInvoke: Summary;
  /** The service's own "Init Duration" from each REPORT line: spawn to the runtime's first /next. */
  initDuration?: Summary;
}

/**
 * Cold starts: each repetition creates a new function from the echo zip,
 * times its first Invoke, and deletes it (its environment goes with it).
 */
export async function measureColdStart(options: { repetitions: number }): Promise<ColdStartResult> {
  await using fixture = await createEchoFixture();
  await using bench = await startBenchLambdaService();
  const firstInvokes: number[] = [];
  const initDurations: number[] = [];
  for (let i = 0; i < options.repetitions; i += 1) {
    const name = `bench-cold-${i}`;
    await bench.createFunction(name, fixture.zip);
    const started = performance.now();
    const output = await bench.lambda.send(new InvokeCommand({ FunctionName: name, Payload: Buffer.from('{"cold":true}') }));
    firstInvokes.push(performance.now() - started);
    if (output.FunctionError) {
      throw new Error(`cold Invoke of ${name} failed: ${Buffer.from(output.Payload ?? new Uint8Array()).toString('utf8')}`);
    }
    const report = bench.service.logs(name).map((line) => parsePlatformLine(line.message)).find((line) => line?.kind === 'report');
    const init = report?.kind === 'report' ? report.report.initDurationMs : null;
    if (init !== null) {
      initDurations.push(init);
    }
    await bench.lambda.send(new DeleteFunctionCommand({ FunctionName: name }));
  }
  return {
    repetitions: options.repetitions,
    firstInvoke: summarize(firstInvokes),
    ...(initDurations.length > 0 ? { initDuration: summarize(initDurations) } : {}),
  };
}
