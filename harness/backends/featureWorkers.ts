import { availableParallelism } from 'node:os';
import { DeployMethod } from './deployMethod.ts';
import { BackendName } from './types.ts';

/**
 * How many Cucumber workers `npm run features` uses on a backend when the command line does not say
 * (`--parallel N`). Each worker starts a stack of its own, so the scenarios that wait on visibility
 * timeouts overlap: on `embedded`, where a stack is one process's worth of emulators, one worker more
 * than there are cores, since a scenario spends most of its time waiting for redeliveries rather than
 * on a core (on 2 cores: 8.3-9.1 s with 3 workers against 9.7-10.0 s with 2 and 9.0-9.2 s with 4), but
 * one when it is deployed by `terraform apply`, which takes a minute and a provider's memory per worker. A LocalStack stack is a container per worker, so one unless asked. `compose` and `aws` are one
 * shared stack whose outcomes queue two workers would drain from each other: always one.
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
    return Math.max(1, cores) + 1;
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
