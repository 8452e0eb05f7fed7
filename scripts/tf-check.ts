import { buildLambdas } from '../harness/build/buildLambdas.ts';
import { runTerraformCheck } from '../harness/terraform/runTerraformCheck.ts';

/**
 * `npm run tf:check [-- --if-available]`: init, validate and plan `terraform/` (with and without the
 * fast-timers profile) and check the plans against the topology. `--if-available` (as `npm test` runs it)
 * skips with one line when no terraform or no provider can be had; otherwise that is a failure.
 */
const ifAvailable = process.argv.includes('--if-available');
const started = performance.now();
const log = (line: string): void => console.log(`tf:check: ${line}`);
try {
  log('bundling the Lambdas (terraform hashes dist/lambdas/<consumer>.zip)');
  await buildLambdas();
  const result = await runTerraformCheck({
    terraform: process.env.FANOUT_TERRAFORM ?? 'auto',
    pluginMirror: process.env.FANOUT_TF_PLUGIN_MIRROR || undefined,
    ifAvailable,
    log,
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (result.status === 'skipped') {
    log(`SKIPPED: ${result.reason}`);
  } else if (result.status === 'failed') {
    for (const problem of result.problems) console.error(`tf:check: ${problem}`);
    console.error(`tf:check: FAILED, ${result.problems.length} problem(s), ${seconds} s`);
    process.exitCode = 1;
  } else {
    log(`passed: validate and ${result.plans} plans of ${result.consumers} consumers match the topology (hashicorp/aws ${result.providerVersion}, ${result.runtime}), ${seconds} s`);
  }
} catch (error) {
  console.error(`tf:check: FAILED: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
