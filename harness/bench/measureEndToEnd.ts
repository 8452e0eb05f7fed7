import { EmbeddedBackend } from '../backends/embedded/EmbeddedBackend.ts';
import { createSqsClient } from '../../aws/createSqsClient.ts';
import type { LambdaLogRecord } from '../observation/LambdaLogRecord.ts';
import { startObservation } from '../observation/StackObserver.ts';
import { benchOrderConsumers } from './benchOrder.ts';
import { CompletionTracker } from './CompletionTracker.ts';
import { sampleLoopDelay, type LoopDelay } from './eventLoopDelay.ts';
import { runClosedLoop, runOpenLoop } from './loadShapes.ts';
import { OrderPoster } from './OrderPoster.ts';
import { summarize, type Summary } from './percentiles.ts';
import { readTreeCpuMs } from './procfs.ts';
import { RssSampler, type RssPeak } from './RssSampler.ts';
import type { BenchConfig } from './types.ts';

export interface ThroughputResult {
  orders: number;
  concurrency: number;
  elapsedMs: number;
  ordersPerSecond: number;
  /** Lambda invocations' records: one per consumer per order. */
  recordsPerSecond: number;
  /** POST to last outcome, per order, under saturation. */
  orderLatency: Summary;
  /** POST to 202. */
  accept: Summary;
  /** Where the CPU went during the phase, in cores (CPU ms per wall ms): this process, and the Lambda environments. */
  cpu: { harnessCores: number; environmentsCores: number; environments: number };
}

export interface LatencyResult {
  /** The open loop's arrival rate: `shareOfCapacity` of the closed loop's orders/s. */
  ratePerSecond: number;
  shareOfCapacity: number;
  orders: number;
  /** Intended POST time to the order's last outcome. */
  latency: Summary;
  accept: Summary;
  /** Arrivals that started more than one interval late (the load generator fell behind). */
  lateStarts: number;
  /** Orders over first POST to last outcome: below the arrival rate, the pipeline did not keep up and a backlog grew. */
  completedPerSecond: number;
  /**
   * Where an order's time goes: POST to the last consumer's `processedAt`
   * (publish, SNS, SQS, poller, invoke, handler), then from that to the
   * outcome's arrival here (SendMessage, outcomes queue, drain).
   */
  stages: { toLastProcessed: Summary; processedToOutcome: Summary };
  /** How late this process's event loop (fauxqs, the Lambda service, the load generator) ran its timers during the phase. */
  eventLoopDelay: LoopDelay;
}

/** What each consumer's Lambda did, from the REPORT lines still in the service's log ring (the run's last invocations). */
export interface LambdaActivity {
  functionName: string;
  invocations: number;
  /** Approximate: "record processed" lines per REPORT line in the same window. */
  recordsPerInvocation: number;
  duration: Summary;
}

export interface EndToEndResult {
  consumers: string[];
  lambdas: LambdaActivity[];
  stackUpMs: number;
  warmup: { orders: number; elapsedMs: number };
  throughput: ThroughputResult;
  latency: LatencyResult;
  memory: RssPeak;
  outcomes: { received: number; polls: number; emptyPolls: number; duplicates: number; unknownConsumers: number; rejected: number };
  /** POSTs sent again after a keep-alive reset (see OrderPoster). */
  postRetries: number;
}

/**
 * `POST /orders` through every consumer's outcome on a fresh embedded
 * stack: warm-up, closed-loop throughput, then open-loop latency at a fixed
 * arrival rate, with the RSS of the whole process tree sampled throughout.
 */
