/**
 * `npm run bench` (`--quick` for a run of seconds; `--baseline REV` to time another revision's suite
 * beside today's, `--no-baseline` for none): the figures of the
 * issue "npm run bench", each next to the reference it is measured
 * against in the same run, printed as a table and written to
 * `reports/bench.json` (`reports/bench-quick.json` for `--quick`). Missed targets are reported, not failed: the exit
 * code is non-zero only when the bench itself could not measure.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { buildLambdas } from '../build/buildLambdas.ts';
import { buildPublisher } from '../build/buildPublisher.ts';
import { repoRoot } from '../topology/loadTopology.ts';
import { DeployMethod } from '../backends/deployMethod.ts';
import { featureWorkers } from '../backends/featureWorkers.ts';
import { BackendName } from '../backends/types.ts';
import { checkoutBaseline } from './baselineCheckout.ts';
import { benchConfig } from './benchConfig.ts';
import { parseBenchArguments } from './parseBenchArguments.ts';
import { buildFigures, type Measurements, type Outcome } from './buildFigures.ts';
import { machineInfo } from './machineInfo.ts';
import { measureColdStart } from './measureColdStart.ts';
import { measureEndToEnd } from './measureEndToEnd.ts';
import { bracketFloor, measureFloor, type BracketedFloor } from './measureFloor.ts';
import { measureInvoke } from './measureInvoke.ts';
import { measureStartup } from './measureStartup.ts';
import { measureSuiteTimes, type SuiteTimesResult } from './measureSuiteTimes.ts';
import { renderDiagnostics } from './renderDiagnostics.ts';
import { renderFigures } from './renderTable.ts';
import { judge } from './targets.ts';
import type { BenchConfig } from './types.ts';

const usage = 'usage: npm run bench [-- --quick] [-- --baseline REV | --no-baseline]';
let parsed: ReturnType<typeof parseBenchArguments>;
try {
  parsed = parseBenchArguments(process.argv.slice(2));
} catch (error) {
  console.error(`${usage}   (${error instanceof Error ? error.message : String(error)})`);
  process.exit(2);
}
const config = benchConfig(parsed);
const log = (line: string): void => console.log(`[bench] ${line}`);

/** Today's suite serially and with its default workers, beside the baseline revision's, interleaved. */
async function timeSuites(options: BenchConfig['features']): Promise<SuiteTimesResult> {
  const parallel = featureWorkers({ backend: BackendName.embedded, deploy: DeployMethod.sdk }, {});
  await using stack = new AsyncDisposableStack();
  let baseline: { revision: string; dir: string } | undefined;
  let baselineFailure: string | undefined;
  if (options.baseline) {
    try {
      const checkout = stack.use(await checkoutBaseline(options.baseline));
      baseline = { revision: checkout.commit, dir: checkout.dir };
      log(`baseline ${options.baseline} (${checkout.commit}) checked out in ${checkout.dir}`);
    } catch (error) {
      baselineFailure = error instanceof Error ? error.message : String(error);
      log(`baseline not timed: ${baselineFailure}`);
    }
  }
  const { timeoutMs, repetitions } = options;
  // Awaited here, so the checkout is removed after the runs, not as soon as they start.
  return await measureSuiteTimes({ timeoutMs, repetitions, parallel, ...(baseline ? { baseline } : {}), ...(baselineFailure ? { baselineFailure } : {}), log });
}
const benchStarted = performance.now();

