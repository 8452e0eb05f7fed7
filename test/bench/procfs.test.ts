import { describe, expect, it } from '@jest/globals';
import { descendantsOf, parseChildPids, parseCpuMs, parseVmRssKb, readTreeRss } from '../../harness/bench/procfs.ts';

const STATUS = ['Name:\tnode', 'State:\tS (sleeping)', 'VmPeak:\t 1234567 kB', 'VmHWM:\t  210000 kB', 'VmRSS:\t  204800 kB', 'Threads:\t11', ''].join('\n');

describe('parsing /proc', () => {
  it('reads VmRSS in kB from status, not VmHWM or VmPeak', () => {
    expect(parseVmRssKb(STATUS)).toBe(204800);
  });

  it('has no RSS for a zombie (no VmRSS line)', () => {
    expect(parseVmRssKb('Name:\tnode\nState:\tZ (zombie)\n')).toBeUndefined();
  });

  it('reads the children list, empty or not', () => {
    expect(parseChildPids('4242 4243 \n')).toEqual([4242, 4243]);
    expect(parseChildPids('')).toEqual([]);
  });

  it('reads utime + stime from stat, even with spaces and parentheses in the command name', () => {
    const stat = '4242 (node (worker) x) S 1 4242 4242 0 -1 4194560 100 0 0 0 250 50 0 0 20 0 11 0 1000 1 1 18446744073709551615';
    expect(parseCpuMs(stat)).toBe(3000);
  });
});

describe('reading this process tree', () => {
  it('counts this process, with its own RSS', () => {
    const reading = readTreeRss(process.pid);
    expect(reading.processes).toBeGreaterThanOrEqual(1);
    expect(reading.rootKb).toBeGreaterThan(1024);
    expect(reading.totalKb).toBeGreaterThanOrEqual(reading.rootKb);
    expect(descendantsOf(process.pid, { allThreads: true })[0]).toBe(process.pid);
  });

  it('reads nothing for a process that does not exist', () => {
    expect(readTreeRss(2 ** 22 + 1)).toEqual({ totalKb: 0, rootKb: 0, processes: 0 });
  });
});
