import { describe, expect, it } from '@jest/globals';
import { benchConfig } from '../../harness/bench/benchConfig.ts';
import { DEFAULT_BASELINE_REVISION } from '../../harness/bench/baselineCheckout.ts';
import { parseBenchArguments } from '../../harness/bench/parseBenchArguments.ts';

describe('npm run bench arguments', () => {
  it('times the default baseline\'s suite beside today\'s unless told otherwise', () => {
    expect(benchConfig(parseBenchArguments([])).features.baseline).toBe(DEFAULT_BASELINE_REVISION);
    expect(benchConfig(parseBenchArguments(['--baseline', 'v1.2'])).features.baseline).toBe('v1.2');
    expect(benchConfig(parseBenchArguments(['--baseline=HEAD~3'])).features.baseline).toBe('HEAD~3');
    expect(benchConfig(parseBenchArguments(['--no-baseline'])).features).not.toHaveProperty('baseline');
  });

  it('runs no suite in --quick mode and measures latency at half the measured capacity', () => {
    const quick = benchConfig(parseBenchArguments(['--quick']));
    expect(quick.mode).toBe('quick');
    expect(quick.features.run).toBe(false);
    expect(quick.endToEnd.latencyShareOfCapacity).toBe(0.5);
    expect(benchConfig(parseBenchArguments([])).endToEnd.latencyShareOfCapacity).toBe(0.5);
  });

  it('refuses what it does not know, and a --baseline without a revision', () => {
    expect(() => parseBenchArguments(['--fast'])).toThrow('unknown: --fast');
    expect(() => parseBenchArguments(['--baseline'])).toThrow('--baseline needs a git revision');
    expect(() => parseBenchArguments(['--baseline', '--quick'])).toThrow('--baseline needs a git revision');
  });
});
