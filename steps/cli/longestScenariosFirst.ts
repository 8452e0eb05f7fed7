import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { writeFileAtomically } from '../../harness/files/writeFileAtomically.ts';

/**
 * A cucumber-js plugin (cucumber.json `plugin`) that starts the longest scenarios first: by how long each
 * took in the last run that passed it (kept in `node_modules/.cache/fanout/`), and where that is
 * not known (a fresh checkout such as CI's, a new or edited scenario), those tagged `@slow` first, longest
 * by their `@about-Ns` tag first, keeping the order of everything else. Slow scenarios wait on visibility timeouts or drain a burst for seconds; started first,
 * they run beside the quick ones on the other workers instead of after them, and the longest one starts
 * at once, so the run ends about when it does (longest job first, as schedulers do). A serial run is
 * unchanged in length, only in order.
 */
export interface OrderablePickle {
  pickle: { uri: string; name: string; tags: readonly { name: string }[] };
  location: { line: number };
}

export const SLOW_TAG = '@slow';

/** Where a scenario's duration is kept: its file, line and name (an edited scenario is a new one). */
export function scenarioKey(item: OrderablePickle): string {
  return `${item.pickle.uri}:${item.location.line}:${item.pickle.name}`;
}

/** `@about-4s`: how long a `@slow` scenario takes (on two cores), for ordering it before anything was timed. */
const ABOUT_TAG = /^@about-(\d+(?:\.\d+)?)s$/;

/**
 * Longest first by `durations` (milliseconds, by {@link scenarioKey}). A scenario with no duration comes
 * before every known one when tagged `@slow`, the one its `@about-Ns` tag says is longer first, and after
 * them otherwise. Ties keep the given order.
 */
export function longestFirst<T extends OrderablePickle>(pickles: readonly T[], durations: ReadonlyMap<string, number> = new Map()): T[] {
  const weight = (item: T): [unknownSlow: number, ms: number] => {
    const known = durations.get(scenarioKey(item));
    if (known !== undefined) return [0, known];
    const tags = item.pickle.tags.map((tag) => tag.name);
    if (!tags.includes(SLOW_TAG)) return [0, -1];
    const about = tags.map((tag) => ABOUT_TAG.exec(tag)?.[1]).find((seconds) => seconds !== undefined);
    return [1, about === undefined ? 0 : Number(about) * 1000];
  };
  return pickles
    .map((item, index) => ({ item, index, weight: weight(item) }))
    .sort((a, b) => b.weight[0] - a.weight[0] || b.weight[1] - a.weight[1] || a.index - b.index)
    .map(({ item }) => item);
}

/** Reads the durations file; missing or unreadable is none known. */
export function readDurations(file: string): Map<string, number> {
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (typeof parsed !== 'object' || parsed === null) return new Map();
    return new Map(Object.entries(parsed).filter((entry): entry is [string, number] => typeof entry[1] === 'number' && Number.isFinite(entry[1])));
  } catch {
    return new Map();
  }
}

/** Writes the durations (a run reading them never sees half a file). */
export async function writeDurations(file: string, durations: ReadonlyMap<string, number>): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFileAtomically(file, `${JSON.stringify(Object.fromEntries([...durations].sort(([a], [b]) => a.localeCompare(b))), null, 2)}\n`);
}

interface ScenarioNode {
  id: string;
  location: { line: number };
  examples?: readonly { tableBody: readonly { id: string; location: { line: number } }[] }[];
}

interface FeatureChild {
  scenario?: ScenarioNode;
  rule?: { children: readonly FeatureChild[] };
}

interface Timestamp {
  seconds: number;
  nanos: number;
}

/** The messages a run's durations are read from (a subset of @cucumber/messages' Envelope). */
export interface DurationEnvelope {
  pickle?: { id: string; uri: string; name: string; astNodeIds: readonly string[] };
  gherkinDocument?: { uri?: string; feature?: { children: readonly FeatureChild[] } };
  testCase?: { id: string; pickleId: string };
  testCaseStarted?: { id: string; testCaseId: string; timestamp: Timestamp };
  testStepFinished?: { testCaseStartedId: string; testStepResult: { status: string } };
  testCaseFinished?: { testCaseStartedId: string; timestamp: Timestamp };
}

