import { InvokeCommand } from '@aws-sdk/client-lambda';
import { createEchoFixture } from './echoFixture.ts';
import { summarize, type Summary } from './percentiles.ts';
import { startBenchLambdaService } from './startBenchLambdaService.ts';

export interface InvokeResult {
  iterations: number;
  /** RequestResponse Invoke through the Lambda service, SDK call to decoded payload. */
  invoke: Summary;
  /** The same handler module imported and awaited in this process. */
  direct: Summary;
  /** Median invoke minus median direct call. */
  overheadMedianMs: number;
}

/**
 * Warm Invoke round trip against a direct call of the same echo handler.
 * The two alternate call by call, so whatever the noisy machine does
 * falls on both; a warm-up first brings up the environment and the JIT.
 */
export async function measureInvoke(options: { warmupIterations: number; iterations: number }): Promise<InvokeResult> {
  await using fixture = await createEchoFixture();
  await using bench = await startBenchLambdaService();
  await bench.createFunction('bench-echo', fixture.zip);
  const invokeTimes: number[] = [];
  const directTimes: number[] = [];
  const total = options.warmupIterations + options.iterations;
  for (let i = 0; i < total; i += 1) {
    const event = { i, order: 'bench' };
    const invokeStarted = performance.now();
    const output = await bench.lambda.send(new InvokeCommand({ FunctionName: 'bench-echo', Payload: Buffer.from(JSON.stringify(event)) }));
    const echoed = JSON.parse(Buffer.from(output.Payload ?? new Uint8Array()).toString('utf8')) as { i?: number };
    const invokeMs = performance.now() - invokeStarted;
    if (output.FunctionError || echoed.i !== i) {
      throw new Error(`Invoke of the echo function failed: ${output.FunctionError ?? 'wrong payload'}`);
    }
    const directStarted = performance.now();
    await fixture.handler(event, {});
    const directMs = performance.now() - directStarted;
    if (i >= options.warmupIterations) {
      invokeTimes.push(invokeMs);
      directTimes.push(directMs);
    }
  }
  const invoke = summarize(invokeTimes);
  const direct = summarize(directTimes);
  return { iterations: options.iterations, invoke, direct, overheadMedianMs: invoke.p50 - direct.p50 };
}
