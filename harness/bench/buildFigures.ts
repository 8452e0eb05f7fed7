import type { ColdStartResult } from './measureColdStart.ts';
import type { EndToEndResult } from './measureEndToEnd.ts';
import type { BracketedFloor } from './measureFloor.ts';
import type { InvokeResult } from './measureInvoke.ts';
import type { StartupResult } from './measureStartup.ts';
import { suiteVariants, type SuiteTimesResult, type SuiteVariant } from './measureSuiteTimes.ts';
import { TARGETS } from './targets.ts';
import type { Figure } from './types.ts';

/** A measurement's result, or why it has none. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; failure: string };

export interface Measurements {
  endToEnd: Outcome<EndToEndResult>;
  floor: Outcome<BracketedFloor>;
  invoke: Outcome<InvokeResult>;
  coldStart: Outcome<ColdStartResult>;
  startup: Outcome<StartupResult>;
  features: Outcome<SuiteTimesResult>;
}

type FigureSpec = Omit<Figure, 'value' | 'failure'>;

function figure<T>(outcome: Outcome<T>, spec: FigureSpec, value: (result: T) => number | undefined): Figure {
  if (!outcome.ok) {
    return { ...spec, failure: outcome.failure };
  }
  const measured = value(outcome.value);
  return measured === undefined ? { ...spec, failure: 'failed: not measured' } : { ...spec, value: measured };
}

/** The figure ids of the suite's variants: the cold serial one kept its id from before there were four. */
const SUITE_FIGURE_IDS: Record<string, string> = {
  coldSerial: 'features.coldWallMs',
  warmSerial: 'features.warmWallMs',
  coldParallel: 'features.coldParallelWallMs',
  warmParallel: 'features.warmParallelWallMs',
  baselineCold: 'features.baselineColdWallMs',
  baselineWarm: 'features.baselineWarmWallMs',
};

function suiteCommand(variant: SuiteVariant): string {
  if (variant.baseline) return `npm run features at ${variant.baseline} (baseline, serial)`;
  return variant.parallel > 0 ? `npm run features (default: --parallel ${variant.parallel})` : 'npm run features -- --parallel 0 (serial)';
}

/** The mean wall time of a variant's runs, or why there is none. */
function suiteWallMs(outcome: Outcome<SuiteTimesResult>, id: string): Outcome<number> {
  if (!outcome.ok) return outcome;
  const measured = outcome.value.variants.find((v) => v.id === id);
  if (!measured) return { ok: false, failure: id.startsWith('baseline') && outcome.value.baselineFailure ? `skipped: ${outcome.value.baselineFailure}` : 'failed: not measured' };
  if (measured.failure) return { ok: false, failure: `failed: ${measured.failure}` };
  return measured.wallMs ? { ok: true, value: measured.wallMs.mean } : { ok: false, failure: 'failed: not measured' };
}

/** A row for one way of running `npm run features`: the mean wall time of its runs, or the first run's failure. */
function suiteFigure(outcome: Outcome<SuiteTimesResult>, variant: SuiteVariant): Figure {
  const measured = outcome.ok ? outcome.value.variants.find((v) => v.id === variant.id) : undefined;
  const runs = measured && measured.samples.length > 1 ? `, mean of ${measured.samples.length}` : '';
  const spec: FigureSpec = {
    id: SUITE_FIGURE_IDS[variant.id] ?? `features.${variant.id}WallMs`,
    label: `${suiteCommand(variant)}, ${variant.cold ? 'cold' : 'warm'} (embedded${runs})`,
    unit: 'ms',
    digits: 0,
    ...(variant.id === 'coldParallel' ? { target: TARGETS.featuresCold } : {}),
  };
  return figure(suiteWallMs(outcome, variant.id), spec, (value) => value);
}

/** Today's default suite over the baseline's, cold: the speed issue's "at most half", from one run. */
function suiteOverBaseline(outcome: Outcome<SuiteTimesResult>): Figure {
  const today = suiteWallMs(outcome, 'coldParallel');
  const before = suiteWallMs(outcome, 'baselineCold');
  const spec: FigureSpec = { id: 'features.coldOverBaseline', label: 'npm run features, cold: default / baseline', unit: '', digits: 2, target: TARGETS.featuresOverBaseline };
  const both: Outcome<number> = !today.ok ? today : !before.ok ? before : { ok: true, value: today.value / before.value };
  return figure(both, spec, (ratio) => ratio);
}