export async function measureEndToEnd(
  config: BenchConfig['endToEnd'],
  options: { rssIntervalMs: number; log: (line: string) => void; overlays?: readonly string[] },
): Promise<EndToEndResult> {
  const benchConsumers = await benchOrderConsumers(options.overlays);
  const consumers = benchConsumers.map((c) => c.consumer);
  const upStarted = performance.now();
  const stack = await new EmbeddedBackend({ buildLambdas: false }).start({ overlays: options.overlays ?? [] });
  const stackUpMs = performance.now() - upStarted;
  const sampler = new RssSampler({ intervalMs: options.rssIntervalMs }).start();
  const { info } = stack;
  const sqs = createSqsClient({ region: info.region, endpoint: info.endpoints.sqs, ...(info.credentials ? { credentials: info.credentials } : {}) });
  const tracker = new CompletionTracker({ parts: consumers, timeoutMs: config.orderTimeoutMs });
  let rejected = 0;
  /** Per order, the latest `processedAt` of its outcomes, on the performance.now() clock. */
  const lastProcessed = new Map<string, number>();
  // The outcomes queue through the one observer the specs use; the tracker only tallies what it hands over.
  const observer = startObservation(stack, { sqs }, {
    outcomePollers: config.outcomeReceivers,
    waitTimeSeconds: 1,
    onOutcome: ({ outcome }, arrivedAt) => {
      if (outcome.result !== 'processed') {
        rejected += 1;
      }
      const processedAt = Date.parse(outcome.processedAt) - performance.timeOrigin;
      if (outcome.orderId && Number.isFinite(processedAt)) {
        lastProcessed.set(outcome.orderId, Math.max(lastProcessed.get(outcome.orderId) ?? 0, processedAt));
      }
      tracker.arrive(outcome.orderId ?? '', outcome.consumer, arrivedAt);
    },
  });
  const poster = new OrderPoster({ apiUrl: info.apiUrl, ...(info.apiKey ? { apiKey: info.apiKey } : {}), maxSockets: config.concurrency });
  const toLastProcessed: number[] = [];
  const processedToOutcome: number[] = [];
  /** Posts one order and waits for its last outcome; returns when that outcome arrived. */
  const postAndComplete = async (accepts: number[], latencies?: number[], startedAt = performance.now(), stages = false): Promise<number> => {
    const { orderId, acceptedAt } = await poster.post();
    accepts.push(acceptedAt - startedAt);
    const completedAt = await tracker.expect(orderId);
    latencies?.push(completedAt - startedAt);
    const processed = lastProcessed.get(orderId);
    lastProcessed.delete(orderId);
    if (stages && processed !== undefined) {
      toLastProcessed.push(processed - startedAt);
      processedToOutcome.push(completedAt - processed);
    }
    return completedAt;
  };
  try {
    options.log(`end to end: warming up with ${config.warmupOrders} orders`);
    const warmupStarted = performance.now();
    await runClosedLoop({
      count: config.warmupOrders,
      concurrency: config.concurrency,
      run: async () => {
        await postAndComplete([]);
      },
    });
    const warmup = { orders: config.warmupOrders, elapsedMs: performance.now() - warmupStarted };

    options.log(`end to end: ${config.orders} orders, ${config.concurrency} clients (closed loop)`);
    const accepts: number[] = [];
    const orderLatencies: number[] = [];
    let lastCompletion = 0;
    const cpuBefore = readTreeCpuMs(process.pid);
    const throughputStarted = performance.now();
    await runClosedLoop({
      count: config.orders,
      concurrency: config.concurrency,
      run: async () => {
        lastCompletion = Math.max(lastCompletion, await postAndComplete(accepts, orderLatencies));
      },
    });
    // From the first POST to the arrival of the last outcome.
    const elapsedMs = lastCompletion - throughputStarted;
    const cpu = cpuShares(cpuBefore, readTreeCpuMs(process.pid), performance.now() - throughputStarted);
    const ordersPerSecond = (config.orders / elapsedMs) * 1000;
    const throughput: ThroughputResult = {
      orders: config.orders,
      concurrency: config.concurrency,
      elapsedMs,
      ordersPerSecond,
      recordsPerSecond: ordersPerSecond * consumers.length,
      orderLatency: summarize(orderLatencies),
      accept: summarize(accepts),
      cpu,
    };

    // The latency bar is at half the capacity just measured, so every machine is loaded alike.
    const latencyRate = Math.max(1, Math.round(ordersPerSecond * config.latencyShareOfCapacity));
    const latencyOrders = Math.round(latencyRate * config.latencySeconds);
    options.log(`end to end: ${latencyRate} orders/s (${config.latencyShareOfCapacity} of ${ordersPerSecond.toFixed(0)}/s) for ${config.latencySeconds} s (open loop)`);
    const latencyAccepts: number[] = [];
    const latencies: number[] = [];
    const loopDelay = sampleLoopDelay();
    let lastLatencyCompletion = 0;
    const { lateStarts, startedAt: latencyStarted } = await runOpenLoop({
      count: latencyOrders,
      ratePerSecond: latencyRate,
      run: async (_index, intendedAt) => {
        lastLatencyCompletion = Math.max(lastLatencyCompletion, await postAndComplete(latencyAccepts, latencies, intendedAt, true));
      },
    });
    const eventLoopDelay = loopDelay.stop();
    const latency: LatencyResult = {
      ratePerSecond: latencyRate,
      shareOfCapacity: config.latencyShareOfCapacity,
      orders: latencyOrders,
      latency: summarize(latencies),
      accept: summarize(latencyAccepts),
      lateStarts,
      completedPerSecond: (latencyOrders / (lastLatencyCompletion - latencyStarted)) * 1000,
      stages: { toLastProcessed: summarize(toLastProcessed), processedToOutcome: summarize(processedToOutcome) },
      eventLoopDelay,
    };
    const [drainError] = observer.pollErrors;
    if (drainError !== undefined) {
      options.log(`end to end: the outcomes drain reported an error: ${drainError}`);
    }
    const memory = sampler.stop();
    await observer.stop();
    const anomalies = tracker.anomalies;
    const { received, polls, emptyPolls } = observer.outcomes.receiveStats();
    const { redelivered } = observer.outcomes.health();
    const lambdas: LambdaActivity[] = [];
    for (const { functionName } of benchConsumers) {
      lambdas.push(lambdaActivity(functionName, await observer.logRecords(functionName)));
    }
    return {
      consumers,
      lambdas,
      stackUpMs,
      warmup,
      throughput,
      latency,
      memory,
      outcomes: {
        received,
        polls,
        emptyPolls,
        // Redeliveries (same SQS message id) stop at the observer; a second outcome of an order and consumer reaches the tracker.
        duplicates: anomalies.duplicates + redelivered,
        // Malformed outcome messages stop at the observer too; an unknown consumer name reaches the tracker.
        unknownConsumers: anomalies.unknownParts + observer.outcomes.malformed().length,
        rejected,
      },
      postRetries: poster.retries,
    };
  } finally {
    sampler.stop();
    tracker.dispose();
    poster.close();
    await observer.stop();
    sqs.destroy();
    await stack.close();
  }
}

/** CPU used between two readings, in cores, split into this process and its descendants. */
function cpuShares(before: Map<number, number>, after: Map<number, number>, wallMs: number): ThroughputResult['cpu'] {
  let harnessMs = 0;
  let environmentsMs = 0;
  for (const [pid, ms] of after) {
    const used = ms - (before.get(pid) ?? 0);
    if (pid === process.pid) {
      harnessMs += used;
    } else {
      environmentsMs += used;
    }
  }
  return { harnessCores: harnessMs / wallMs, environmentsCores: environmentsMs / wallMs, environments: after.size - 1 };
}

function lambdaActivity(functionName: string, records: readonly LambdaLogRecord[]): LambdaActivity {
  const durations = records.flatMap((record) => (record.platform?.kind === 'report' ? [record.platform.report.durationMs] : []));
  const processed = records.filter((record) => record.text.includes('record processed')).length;
  return {
    functionName,
    invocations: durations.length,
    recordsPerInvocation: durations.length > 0 ? processed / durations.length : 0,
    duration: summarize(durations.length > 0 ? durations : [0]),
  };
}
