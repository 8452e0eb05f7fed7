import { describe, expect, it } from '@jest/globals';
import { buildFigures, type Measurements } from '../../harness/bench/buildFigures.ts';
import type { FeaturesSuiteResult } from '../../harness/bench/measureFeaturesSuite.ts';
import { suiteVariants, type SuiteTimesResult } from '../../harness/bench/measureSuiteTimes.ts';
import { summarize } from '../../harness/bench/percentiles.ts';

const skipped = { ok: false, failure: 'skipped: not part of this test' } as const;

function run(options: { cold: boolean; parallel: number; wallMs: number; failure?: string }): FeaturesSuiteResult {
  return { exitCode: options.failure ? 1 : 0, signal: null, tail: ['12 scenarios (12 passed)'], ...options };
}

function measurements(features: Measurements['features']): Measurements {
  return { endToEnd: skipped, floor: skipped, invoke: skipped, coldStart: skipped, startup: skipped, features };
}

function suiteTimes(wallMs: Record<string, number[]>, failed?: string): SuiteTimesResult {
  return {
    variants: suiteVariants(2).map((variant) => {
      const samples = (wallMs[variant.id] ?? []).map((ms) => run({ ...variant, wallMs: ms, ...(variant.id === failed ? { failure: 'exit 1: 1 scenario failed' } : {}) }));
      return variant.id === failed
        ? { ...variant, samples, failure: 'exit 1: 1 scenario failed' }
        : { ...variant, samples, wallMs: summarize(samples.map((sample) => sample.wallMs)) };
    }),
  };
}

const suiteRows = (m: Measurements) => buildFigures(m).filter((figure) => figure.id.startsWith('features.'));

describe('the bench table\'s rows for npm run features', () => {
  it('has one row per variant, cold and warm, without and with --parallel, each the mean of its runs', () => {
    const rows = suiteRows(measurements({ ok: true, value: suiteTimes({ coldSerial: [14_000, 16_000], warmSerial: [12_000, 13_000], coldParallel: [10_000, 11_000], warmParallel: [9_000, 9_500] }) }));

    expect(rows.map(({ id, label, value }) => ({ id, label, value }))).toEqual([
      { id: 'features.coldWallMs', label: 'npm run features, cold (embedded, mean of 2)', value: 15_000 },
      { id: 'features.warmWallMs', label: 'npm run features, warm (embedded, mean of 2)', value: 12_500 },
      { id: 'features.coldParallelWallMs', label: 'npm run features -- --parallel 2, cold (embedded, mean of 2)', value: 10_500 },
      { id: 'features.warmParallelWallMs', label: 'npm run features -- --parallel 2, warm (embedded, mean of 2)', value: 9_250 },
    ]);
    expect(rows[0]?.target).toBeDefined();
  });

  it('shows a variant with a failed run as failed, not as a time', () => {
    const rows = suiteRows(measurements({ ok: true, value: suiteTimes({ coldSerial: [14_000], warmSerial: [12_000], coldParallel: [10_000], warmParallel: [9_000] }, 'coldParallel') }));

    expect(rows.find((row) => row.id === 'features.coldParallelWallMs')).toMatchObject({ failure: 'failed: exit 1: 1 scenario failed' });
    expect(rows.find((row) => row.id === 'features.coldParallelWallMs')?.value).toBeUndefined();
    expect(rows.find((row) => row.id === 'features.warmParallelWallMs')?.value).toBe(9_000);
  });

  it('keeps the four rows, marked skipped, when the suite is not run', () => {
    const rows = suiteRows(measurements({ ok: false, failure: 'skipped: --quick' }));

    expect(rows.map((row) => row.failure)).toEqual(Array(4).fill('skipped: --quick'));
  });
});
