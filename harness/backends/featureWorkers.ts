import { availableParallelism } from 'node:os';
import { DeployMethod } from './deployMethod.ts';
import { BackendName } from './types.ts';

/**
 * How many Cucumber workers `npm run features` uses on a backend when the command line does not say
 * (`--parallel N`). Each worker starts a stack of its own, so the scenarios that wait on visibility
 * timeouts overlap: on `embedded`, where a stack is one process's worth of emulators, one worker per
 * core. The scenarios start longest first (steps/cli/longestScenariosFirst.ts), so on 2 cores the
 * poison order runs on one worker while the other takes the rest; a third worker only adds a stack's
 * start-up to cores that are already busy (on 2 cores, warm, interleaved: 8.5-8.8 s with 2 workers and
 * 10.3-11.1 s of CPU, 8.3-9.6 s with 3 and 12.4-14.6 s). One when the stack is deployed by
 * `terraform apply`, which takes a minute and a provider's memory per worker. A LocalStack stack is a
 * container per worker, so one unless asked. `compose` and `aws` are one shared stack whose outcomes
 * queue two workers would drain from each other: always one.
 * `FANOUT_WORKERS` overrides the default where more than one is allowed.
 */
export function featureWorkers(
  options: { backend: BackendName; deploy: DeployMethod },
  env: NodeJS.ProcessEnv = process.env,
  cores: number = availableParallelism(),
): number {
  const { backend, deploy } = options;
  const requested = env.FANOUT_WORKERS;
  const shared = backend === BackendName.compose || backend === BackendName.aws;
  if (requested !== undefined && requested !== '') {
    const workers = Number(requested);
    if (!Number.isInteger(workers) || workers < 1) {
      throw new Error(`FANOUT_WORKERS must be a whole number of at least 1, not "${requested}"`);
    }
    if (shared && workers > 1) {
      throw new Error(`FANOUT_WORKERS=${workers}: the ${backend} backend is one shared stack, so its specs run in one worker`);
    }
    return workers;
  }
  if (backend === BackendName.embedded && deploy === DeployMethod.sdk) {
    return Math.max(1, cores);
  }
  return 1;
}

/**
 * The cucumber-js arguments for that many workers: `--parallel N`, or none for one (cucumber runs
 * serially in its own process then, without a worker thread's start-up).
 */
export function parallelArguments(workers: number): string[] {
  return workers > 1 ? ['--parallel', String(workers)] : [];
}
