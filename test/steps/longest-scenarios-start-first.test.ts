import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { AstBuilder, GherkinClassicTokenMatcher, Parser, compile } from '@cucumber/gherkin';
import { IdGenerator } from '@cucumber/messages';
import plugin, { DurationRecorder, durationsFile, longestFirst, readDurations, scenarioKey, writeDurations, type DurationEnvelope, type OrderablePickle } from '../../steps/cli/longestScenariosFirst.ts';

const pickle = (name: string, line: number, ...tags: string[]): OrderablePickle & { name: string } => ({
  name,
  pickle: { uri: 'features/x.feature', name, tags: tags.map((tag) => ({ name: tag })) },
  location: { line },
});

const FEATURE = `Feature: timing
  Scenario: quick
    Given a step

  Scenario Outline: an order of <n>
    Given a step
    Examples:
      | n |
      | 1 |
      | 2 |

  Rule: ruled
    Scenario: inside a rule
      Given a step
`;

/** The gherkin document and pickles cucumber-js would emit for FEATURE, as messages. */
function featureMessages(uri: string): { gherkinDocument: NonNullable<DurationEnvelope['gherkinDocument']>; pickles: readonly NonNullable<DurationEnvelope['pickle']>[] } {
  const newId = IdGenerator.incrementing();
  const document = new Parser(new AstBuilder(newId), new GherkinClassicTokenMatcher()).parse(FEATURE);
  const gherkinDocument = { ...document, uri };
  return { gherkinDocument, pickles: compile(gherkinDocument, uri, newId) };
}