/**
 * Collects each scenario's duration from the run's messages, keyed as {@link scenarioKey} keys the
 * pickles it orders (the line is the scenario's, or an outline's example row's, as cucumber-js places
 * a pickle). Only a scenario whose every step passed counts: a failed, skipped or dry run says nothing
 * of how long the scenario takes. A retried scenario counts its last attempt.
 */
export class DurationRecorder {
  readonly #lines = new Map<string, number>();
  readonly #pickleKeys = new Map<string, string>();
  readonly #testCases = new Map<string, string>();
  readonly #started = new Map<string, { testCaseId: string; at: number; passed: boolean }>();
  readonly durations = new Map<string, number>();

  record(envelope: DurationEnvelope): void {
    const { gherkinDocument, pickle, testCase, testCaseStarted, testStepFinished, testCaseFinished } = envelope;
    if (gherkinDocument?.feature) this.#learnLines(gherkinDocument.feature.children);
    if (pickle) {
      // An outline's pickle names its example row last: that row is where cucumber-js locates it.
      const line = [...pickle.astNodeIds].reverse().map((id) => this.#lines.get(id)).find((found) => found !== undefined);
      if (line !== undefined) this.#pickleKeys.set(pickle.id, scenarioKey({ pickle: { ...pickle, tags: [] }, location: { line } }));
    }
    if (testCase) this.#testCases.set(testCase.id, testCase.pickleId);
    if (testCaseStarted) this.#started.set(testCaseStarted.id, { testCaseId: testCaseStarted.testCaseId, at: millis(testCaseStarted.timestamp), passed: true });
    if (testStepFinished && testStepFinished.testStepResult.status !== 'PASSED') {
      const started = this.#started.get(testStepFinished.testCaseStartedId);
      if (started) started.passed = false;
    }
    if (testCaseFinished) {
      const started = this.#started.get(testCaseFinished.testCaseStartedId);
      const key = started?.passed && this.#pickleKeys.get(this.#testCases.get(started.testCaseId) ?? '');
      if (started && key) this.durations.set(key, Math.max(0, Math.round(millis(testCaseFinished.timestamp) - started.at)));
    }
  }

  /** Where each scenario and example row is (a rule's too): the lines cucumber-js locates pickles at. */
  #learnLines(children: readonly FeatureChild[]): void {
    for (const child of children) {
      if (child.rule) this.#learnLines(child.rule.children);
      const scenario = child.scenario;
      if (!scenario) continue;
      this.#lines.set(scenario.id, scenario.location.line);
      for (const row of (scenario.examples ?? []).flatMap((examples) => examples.tableBody)) this.#lines.set(row.id, row.location.line);
    }
  }
}

function millis({ seconds, nanos }: Timestamp): number {
  return seconds * 1000 + nanos / 1e6;
}

interface CoordinatorContext {
  operation: string;
  environment: { cwd: string; env?: Record<string, string | undefined> };
  on(event: 'message', handler: (envelope: DurationEnvelope) => void): void;
  transform(event: 'pickles:order', handler: (pickles: readonly OrderablePickle[]) => Promise<readonly OrderablePickle[]>): void;
}

/**
 * The durations file of a checkout, one per backend and timing profile (`FANOUT_BACKEND`, `FANOUT_TIMING`,
 * which runFeatures.ts sets): a scenario on LocalStack, or with AWS's timing, takes another time.
 */
export function durationsFile(cwd: string, env: Record<string, string | undefined> = {}): string {
  const variant = `${env.FANOUT_BACKEND || 'embedded'}-${env.FANOUT_TIMING || 'fast'}`.replace(/[^A-Za-z0-9-]/g, '_');
  return join(cwd, 'node_modules', '.cache', 'fanout', `scenario-durations.${variant}.json`);
}

export default {
  type: 'plugin',
  coordinator: ({ operation, environment, on, transform }: CoordinatorContext): (() => Promise<void>) | undefined => {
    if (operation !== 'runCucumber') return undefined;
    const file = durationsFile(environment.cwd, environment.env);
    const known = readDurations(file);
    transform('pickles:order', async (pickles) => longestFirst(pickles, known));
    const recorder = new DurationRecorder();
    on('message', (envelope) => recorder.record(envelope));
    // Awaited by cucumber-js when the run ends.
    return async () => {
      if (recorder.durations.size === 0) return;
      try {
        // The scenarios of this run replace their old figures; the others (not run this time) keep theirs.
        await writeDurations(file, new Map([...known, ...recorder.durations]));
      } catch {
        // A read-only checkout keeps the @slow order: nothing to report.
      }
    };
  },
};