/** The rows of the bench table, in the order of the issue. */
export function buildFigures(m: Measurements): Figure[] {
  const e2e = m.endToEnd.ok ? m.endToEnd.value : undefined;
  const clients = e2e ? `${e2e.throughput.concurrency} clients, ${e2e.consumers.length} consumers` : 'closed loop';
  const rate = e2e ? `${e2e.latency.ratePerSecond}/s` : 'fixed rate';
  const both = (): Outcome<{ e2e: EndToEndResult; floor: BracketedFloor }> => {
    if (!m.endToEnd.ok) return m.endToEnd;
    if (!m.floor.ok) return m.floor;
    return { ok: true, value: { e2e: m.endToEnd.value, floor: m.floor.value } };
  };
  const suites = m.features.ok ? m.features.value.variants : suiteVariants(2, 'baseline');
  return [
    figure(m.endToEnd, { id: 'endToEnd.ordersPerSecond', label: `End to end throughput (${clients})`, unit: 'orders/s', target: TARGETS.ordersPerSecond }, (r) => r.throughput.ordersPerSecond),
    figure(m.endToEnd, { id: 'endToEnd.recordsPerSecond', label: 'Lambda records processed', unit: 'records/s', target: TARGETS.recordsPerSecond }, (r) => r.throughput.recordsPerSecond),
    figure(m.floor, { id: 'floor.messagesPerSecond', label: 'Floor: SNS -> 2 SQS queues (mean of before/after)', unit: 'msgs/s' }, (r) => r.messagesPerSecond),
    figure(both(), { id: 'pipelineOverFloor', label: 'Pipeline / floor throughput', unit: '', digits: 2, target: TARGETS.pipelineOverFloor }, (r) => r.e2e.throughput.ordersPerSecond / r.floor.messagesPerSecond),
    figure(m.endToEnd, { id: 'endToEnd.latencyP50', label: `Latency POST -> last outcome p50 @ ${rate}`, unit: 'ms', digits: 1, target: TARGETS.latencyP50 }, (r) => r.latency.latency.p50),
    figure(m.endToEnd, { id: 'endToEnd.latencyP95', label: `Latency POST -> last outcome p95 @ ${rate}`, unit: 'ms', digits: 1 }, (r) => r.latency.latency.p95),
    figure(m.endToEnd, { id: 'endToEnd.latencyP99', label: `Latency POST -> last outcome p99 @ ${rate}`, unit: 'ms', digits: 1, target: TARGETS.latencyP99 }, (r) => r.latency.latency.p99),
    figure(m.invoke, { id: 'invoke.invokeMedian', label: 'Warm Invoke round trip p50', unit: 'ms', digits: 3 }, (r) => r.invoke.p50),
    figure(m.invoke, { id: 'invoke.invokeP99', label: 'Warm Invoke round trip p99', unit: 'ms', digits: 3 }, (r) => r.invoke.p99),
    figure(m.invoke, { id: 'invoke.directMedian', label: 'Direct in-process call p50', unit: 'ms', digits: 4 }, (r) => r.direct.p50),
    figure(m.invoke, { id: 'invoke.directP99', label: 'Direct in-process call p99', unit: 'ms', digits: 4 }, (r) => r.direct.p99),
    figure(m.invoke, { id: 'invoke.overheadMedian', label: 'Warm Invoke minus direct call, at p50', unit: 'ms', digits: 3, target: TARGETS.invokeOverheadMedian }, (r) => r.overheadMedianMs),
    figure(m.coldStart, { id: 'coldStart.median', label: 'Cold start: first Invoke of a new function p50', unit: 'ms', digits: 1, target: TARGETS.coldStartMedian }, (r) => r.firstInvoke.p50),
    figure(m.startup, { id: 'startup.stackUpMedian', label: 'Embedded stack up (provisioned) p50', unit: 'ms', digits: 0, target: TARGETS.stackUpMedian }, (r) => r.stackUp.p50),
    ...suites.map((variant) => suiteFigure(m.features, variant)),
    suiteOverBaseline(m.features),
    figure(m.endToEnd, { id: 'memory.peakRssMb', label: 'Peak RSS harness + Lambda environments', unit: 'MB', digits: 0, target: TARGETS.peakRss }, (r) => r.memory.peakMb),
  ];
}
