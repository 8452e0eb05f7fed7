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

function suiteTimes(wallMs: Record<string, number[]>, options: { failed?: string; baseline?: string } = {}): SuiteTimesResult {
  return {
    defaultWorkers: 2,
    variants: suiteVariants(2, options.baseline).map((variant) => {
      const failed = variant.id === options.failed;
      const samples = (wallMs[variant.id] ?? []).map((ms) => run({ ...variant, wallMs: ms, ...(failed ? { failure: 'exit 1: 1 scenario failed' } : {}) }));
      return failed ? { ...variant, samples, failure: 'exit 1: 1 scenario failed' } : { ...variant, samples, wallMs: summarize(samples.map((sample) => sample.wallMs)) };
    }),
  };
}

const suiteRows = (m: Measurements) => buildFigures(m).filter((figure) => figure.id.startsWith('features.'));

describe('the bench table\'s rows for npm run features', () => {
  it('has one row per variant, cold and warm, serial and by default, and the baseline\'s, each the mean of its runs', () => {
    const rows = suiteRows(
      measurements({
        ok: true,
        value: suiteTimes(
          { coldSerial: [14_000, 16_000], warmSerial: [12_000, 13_000], coldParallel: [10_000, 11_000], warmParallel: [9_000, 9_500], baselineCold: [20_000, 22_000], baselineWarm: [18_000, 18_000] },
          { baseline: '9dae801' },
        ),
      }),
    );

    expect(rows.map(({ id, label, value }) => ({ id, label, value }))).toEqual([
      { id: 'features.coldWallMs', label: 'npm run features -- --parallel 0 (serial), cold (embedded, mean of 2)', value: 15_000 },
      { id: 'features.warmWallMs', label: 'npm run features -- --parallel 0 (serial), warm (embedded, mean of 2)', value: 12_500 },
      { id: 'features.coldParallelWallMs', label: 'npm run features (default: --parallel 2), cold (embedded, mean of 2)', value: 10_500 },
      { id: 'features.warmParallelWallMs', label: 'npm run features (default: --parallel 2), warm (embedded, mean of 2)', value: 9_250 },
      { id: 'features.baselineColdWallMs', label: 'npm run features at 9dae801 (baseline, serial), cold (embedded, mean of 2)', value: 21_000 },
      { id: 'features.baselineWarmWallMs', label: 'npm run features at 9dae801 (baseline, serial), warm (embedded, mean of 2)', value: 18_000 },
      { id: 'features.coldOverBaseline', label: 'npm run features, cold: default / baseline', value: 10_500 / 21_000 },
    ]);
    expect(rows.find((row) => row.id === 'features.coldOverBaseline')?.target).toMatchObject({ direction: 'atMost', threshold: 0.5 });
    expect(rows.find((row) => row.id === 'features.coldParallelWallMs')?.target).toBeDefined();
  });

  it('shows a variant with a failed run as failed, not as a time, and no ratio from it', () => {
    const rows = suiteRows(
      measurements({ ok: true, value: suiteTimes({ coldSerial: [14_000], warmSerial: [12_000], coldParallel: [10_000], warmParallel: [9_000], baselineCold: [20_000], baselineWarm: [18_000] }, { failed: 'coldParallel', baseline: 'abc1234' }) }),
    );

    expect(rows.find((row) => row.id === 'features.coldParallelWallMs')).toMatchObject({ failure: 'failed: exit 1: 1 scenario failed' });
    expect(rows.find((row) => row.id === 'features.coldParallelWallMs')?.value).toBeUndefined();
    expect(rows.find((row) => row.id === 'features.warmParallelWallMs')?.value).toBe(9_000);
    expect(rows.find((row) => row.id === 'features.coldOverBaseline')).toMatchObject({ failure: 'failed: exit 1: 1 scenario failed' });
  });

  it('says why the baseline is missing when it could not be checked out', () => {
    const value = { ...suiteTimes({ coldSerial: [14_000], warmSerial: [12_000], coldParallel: [10_000], warmParallel: [9_000] }), baselineFailure: 'revision 9dae801 is not in this clone' };
    const rows = suiteRows(measurements({ ok: true, value }));

    expect(rows.find((row) => row.id === 'features.coldOverBaseline')).toMatchObject({ failure: 'skipped: revision 9dae801 is not in this clone' });
  });

  it('keeps every row, marked skipped, when the suite is not run', () => {
    const rows = suiteRows(measurements({ ok: false, failure: 'skipped: --quick' }));

    expect(rows.map((row) => row.failure)).toEqual(Array(7).fill('skipped: --quick'));
  });
});