describe('the plugin that starts the longest scenarios first', () => {
  it('orders by the last run\'s durations, longest first, unknown @slow ones before them and unknown others after', () => {
    const [a, b, c, d, e] = [pickle('a', 2), pickle('b', 5, '@slow'), pickle('c', 8), pickle('d', 11, '@slow'), pickle('e', 14)];
    const items = [a, b, c, d, e];
    const durations = new Map([
      [scenarioKey(a), 100],
      [scenarioKey(b), 2800],
      [scenarioKey(d), 3900],
    ]);

    expect(longestFirst(items, durations).map((item) => item.name)).toEqual(['d', 'b', 'a', 'c', 'e']);
    // Nothing known (a fresh checkout): @slow first, each group in its given order.
    expect(longestFirst(items).map((item) => item.name)).toEqual(['b', 'd', 'a', 'c', 'e']);
    // Untimed @slow ones go longest first by their @about-Ns tag, the untagged ones after them.
    expect(longestFirst([pickle('p', 2, '@slow', '@about-2s'), pickle('q', 5, '@slow'), pickle('r', 8, '@slow', '@about-4s'), pickle('s', 11)]).map((i) => i.name)).toEqual(['r', 'p', 'q', 's']);
    // A scenario with no figure yet that is @slow still goes first.
    expect(longestFirst([pickle('known', 2), pickle('new', 5, '@slow')], new Map([[scenarioKey(pickle('known', 2)), 9000]])).map((i) => i.name)).toEqual(['new', 'known']);
  });

  it('records each scenario\'s duration under the key its pickle is ordered by (outline rows and rules included)', () => {
    const { gherkinDocument, pickles } = featureMessages('features/x.feature');
    const recorder = new DurationRecorder();
    recorder.record({ gherkinDocument });
    pickles.forEach((p, index) => {
      recorder.record({ pickle: p });
      recorder.record({ testCase: { id: `tc${index}`, pickleId: p.id } });
      recorder.record({ testCaseStarted: { id: `s${index}`, testCaseId: `tc${index}`, timestamp: { seconds: 100, nanos: 0 } } });
      recorder.record({ testCaseFinished: { testCaseStartedId: `s${index}`, timestamp: { seconds: 100 + index, nanos: 500_000_000 } } });
    });

    // cucumber-js locates a pickle at its last AST node: the scenario, or an outline's example row.
    expect(Object.fromEntries(recorder.durations)).toEqual({
      'features/x.feature:2:quick': 500,
      'features/x.feature:9:an order of 1': 1500,
      'features/x.feature:10:an order of 2': 2500,
      'features/x.feature:13:inside a rule': 3500,
    });
  });

  it('records nothing for a scenario with a step that did not pass (failed, skipped, a dry run)', () => {
    const { gherkinDocument, pickles } = featureMessages('features/x.feature');
    const recorder = new DurationRecorder();
    recorder.record({ gherkinDocument });
    const statuses = ['PASSED', 'FAILED', 'SKIPPED', 'PASSED'];
    pickles.forEach((p, index) => {
      recorder.record({ pickle: p });
      recorder.record({ testCase: { id: `tc${index}`, pickleId: p.id } });
      recorder.record({ testCaseStarted: { id: `s${index}`, testCaseId: `tc${index}`, timestamp: { seconds: 100, nanos: 0 } } });
      recorder.record({ testStepFinished: { testCaseStartedId: `s${index}`, testStepResult: { status: 'PASSED' } } });
      recorder.record({ testStepFinished: { testCaseStartedId: `s${index}`, testStepResult: { status: statuses[index] ?? 'PASSED' } } });
      recorder.record({ testCaseFinished: { testCaseStartedId: `s${index}`, timestamp: { seconds: 101, nanos: 0 } } });
    });

    expect([...recorder.durations.keys()]).toEqual(['features/x.feature:2:quick', 'features/x.feature:13:inside a rule']);
  });

  it('keeps the durations across runs in the checkout\'s cache, and reads a missing or broken file as none', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'durations-'));
    try {
      const file = durationsFile(dir);
      expect(file).toBe(join(dir, 'node_modules', '.cache', 'fanout', 'scenario-durations.embedded-fast.json'));
      expect(durationsFile(dir, { FANOUT_BACKEND: 'localstack', FANOUT_TIMING: 'aws' })).toBe(join(dir, 'node_modules', '.cache', 'fanout', 'scenario-durations.localstack-aws.json'));
      expect(readDurations(file).size).toBe(0);
      await writeDurations(file, new Map([['b', 2], ['a', 1]]));
      expect([...readDurations(file)]).toEqual([['a', 1], ['b', 2]]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('registers the order transform and, at the end of a run, writes what it recorded beside what it knew', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'durations-'));
    try {
      const file = durationsFile(dir);
      await writeDurations(file, new Map([['features/other.feature:3:not run this time', 700], ['features/x.feature:2:quick', 9999]]));
      const transforms = new Map<string, (pickles: readonly OrderablePickle[]) => Promise<readonly OrderablePickle[]>>();
      const handlers: ((envelope: DurationEnvelope) => void)[] = [];
      const cleanup = plugin.coordinator({
        operation: 'runCucumber',
        environment: { cwd: dir },
        on: (_event, handler) => handlers.push(handler),
        transform: (event, handler) => transforms.set(event, handler),
      });

      expect(plugin.type).toBe('plugin');
      const order = transforms.get('pickles:order');
      // 'quick' took 9999 ms last time: before a scenario never timed, after an untimed @slow one.
      expect((await order?.([pickle('never timed', 7), pickle('quick', 2)]))?.map((item) => item.pickle.name)).toEqual(['quick', 'never timed']);
      expect((await order?.([pickle('quick', 2), pickle('slow one', 5, '@slow')]))?.map((item) => item.pickle.name)).toEqual(['slow one', 'quick']);

      const { gherkinDocument, pickles } = featureMessages('features/x.feature');
      const [quick] = pickles;
      if (!quick) throw new Error('the feature compiled to no pickle');
      for (const envelope of [
        { gherkinDocument },
        { pickle: quick },
        { testCase: { id: 'tc', pickleId: quick.id } },
        { testCaseStarted: { id: 's', testCaseId: 'tc', timestamp: { seconds: 1, nanos: 0 } } },
        { testCaseFinished: { testCaseStartedId: 's', timestamp: { seconds: 1, nanos: 42_000_000 } } },
      ]) {
        for (const handler of handlers) handler(envelope);
      }
      await cleanup?.();

      expect(Object.fromEntries(readDurations(file))).toEqual({ 'features/other.feature:3:not run this time': 700, 'features/x.feature:2:quick': 42 });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('does nothing outside a run (loadSources, loadSupport)', () => {
    const transforms: string[] = [];
    const cleanup = plugin.coordinator({ operation: 'loadSources', environment: { cwd: '/nonexistent' }, on: () => {}, transform: (event) => transforms.push(event) });
    expect(cleanup).toBeUndefined();
    expect(transforms).toEqual([]);
  });
});
