import { After, AfterAll, Before, BeforeAll, Status, setDefaultTimeout, setWorldConstructor } from '@cucumber/cucumber';
import { describeCollectorHealth, lastLogLines } from './diagnostics.ts';
import { FanoutWorld } from './FanoutWorld.ts';
import { pausesConsumerOnSharedStack, startSuite, stopSuite, suite } from './suite.ts';
import { STACK_START_TIMEOUT_MS, STEP_TIMEOUT_MS } from './timeouts.ts';

setWorldConstructor(FanoutWorld);
setDefaultTimeout(STEP_TIMEOUT_MS);

const verbose = process.env.FANOUT_VERBOSE === '1';
const worker = process.env.CUCUMBER_WORKER_ID ?? '0';

/** One stack per worker (each parallel worker is its own thread), with the fast-timers profile. */
BeforeAll({ timeout: STACK_START_TIMEOUT_MS }, async function () {
  const started = await startSuite((message) => {
    if (verbose) process.stderr.write(`[worker ${worker}] ${message}\n`);
  });
  if (verbose) {
    process.stderr.write(`[worker ${worker}] ${started.stack.info.backend} stack up in ${started.startedInMs} ms, ${started.consumers.length} consumers\n`);
  }
});

Before(function (this: FanoutWorld, { pickle }) {
  this.scenarioName = pickle.name;
});

/**
 * `@pauses-consumer` scenarios disable a consumer's event source mapping for a moment. A shared stack
 * (its backend says so, see `Stack.shared`) is one the specs promise never to change, so there they are skipped, saying why.
 */
Before({ tags: '@pauses-consumer' }, function (this: FanoutWorld) {
  const running = suite();
  if (!running.stack.shared) return undefined;
  return this.skip(pausesConsumerOnSharedStack(running.stack.info.backend));
});

/** Always runs, also after failures, so no emulator or child process outlives the run (a Terraform-built stack is destroyed first). */
AfterAll({ timeout: STACK_START_TIMEOUT_MS }, async function () {
  await stopSuite();
});

/**
 * The journeys of orders no step traced (the steps that prove processing attach their own, where a reader
 * sees them), and, when the scenario failed, the raw log of every consumer, folded, for whoever wants more
 * than the failure message's lines of the order's own invocations.
 */
After(async function (this: FanoutWorld, { result }) {
  await this.attachTraces();
  if (result?.status !== Status.FAILED) return;
  let running;
  try {
    running = suite();
  } catch (error) {
    this.attach(String(error), { mediaType: 'text/plain', fileName: 'The pipeline did not start' });
    return;
  }
  const health = describeCollectorHealth(running);
  if (health) this.attach(health, { mediaType: 'text/plain', fileName: 'Outcome collection problems' });
  for (const consumer of running.consumers) {
    this.attach(await lastLogLines(running, consumer.functionName, 40), { mediaType: 'text/plain', fileName: `Last log lines of ${consumer.functionName}` });
  }
});
