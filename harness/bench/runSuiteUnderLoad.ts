/**
 * `npm run bench:under-load [-- RUNS]`: `npm run features` RUNS times in a row (default 5), as it runs
 * by default, with one core held busy by a spinning thread; prints each run's time and result and the
 * pass rate, and writes `reports/bench-under-load.json`. Exit 1 when any run failed: the suite must stay
 * green and deterministic on a loaded machine.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { DeployMethod } from '../backends/deployMethod.ts';
import { featureWorkers } from '../backends/featureWorkers.ts';
import { BackendName } from '../backends/types.ts';
import { repoRoot } from '../topology/loadTopology.ts';
import { holdCoreBusy } from './holdCoreBusy.ts';
import { machineInfo } from './machineInfo.ts';
import { measureFeaturesSuite, type FeaturesSuiteResult } from './measureFeaturesSuite.ts';
import { summarize } from './percentiles.ts';

const runs = Number(process.argv[2] ?? 5);
if (!Number.isInteger(runs) || runs < 1) {
  console.error('usage: npm run bench:under-load [-- RUNS]   (RUNS: a whole number of at least 1)');
  process.exit(2);
}
const workers = featureWorkers({ backend: BackendName.embedded, deploy: DeployMethod.sdk }, process.env);
const results: FeaturesSuiteResult[] = [];
{
  await using _busy = holdCoreBusy();
  console.log(`[under-load] one core held busy; npm run features (--parallel ${workers}) x${runs}`);
  for (let run = 1; run <= runs; run++) {
    const result = await measureFeaturesSuite({ timeoutMs: 180_000, cold: false, parallel: workers });
    results.push(result);
    console.log(`[under-load] run ${run}/${runs}: ${(result.wallMs / 1000).toFixed(1)} s ${result.failure ? `FAILED (${result.failure})\n    ${result.tail.slice(-8).join('\n    ')}` : 'passed'}`);
  }
}
const passed = results.filter((result) => result.failure === undefined);
const times = summarize(results.map((result) => result.wallMs));
console.log(`[under-load] ${passed.length} of ${runs} passed; wall time min ${(times.min / 1000).toFixed(1)} s, p50 ${(times.p50 / 1000).toFixed(1)} s, max ${(times.max / 1000).toFixed(1)} s`);
const file = join(repoRoot, 'reports', 'bench-under-load.json');
await mkdir(join(repoRoot, 'reports'), { recursive: true });
await writeFile(file, `${JSON.stringify({ date: new Date().toISOString(), machine: machineInfo(), workers, busyCores: 1, runs: results }, null, 2)}\n`);
console.log(`Written ${relative(process.cwd(), file)}.`);
process.exitCode = passed.length === runs ? 0 : 1;
