import { measureFeaturesSuite, type FeaturesSuiteResult } from './measureFeaturesSuite.ts';
import { summarize, type Summary } from './percentiles.ts';

/** One way of running the suite: from a fresh `dist/lambdas` or not, with or without `--parallel`. */
export interface SuiteVariant {
  /** `coldSerial`, `warmSerial`, `coldParallel`, `warmParallel`: the key of its figure. */
  id: string;
  cold: boolean;
  parallel: number;
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
  variants: SuiteVariantResult[];
}

/** Cold then warm, serial then with `parallel` workers: each warm run follows the cold one that built the bundles. */
export function suiteVariants(parallel: number): SuiteVariant[] {
  return [
    { id: 'coldSerial', cold: true, parallel: 1 },
    { id: 'warmSerial', cold: false, parallel: 1 },
    { id: 'coldParallel', cold: true, parallel },
    { id: 'warmParallel', cold: false, parallel },
  ];
}

/**
 * `npm run features` `repetitions` times in each variant, interleaved (round after round of all four) so
 * that a noisy neighbour slows every variant alike rather than one of them.
 */
export async function measureSuiteTimes(options: { timeoutMs: number; repetitions: number; parallel: number; log?: (line: string) => void }): Promise<SuiteTimesResult> {
  const variants = suiteVariants(options.parallel);
  const samples = new Map<string, FeaturesSuiteResult[]>(variants.map((variant) => [variant.id, []]));
  for (let round = 1; round <= options.repetitions; round++) {
    for (const variant of variants) {
      const result = await measureFeaturesSuite({ timeoutMs: options.timeoutMs, cold: variant.cold, parallel: variant.parallel });
      options.log?.(`features ${variant.id} ${round}/${options.repetitions}: ${(result.wallMs / 1000).toFixed(1)} s${result.failure ? ` (${result.failure})` : ''}`);
      samples.get(variant.id)?.push(result);
    }
  }
  return {
    variants: variants.map((variant) => {
      const runs = samples.get(variant.id) ?? [];
      const passed = runs.filter((run) => run.failure === undefined).map((run) => run.wallMs);
      const failure = runs.find((run) => run.failure !== undefined)?.failure;
      return { ...variant, samples: runs, ...(passed.length > 0 ? { wallMs: summarize(passed) } : {}), ...(failure ? { failure } : {}) };
    }),
  };
}
