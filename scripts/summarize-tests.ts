import { readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Prints one closing line for `npm test`: the Jest results and the Cucumber scenarios added up, as
 * `Summary: N passed, N failed, N skipped`, so CI logs end with the totals of both runners.
 */
const reports = path.resolve(import.meta.dirname, '..', 'reports');

interface JestResults {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
}

function attribute(xml: string, name: string): number {
  const suite = /<testsuite\b[^>]*>/.exec(xml)?.[0] ?? '';
  return Number(new RegExp(`\\b${name}="(\\d+)"`).exec(suite)?.[1] ?? Number.NaN);
}

const jest = JSON.parse(await readFile(path.join(reports, 'jest-results.json'), 'utf8')) as JestResults;
const junit = await readFile(path.join(reports, 'features.junit.xml'), 'utf8');
const scenarios = attribute(junit, 'tests');
const scenarioFailures = attribute(junit, 'failures') + attribute(junit, 'errors');
const scenarioSkips = attribute(junit, 'skipped');
if ([scenarios, scenarioFailures, scenarioSkips].some(Number.isNaN)) {
  throw new Error('reports/features.junit.xml has no testsuite counts');
}

const passed = jest.numPassedTests + scenarios - scenarioFailures - scenarioSkips;
const failed = jest.numFailedTests + scenarioFailures;
const skipped = jest.numPendingTests + jest.numTodoTests + scenarioSkips;
console.log(`unit and infrastructure tests: ${jest.numPassedTests} passed, ${jest.numFailedTests} failed, ${jest.numPendingTests + jest.numTodoTests} skipped`);
console.log(`scenarios: ${scenarios - scenarioFailures - scenarioSkips} passed, ${scenarioFailures} failed, ${scenarioSkips} skipped`);
console.log(`Summary: ${passed} passed, ${failed} failed, ${skipped} skipped`);
if (failed > 0) process.exitCode = 1;
