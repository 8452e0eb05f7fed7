import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '../../harness/topology/loadTopology.ts';

const run = promisify(execFile);
const cucumberBin = path.join(path.dirname(createRequire(import.meta.url).resolve('@cucumber/cucumber/package.json')), 'bin', 'cucumber-js');
const fixtureConfig = path.join('test', 'reports', 'fixtures', 'junit', 'cucumber.json');

interface CucumberProfile {
  format: string[];
  formatOptions: { junit?: { suiteName?: string } };
}

/** The project's JUnit format entry (`<formatter>:reports/features.junit.xml`), as `npm run features` uses it. */
async function projectJunitFormat(): Promise<{ formatter: string; formatOptions: CucumberProfile['formatOptions'] }> {
  const config = JSON.parse(await readFile(path.join(repoRoot, 'cucumber.json'), 'utf8')) as Record<string, CucumberProfile>;
  const profile = config.default;
  const entry = profile?.format.find((format) => format.endsWith(':reports/features.junit.xml'));
  if (!profile || !entry) throw new Error('cucumber.json writes no reports/features.junit.xml');
  return { formatter: entry.slice(0, -':reports/features.junit.xml'.length), formatOptions: profile.formatOptions };
}

describe('the JUnit report of the features', () => {
  let dir: string;
  let names: string[];

  beforeAll(async () => {
    // The fixture features run with the project's own JUnit format entry and options.
    dir = await mkdtemp(path.join(tmpdir(), 'fanout-junit-'));
    const { formatter, formatOptions } = await projectJunitFormat();
    const out = path.join(dir, 'junit.xml');
    await run(process.execPath, [cucumberBin, '--config', fixtureConfig, '--format', `${formatter}:${out}`, '--format-options', JSON.stringify(formatOptions)], { cwd: repoRoot });
    const xml = await readFile(out, 'utf8');
    names = [...xml.matchAll(/<testcase [^>]*?\sname="([^"]*)"/g)].map((match) => (match[1] ?? '').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&'));
  }, 60_000);

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('names each example of an outline by its values, not by the outline title with <placeholders>', () => {
    expect(names).toEqual(expect.arrayContaining([
      'an order of 2 lines in EUR from cus-1001 reaches every consumer',
      'an order of 3 lines in USD from cus-2002 reaches every consumer',
    ]));
    expect(names.filter((name) => name.includes('<'))).toEqual([]);
  });

  it('keeps the names unique when an outline title names no placeholder, and plain scenarios as they are', () => {
    expect(names).toEqual(expect.arrayContaining([
      'an outline without placeholders in its title (example 1.1)',
      'an outline without placeholders in its title (example 1.2)',
      'a plain scenario',
    ]));
    expect(new Set(names).size).toBe(names.length);
    expect(names).toHaveLength(5);
  });
});
