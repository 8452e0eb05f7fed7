import { measureFeaturesSuite, type FeaturesSuiteResult } from './measureFeaturesSuite.ts';
import { summarize, type Summary } from './percentiles.ts';

/** One way of running the suite: from a fresh `dist/lambdas` or not, serially or with workers, today's or the baseline's. */
export interface SuiteVariant {
  /** `coldSerial`, `warmSerial`, `coldParallel`, `warmParallel`, `baselineCold`, `baselineWarm`: the key of its figure. */
  id: string;
  cold: boolean;
  /** Cucumber workers; 0 is serial. */
  parallel: number;
  /** Set for the baseline's runs: the revision whose suite it is (its own default: serial). */
  baseline?: string;
}

export interface SuiteVariantResult extends SuiteVariant {
  /** Every run, in the order taken, with its exit and the tail of its output. */
  samples: FeaturesSuiteResult[];
  /** Of the passing runs' wall times; absent when none passed. */
  wallMs?: Summary;
  /** Why a run failed, the first one; a failed run's time says nothing about the suite's speed. */
  failure?: string;
}

export interface SuiteTimesResult {
  /** How many workers `npm run features` uses by default on this machine (the parallel variants use it). */
  defaultWorkers: number;
  variants: SuiteVariantResult[];
  /** Why the baseline was not timed, when it was asked for and could not be checked out. */
  baselineFailure?: string;
}

/**
 * Cold then warm, serial then with `parallel` workers (the default), then the baseline revision's suite
 * cold and warm as it ran then (serially): each warm run follows the cold one that built the bundles.
 */
export function suiteVariants(parallel: number, baseline?: string): SuiteVariant[] {
  return [
    { id: 'coldSerial', cold: true, parallel: 0 },
    { id: 'warmSerial', cold: false, parallel: 0 },
    { id: 'coldParallel', cold: true, parallel },
    { id: 'warmParallel', cold: false, parallel },
    ...(baseline
      ? [
          { id: 'baselineCold', cold: true, parallel: 0, baseline },
          { id: 'baselineWarm', cold: false, parallel: 0, baseline },
        ]
      : []),
  ];
}

export interface SuiteTimesOptions {
  timeoutMs: number;
  repetitions: number;
  /** Workers of the parallel variants: `npm run features`'s default on this machine. */
  parallel: number;
  /** The baseline revision and the directory it is checked out in. */
  baseline?: { revision: string; dir: string };
  baselineFailure?: string;
  log?: (line: string) => void;
}

/**
 * `npm run features` `repetitions` times in each variant, interleaved (round after round of all of them)
 * so that a noisy neighbour slows every variant alike rather than one of them.
 */
export async function measureSuiteTimes(options: SuiteTimesOptions): Promise<SuiteTimesResult> {
  const variants = suiteVariants(options.parallel, options.baseline?.revision);
  const samples = new Map<string, FeaturesSuiteResult[]>(variants.map((variant) => [variant.id, []]));
  for (let round = 1; round <= options.repetitions; round++) {
    for (const variant of variants) {
      const cwd = variant.baseline ? options.baseline?.dir : undefined;
      const result = await measureFeaturesSuite({ timeoutMs: options.timeoutMs, cold: variant.cold, parallel: variant.parallel, ...(cwd ? { cwd } : {}) });
      options.log?.(`features ${variant.id} ${round}/${options.repetitions}: ${(result.wallMs / 1000).toFixed(1)} s${result.failure ? ` (${result.failure})` : ''}`);
      samples.get(variant.id)?.push(result);
    }
  }
  return {
    defaultWorkers: options.parallel,
    ...(options.baselineFailure ? { baselineFailure: options.baselineFailure } : {}),
    variants: variants.map((variant) => {
      const runs = samples.get(variant.id) ?? [];
      const passed = runs.filter((run) => run.failure === undefined).map((run) => run.wallMs);
      const failure = runs.find((run) => run.failure !== undefined)?.failure;
      return { ...variant, samples: runs, ...(passed.length > 0 ? { wallMs: summarize(passed) } : {}), ...(failure ? { failure } : {}) };
    }),
  };
}
