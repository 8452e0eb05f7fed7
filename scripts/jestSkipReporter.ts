import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The parts of Jest's reporter arguments this reads (`@jest/reporters` types, without depending on them). */
interface ConsoleEntry {
  message: string;
  type: string;
}
interface AssertionResult {
  fullName: string;
  status: string;
}
interface TestFileResult {
  testFilePath: string;
  console?: ConsoleEntry[] | undefined;
  testResults: AssertionResult[];
}

/** One test file's skipped tests and the reasons it printed for them. */
export interface SkippedFile {
  /** Relative to the repository. */
  file: string;
  tests: string[];
  reasons: string[];
}

export interface JestSkipReporterOptions {
  /** Where to write the skips as JSON, for `scripts/summarize-tests.ts`; relative to the working directory. */
  outputFile?: string;
}

const REPO_ROOT = path.resolve(import.meta.dirname, '..');
/** Tests here print their skip reason once, when the file is collected: `skipped ...` or `skipping ...`. */
const SKIP_REASON = /^skip(?:ped|ping)?\b/i;

/**
 * Lists every skipped test with the reason its file printed. Jest's default reporter prints nothing at all for
 * a file whose tests all skip (not even its console output), so a skip and its reason were invisible; this
 * prints them after Jest's summary and writes them for the closing summary of `npm test`.
 */
export default class JestSkipReporter {
  readonly #options: JestSkipReporterOptions;
  readonly #skipped: SkippedFile[] = [];

  constructor(_globalConfig: unknown, options: JestSkipReporterOptions = {}) {
    this.#options = options;
  }

  onTestResult(_test: unknown, result: TestFileResult): void {
    const tests = result.testResults.filter((t) => t.status === 'pending' || t.status === 'skipped' || t.status === 'todo').map((t) => t.fullName);
    if (tests.length === 0) return;
    const reasons = (result.console ?? []).map((entry) => entry.message.trim()).filter((message) => SKIP_REASON.test(message));
    this.#skipped.push({ file: path.relative(REPO_ROOT, result.testFilePath), tests, reasons });
  }

  onRunComplete(): void {
    const skipped = [...this.#skipped].sort((a, b) => a.file.localeCompare(b.file));
    if (this.#options.outputFile) {
      mkdirSync(path.dirname(path.resolve(this.#options.outputFile)), { recursive: true });
      writeFileSync(path.resolve(this.#options.outputFile), `${JSON.stringify(skipped, null, 2)}\n`);
    }
    if (skipped.length === 0) return;
    process.stderr.write(`${renderSkips(skipped)}\n`);
  }

  getLastError(): undefined {
    return undefined;
  }
}

/** `Skipped tests (3, in 2 files), and why:` with one entry per file. */
export function renderSkips(skipped: readonly SkippedFile[]): string {
  const count = skipped.reduce((sum, file) => sum + file.tests.length, 0);
  const lines = [`Skipped tests (${count}, in ${skipped.length} file${skipped.length === 1 ? '' : 's'}), and why:`];
  for (const file of skipped) {
    lines.push(`  ${file.file} (${file.tests.length} test${file.tests.length === 1 ? '' : 's'}): ${file.reasons.join(' / ') || 'no reason printed'}`);
  }
  return lines.join('\n');
}
