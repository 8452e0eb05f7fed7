import { createRequire, enableCompileCache } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { selectedBackendName } from '../../harness/backends/createBackend.ts';
import { selectedDeployMethod } from '../../harness/backends/deployMethod.ts';
import { featureWorkers, parallelArguments } from '../../harness/backends/featureWorkers.ts';
import { selectedTiming } from '../../harness/backends/timingProfile.ts';

/**
 * `npm run features [-- --backend NAME] [-- --deploy sdk|terraform] [-- --aws-timing] [cucumber-js options]`.
 *
 * Without `--parallel N` it runs as many workers as the backend allows by default (featureWorkers.ts: one
 * per core on `embedded`, `FANOUT_WORKERS` to change it); `--parallel 0` runs serially.
 *
 * cucumber-js refuses options it does not know, and its parallel workers are threads that do not see
 * this process's argv, so `--backend`, `--deploy` and `--aws-timing` are taken off the command line here and
 * handed on as `FANOUT_BACKEND`, `FANOUT_DEPLOY` and `FANOUT_TIMING=aws`, which every worker inherits.
 * Everything else goes to cucumber-js unchanged.
 */
// V8's code cache for every module this run loads, in this process, its worker threads and the publisher
// processes (the Lambda environments get Lambda's variables only): about a third of each worker's module
// loading on a warm run.
process.env.NODE_COMPILE_CACHE ??= path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'node_modules', '.cache', 'node-compile-cache');
enableCompileCache(process.env.NODE_COMPILE_CACHE);

const passThrough: string[] = [];
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  const arg = args[i] ?? '';
  if (arg === '--backend') process.env.FANOUT_BACKEND = args[++i] ?? '';
  else if (arg.startsWith('--backend=')) process.env.FANOUT_BACKEND = arg.slice('--backend='.length);
  else if (arg === '--deploy') process.env.FANOUT_DEPLOY = args[++i] ?? '';
  else if (arg.startsWith('--deploy=')) process.env.FANOUT_DEPLOY = arg.slice('--deploy='.length);
  else if (arg === '--aws-timing') process.env.FANOUT_TIMING = 'aws';
  else passThrough.push(arg);
}

try {
  const backend = selectedBackendName([], process.env);
  process.env.FANOUT_BACKEND = backend;
  const deploy = selectedDeployMethod([], process.env);
  process.env.FANOUT_DEPLOY = deploy;
  if (process.env.FANOUT_DEPLOY !== 'sdk' && process.env.FANOUT_BACKEND !== 'embedded') {
    throw new Error(`--deploy ${process.env.FANOUT_DEPLOY} applies to the embedded backend only; ${process.env.FANOUT_BACKEND} deploys its own way`);
  }
  process.env.FANOUT_TIMING = selectedTiming(process.env).name;
  if (process.env.FANOUT_TIMING !== 'fast' && process.env.FANOUT_BACKEND !== 'embedded') {
    throw new Error(`--aws-timing applies to the embedded backend only; ${process.env.FANOUT_BACKEND} has its own timing`);
  }
  const workersGiven = passThrough.some((arg) => arg === '--parallel' || arg.startsWith('--parallel='));
  if (!workersGiven) {
    passThrough.unshift(...parallelArguments(featureWorkers({ backend, deploy }, process.env)));
  }
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(2);
}

let lambdaBuild: { done: Promise<void>; remove: () => Promise<void> } | undefined;
if (process.env.FANOUT_BACKEND === 'embedded') {
  // Once, here, while cucumber-js loads the support code (esbuild runs in a process of its own): parallel
  // workers would each check the stamps, or run esbuild on a fresh checkout, at the same moment. The
  // workers wait for this build (harness/build/lambdaBuildHandoff.ts) before they start their stacks.
  const [{ buildLambdas }, { handOffBuild }] = await Promise.all([import('../../harness/build/buildLambdas.ts'), import('../../harness/build/lambdaBuildHandoff.ts')]);
  lambdaBuild = handOffBuild(() => buildLambdas());
}

const require = createRequire(import.meta.url);
const cli = require('@cucumber/cucumber/lib/cli/run') as { default: () => Promise<void> };
process.argv = [process.argv[0] ?? process.execPath, path.join(path.dirname(require.resolve('@cucumber/cucumber/package.json')), 'bin', 'cucumber-js'), ...passThrough];
try {
  await cli.default();
} finally {
  await lambdaBuild?.done;
  await lambdaBuild?.remove();
}
