import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { repoRoot } from '../../harness/topology/loadTopology.ts';
import JestSkipReporter from '../../scripts/jestSkipReporter.ts';

afterEach(() => {
  jest.restoreAllMocks();
});

// Jest's default reporter prints nothing for a test file whose tests all skip (DefaultReporter.onTestResult
// returns early on `result.skipped`), console output included: the reason has to come from this reporter.
describe('the Jest skip reporter', () => {
  it('prints and writes every skipped test with the reason its file printed', async () => {
    // Prepare
    const dir = await mkdtemp(path.join(tmpdir(), 'skip-reporter-'));
    const outputFile = path.join(dir, 'jest-skips.json');
    const printed: string[] = [];
    jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      printed.push(String(chunk));
      return true;
    });
    const reporter = new JestSkipReporter({}, { outputFile });

    // Act: a file whose tests all skip, one that passes, one that skips without saying why
    reporter.onTestResult({}, {
      testFilePath: path.join(repoRoot, 'test', 'reports', 'report-renders-in-browser.test.ts'),
      console: [{ type: 'warn', message: 'skipping the report browser test: no Chromium' }, { type: 'log', message: 'unrelated' }],
      testResults: [{ fullName: 'the report shows the journey', status: 'pending' }, { fullName: 'the report shows the topology', status: 'pending' }],
    });
    reporter.onTestResult({}, { testFilePath: path.join(repoRoot, 'test', 'a.test.ts'), testResults: [{ fullName: 'works', status: 'passed' }] });
    reporter.onTestResult({}, { testFilePath: path.join(repoRoot, 'test', 'b.test.ts'), testResults: [{ fullName: 'quietly skipped', status: 'pending' }] });
    reporter.onRunComplete();

    // Assess
    expect(printed.join('')).toBe([
      'Skipped tests (3, in 2 files), and why:',
      '  test/b.test.ts (1 test): no reason printed',
      '  test/reports/report-renders-in-browser.test.ts (2 tests): skipping the report browser test: no Chromium',
      '',
    ].join('\n'));
    expect(JSON.parse(await readFile(outputFile, 'utf8'))).toEqual([
      { file: 'test/b.test.ts', tests: ['quietly skipped'], reasons: [] },
      { file: 'test/reports/report-renders-in-browser.test.ts', tests: ['the report shows the journey', 'the report shows the topology'], reasons: ['skipping the report browser test: no Chromium'] },
    ]);
    await rm(dir, { recursive: true, force: true });
  });
});
