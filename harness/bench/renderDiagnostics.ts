import type { Measurements } from './buildFigures.ts';

const ms = (value: number): string => `${value.toFixed(1)} ms`;

/** The lines under the table that say why a figure is what it is: CPU split, latency stages, batch sizes. */
export function renderDiagnostics(m: Measurements): string {
  const lines: string[] = [];
  if (m.endToEnd.ok) {
    const { throughput: t, latency: l, lambdas, memory, consumers } = m.endToEnd.value;
    const perOrder = (cores: number): string => `${((cores * 1000) / t.ordersPerSecond).toFixed(2)} ms/order`;
    lines.push(
      `end to end (${consumers.join(', ')}): CPU during the closed loop: harness process ${t.cpu.harnessCores.toFixed(2)} cores (${perOrder(t.cpu.harnessCores)}), ` +
        `${t.cpu.environments} Lambda environments ${t.cpu.environmentsCores.toFixed(2)} cores (${perOrder(t.cpu.environmentsCores)}); POST->202 p50 ${ms(t.accept.p50)}, POST->last outcome p50 ${ms(t.orderLatency.p50)}`,
      `latency @ ${l.ratePerSecond}/s: completed ${l.completedPerSecond.toFixed(0)} orders/s${l.completedPerSecond < l.ratePerSecond * 0.97 ? ' (did not keep up: a backlog grew)' : ''}; ` +
        `p50 stages: POST->202 ${ms(l.accept.p50)}, POST->last processedAt ${ms(l.stages.toLastProcessed.p50)}, processedAt->outcome received ${ms(l.stages.processedToOutcome.p50)}; ` +
        `event-loop delay p50 ${ms(l.eventLoopDelay.p50)} p99 ${ms(l.eventLoopDelay.p99)} max ${ms(l.eventLoopDelay.max)}`,
      `lambdas (last invocations in the log ring): ${lambdas.map((f) => `${f.functionName} ~${f.recordsPerInvocation.toFixed(1)} records/invocation, Duration p50 ${ms(f.duration.p50)} p99 ${ms(f.duration.p99)}`).join('; ')}`,
      `memory: peak ${memory.peakMb.toFixed(0)} MB over ${memory.peakProcesses} processes, of which the harness process ${memory.peakRootMb.toFixed(0)} MB (${memory.samples} samples every ${memory.intervalMs} ms)`,
    );
  }
  if (m.floor.ok) {
    const { before, after } = m.floor.value;
    lines.push(
      `floor: before ${before.messagesPerSecond.toFixed(0)} msgs/s (${before.harnessCores.toFixed(2)} cores), after ${after.messagesPerSecond.toFixed(0)} msgs/s (${after.harnessCores.toFixed(2)} cores)`,
    );
  }
  if (m.coldStart.ok && m.coldStart.value.initDuration) {
    lines.push(`cold start: the service's Init Duration (spawn to the runtime's first /next) p50 ${ms(m.coldStart.value.initDuration.p50)}`);
  }
  if (m.features.ok) {
    for (const variant of m.features.value.variants) {
      const samples = variant.samples.map((run) => `${(run.wallMs / 1000).toFixed(1)}${run.failure ? ' (failed)' : ''}`).join(', ');
      lines.push(`npm run features ${variant.id}: ${samples} s`);
      const failed = variant.samples.find((run) => run.failure !== undefined);
      if (failed) {
        lines.push(`npm run features ${variant.id}: ${failed.failure ?? ''}; last output:\n    ${failed.tail.slice(-5).join('\n    ')}`);
      }
    }
  }
  return lines.map((line) => `- ${line}`).join('\n');
}
