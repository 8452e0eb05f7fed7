import { randomUUID } from 'node:crypto';
import { buildOrderPlaced, exampleOrder, orderMessageAttributes, parseOrderAccepted } from '../../contracts/index.ts';
import { createAwsClients, type AwsClients } from '../../harness/aws/awsClients.ts';
import { createBackend, selectedBackendName } from '../../harness/backends/createBackend.ts';
import type { BackendName, Stack } from '../../harness/backends/types.ts';
import { discoverTopology } from '../../harness/discovery/discoverTopology.ts';
import { expectedConsumers } from '../../harness/discovery/expectedConsumers.ts';
import type { DiscoveredConsumer } from '../../harness/discovery/types.ts';
import { DeadLetterReading, type DeadLetterCollector } from '../../harness/observation/DeadLetterCollector.ts';
import type { OutcomeCollector } from '../../harness/observation/OutcomeCollector.ts';
import { startObservation, type StackObserver } from '../../harness/observation/StackObserver.ts';
import type { UntilOptions } from '../../harness/observation/Waiters.ts';
import { fastTimersProfile } from '../../harness/topology/loadTopology.ts';
import { postOrder } from './publisherClient.ts';
import { OUTCOME_TIMEOUT_MS } from './timeouts.ts';

/**
 * What one Cucumber worker shares across its scenarios: the stack it started, SDK clients, the live
 * topology, and the observer reading the outcomes queue, the DLQs and the logs. Each parallel worker
 * is its own thread with its own module state, hence its own suite and stack.
 */
export interface Suite {
  stack: Stack;
  clients: AwsClients & Disposable;
  consumers: readonly DiscoveredConsumer[];
  /** Every correlation id this run sends starts with it (`spec-<run>-`); the DLQ collector indexes only those. */
  correlationIdPrefix: string;
  /** The one observer of the stack; `outcomes`, `deadLetters`, `until` and `pollErrors` are its parts. */
  observer: StackObserver;
  outcomes: OutcomeCollector;
  deadLetters: DeadLetterCollector;
  /**
   * Waits until `check` returns a value, re-checking whenever an outcome or a dead letter arrives (the
   * two collectors share their waiters); `undefined` at the deadline.
   */
  until<T>(check: () => T | undefined, options: UntilOptions): Promise<T | undefined>;
  /** Failed polls of the outcomes queue or a DLQ, and deletes SQS refused; shown when a scenario fails. */
  pollErrors: readonly string[];
  startedInMs: number;
}

/** Why a scenario that pauses a consumer's event source mapping does not run on a shared stack. */
export function pausesConsumerOnSharedStack(backend: BackendName): string {
  return `it pauses a consumer's event source mapping, and the ${backend} backend is a shared stack the specs never change`;
}

let current: Suite | undefined;
let startFailure: unknown;

/**
 * Starts the selected backend with the fast-timers profile, discovers it, and starts collecting.
 * A shared stack ({@link Stack.shared}, such as a deployed one) is one stack for all workers, whose collectors
 * would take each other's outcomes off the shared queue, so it runs with one worker only.
 */
export async function startSuite(onProgress: (message: string) => void): Promise<Suite> {
  const began = performance.now();
  try {
    const name = selectedBackendName();
    const workers = Number(process.env.CUCUMBER_TOTAL_WORKERS ?? 1);
    const backend = await createBackend(name);
    const stack = await backend.start({ overlays: [fastTimersProfile], onProgress });
    try {
      // Known once started, as the stack says it; attaching to a shared stack changes nothing in it.
      if (stack.shared && workers > 1) {
        throw new Error(`the ${name} backend is one shared stack: run it without --parallel (${workers} workers would drain each other's outcomes)`);
      }
      current = await observe(stack, began);
      return current;
    } catch (error) {
      await stack.close();
      throw error;
    }
  } catch (error) {
    startFailure = error;
    throw error;
  }
}

async function observe(stack: Stack, began: number): Promise<Suite> {
  const { info } = stack;
  const clients = createAwsClients({ region: info.region, endpoints: info.endpoints, ...(info.credentials ? { credentials: info.credentials } : {}) });
  const consumers = await discoverTopology(clients, info.topicArn);
  const correlationIdPrefix = `spec-${randomUUID().slice(0, 8)}-`;
  const observer = startObservation(stack, clients, {
    consumers,
    // A DLQ of a shared stack may hold real dead letters: look, never take.
    deadLetterReading: stack.shared ? DeadLetterReading.peek : DeadLetterReading.drain,
    correlationIdPrefix,
  });
  const running: Suite = {
    stack,
    clients,
    consumers,
    correlationIdPrefix,
    observer,
    outcomes: observer.outcomes,
    deadLetters: observer.deadLetters,
    until: (check, options) => observer.until(check, options),
    pollErrors: observer.pollErrors,
    startedInMs: 0,
  };
  await warmUp(running);
  return { ...running, startedInMs: Math.round(performance.now() - began) };
}

/**
 * Sends one valid order through the whole pipeline and waits (briefly) until every consumer meant
 * for it reported it. The first invocation of each function pays its cold start and its first SDK
 * calls; with the test profile's one-second function timeout, paying that inside a scenario that
 * counts receives would make it flaky. A warm-up that fails is not an error: the scenarios that
 * follow report the problem in detail.
 */
async function warmUp(running: Suite): Promise<void> {
  const { info } = running.stack;
  const correlationId = `${running.correlationIdPrefix}warm-up-${randomUUID()}`;
  try {
    const response = await postOrder(info.apiUrl, {
      body: JSON.stringify(exampleOrder),
      contentType: 'application/json',
      correlationId,
      ...(info.apiKey ? { apiKey: info.apiKey } : {}),
    });
    const accepted = parseOrderAccepted(response.json);
    if (response.status !== 202 || !accepted.success) return;
    const { orderId } = accepted.data;
    const expected = expectedConsumers(running.consumers, orderMessageAttributes(buildOrderPlaced(exampleOrder), correlationId));
    const reported = (): true | undefined => {
      const seen = new Set(running.outcomes.forOrder(orderId).map((o) => o.outcome.functionName));
      return expected.every((c) => seen.has(c.functionName)) ? true : undefined;
    };
    await running.until(reported, { timeoutMs: OUTCOME_TIMEOUT_MS });
  } catch {
    // The scenarios will say what is wrong.
  }
}

/** The running suite; throws with the start failure when BeforeAll could not bring the stack up. */
export function suite(): Suite {
  if (current) return current;
  const reason = startFailure instanceof Error ? startFailure.message : String(startFailure ?? 'BeforeAll has not run');
  throw new Error(`the pipeline is not running: ${reason}`);
}

/** Stops the observer, then the stack; safe to call when nothing started. */
export async function stopSuite(): Promise<void> {
  const running = current;
  current = undefined;
  if (!running) return;
  try {
    await running.observer.stop();
    running.clients[Symbol.dispose]();
  } finally {
    await running.stack.close();
  }
}