async function measure<T>(name: string, run: () => Promise<T>): Promise<Outcome<T>> {
  const started = performance.now();
  log(`${name}...`);
  try {
    const value = await run();
    log(`${name} done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return { ok: true, value };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    log(`${name} FAILED: ${error instanceof Error ? (error.stack ?? reason) : reason}`);
    return { ok: false, failure: `failed: ${reason.split('\n')[0]?.slice(0, 100) ?? ''}` };
  }
}

log(`${config.mode} run on ${machineInfo().cpuCount} CPUs, Node ${process.version}`);
const built = await measure('building the Lambda bundles and the publisher', () => Promise.all([buildLambdas(), buildPublisher()]));
if (!built.ok) {
  process.exitCode = 1;
}

// Start-up first, in a quiet process; then end to end, bracketed by its floor (before and after).
const startup = await measure(`stack start-up x${config.startup.repetitions}`, () => measureStartup(config.startup));
const floorOptions = {
  messages: config.endToEnd.orders,
  concurrency: config.endToEnd.concurrency,
  warmupMessages: config.endToEnd.warmupOrders,
  receivers: config.endToEnd.outcomeReceivers,
  timeoutMs: config.endToEnd.orderTimeoutMs,
};
const floorBefore = await measure('floor before (SNS -> SQS on fauxqs)', () => measureFloor(floorOptions));
const endToEnd = await measure('end to end', () => measureEndToEnd(config.endToEnd, { rssIntervalMs: config.rssIntervalMs, log }));
const floorAfter = await measure('floor after', () => measureFloor(floorOptions));
const floor: Outcome<BracketedFloor> = !floorBefore.ok ? floorBefore : !floorAfter.ok ? floorAfter : { ok: true, value: bracketFloor(floorBefore.value, floorAfter.value) };
const invoke = await measure(`warm Invoke vs direct call x${config.invoke.iterations}`, () => measureInvoke(config.invoke));
const coldStart = await measure(`cold start x${config.coldStart.repetitions}`, () => measureColdStart(config.coldStart));
// Last: the cold runs delete dist/lambdas, which the measurements above start their stacks from.
const features: Outcome<SuiteTimesResult> = config.features.run
  ? await measure(`npm run features, cold and warm, serial and by default, and at the baseline ${config.features.baseline ?? '(none)'}, x${config.features.repetitions}`, () =>
      timeSuites(config.features),
    )
  : { ok: false, failure: 'skipped: --quick' };
if (!config.features.run) {
  log('npm run features is skipped in --quick mode');
}

const measurements: Measurements = { endToEnd, floor, invoke, coldStart, startup, features };
const figures = buildFigures(measurements);
const machine = machineInfo();
const report = {
  date: new Date().toISOString(),
  mode: config.mode,
  machine,
  config,
  durationMs: Math.round(performance.now() - benchStarted),
  figures: figures.map((f) => ({ ...f, ...(f.value !== undefined && f.target ? judge(f.value, f.target) : {}) })),
  measurements: Object.fromEntries(Object.entries(measurements).map(([name, outcome]) => [name, outcome.ok ? outcome.value : { failure: outcome.failure }])),
};
// A quick run (npm test makes one) must not overwrite the full run's samples.
const reportFile = join(repoRoot, 'reports', config.mode === 'quick' ? 'bench-quick.json' : 'bench.json');
await mkdir(join(repoRoot, 'reports'), { recursive: true });
await writeFile(reportFile, `${JSON.stringify(report, null, 2)}\n`);

console.log('');
console.log(`npm run bench (${config.mode}), ${report.date}`);
console.log(`${machine.cpuCount} x ${machine.cpuModel}, ${(machine.totalMemoryBytes / 2 ** 30).toFixed(1)} GiB, Node ${machine.nodeVersion} ${machine.platform}/${machine.arch}`);
console.log('');
console.log(renderFigures(figures));
console.log('');
console.log(renderDiagnostics(measurements));
console.log(`\nWritten ${relative(process.cwd(), reportFile)} in ${(report.durationMs / 1000).toFixed(0)} s.`);

// Measurements that failed (other than the features suite, which is reported) are a bench failure.
const benchFailed = [endToEnd, floor, invoke, coldStart, startup].some((outcome) => !outcome.ok) || !built.ok;
process.exitCode = benchFailed ? 1 : 0;
