import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { renderSkips, type SkippedFile } from './jestSkipReporter.ts';

/**
 * Prints one closing line for `npm test`: the Jest results and the Cucumber scenarios added up, as
 * `Summary: N passed, N failed, N skipped`, so CI logs end with the totals of both runners. Above it, every
 * skipped test and scenario with its reason, so that a skip is never only a number.
 */
const reports = path.resolve(import.meta.dirname, '..', 'reports');

/** Skipped scenarios and why, from the `skipped: <reason>` lines the World logs (Cucumber messages). */
async function skippedScenarios(file: string): Promise<string[]> {
  if (!existsSync(file)) return [];
  const pickles = new Map<string, string>();
  const testCases = new Map<string, string>();
  const started = new Map<string, string>();
  const skipped: string[] = [];
  for (const line of (await readFile(file, 'utf8')).split('\n')) {
    if (line.trim() === '') continue;
    const envelope = JSON.parse(line) as {
      pickle?: { id: string; name: string; uri: string };
      testCase?: { id: string; pickleId: string };
      testCaseStarted?: { id: string; testCaseId: string };
      attachment?: { body: string; mediaType: string; testCaseStartedId?: string };
    };
    if (envelope.pickle) pickles.set(envelope.pickle.id, `${envelope.pickle.uri}: ${envelope.pickle.name}`);
    if (envelope.testCase) testCases.set(envelope.testCase.id, envelope.testCase.pickleId);
    if (envelope.testCaseStarted) started.set(envelope.testCaseStarted.id, envelope.testCaseStarted.testCaseId);
    const attachment = envelope.attachment;
    if (attachment?.mediaType === 'text/x.cucumber.log+plain' && attachment.body.startsWith('skipped: ')) {
      const pickle = pickles.get(testCases.get(started.get(attachment.testCaseStartedId ?? '') ?? '') ?? '') ?? '(a scenario)';
      skipped.push(`  ${pickle}: ${attachment.body.slice('skipped: '.length)}`);
    }
  }
  return skipped;
}

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

const jestSkipsFile = path.join(reports, 'jest-skips.json');
const jestSkips = existsSync(jestSkipsFile) ? (JSON.parse(await readFile(jestSkipsFile, 'utf8')) as SkippedFile[]) : [];
const scenarioSkipReasons = await skippedScenarios(path.join(reports, 'features.ndjson'));
if (jestSkips.length > 0) console.log(renderSkips(jestSkips));
if (scenarioSkipReasons.length > 0) console.log([`Skipped scenarios (${scenarioSkipReasons.length}), and why:`, ...scenarioSkipReasons].join('\n'));

const passed = jest.numPassedTests + scenarios - scenarioFailures - scenarioSkips;
const failed = jest.numFailedTests + scenarioFailures;
const skipped = jest.numPendingTests + jest.numTodoTests + scenarioSkips;
console.log(`unit and infrastructure tests: ${jest.numPassedTests} passed, ${jest.numFailedTests} failed, ${jest.numPendingTests + jest.numTodoTests} skipped`);
console.log(`scenarios: ${scenarios - scenarioFailures - scenarioSkips} passed, ${scenarioFailures} failed, ${scenarioSkips} skipped`);
console.log(`Summary: ${passed} passed, ${failed} failed, ${skipped} skipped`);
if (failed > 0) process.exitCode = 1;
