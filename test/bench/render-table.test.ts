import { describe, expect, it } from '@jest/globals';
import { figureCells, renderTable } from '../../harness/bench/renderTable.ts';
import { formatTarget, judge, TARGETS, Verdict } from '../../harness/bench/targets.ts';

describe('targets', () => {
  it('passes throughput at or above its threshold and latency at or below', () => {
    expect(judge(500, TARGETS.ordersPerSecond)).toEqual({ verdict: Verdict.pass, ratio: 1 });
    expect(judge(250, TARGETS.ordersPerSecond).verdict).toBe(Verdict.miss);
    expect(judge(25, TARGETS.latencyP50).verdict).toBe(Verdict.pass);
    expect(judge(30, TARGETS.latencyP50)).toEqual({ verdict: Verdict.miss, ratio: 1.2 });
  });

  it('reads as a condition', () => {
    expect(formatTarget(TARGETS.ordersPerSecond)).toBe('>= 500 orders/s');
    expect(formatTarget(TARGETS.pipelineOverFloor)).toBe('>= 0.600');
    expect(formatTarget(TARGETS.peakRss)).toBe('<= 600 MB');
  });
});

describe('figureCells', () => {
  it('shows value, target and verdict', () => {
    expect(figureCells({ id: 'x', label: 'Cold start', value: 81.23, unit: 'ms', digits: 1, target: TARGETS.coldStartMedian })).toEqual([
      'Cold start',
      '81.2 ms',
      '<= 250 ms',
      '0.32x PASS',
    ]);
  });

  it('marks figures without a target as info', () => {
    expect(figureCells({ id: 'x', label: 'Floor', value: 1186.2, unit: 'msgs/s' })[3]).toBe('info');
  });

  it('shows the failure in place of the value', () => {
    const cells = figureCells({ id: 'x', label: 'Suite', unit: 'ms', target: TARGETS.featuresCold, failure: 'failed: exit 1' });
    expect(cells).toEqual(['Suite', 'failed: exit 1', '<= 15000 ms', 'FAILED']);
    expect(figureCells({ id: 'x', label: 'Suite', unit: 'ms', failure: 'skipped: --quick' })[3]).toBe('SKIPPED');
  });
});

describe('renderTable', () => {
  it('aligns the columns under a rule', () => {
    expect(renderTable(['a', 'bb'], [['ccc', 'd'], ['e', 'ffff']])).toBe(['a   | bb', '----|-----', 'ccc | d', 'e   | ffff'].join('\n'));
  });
});
