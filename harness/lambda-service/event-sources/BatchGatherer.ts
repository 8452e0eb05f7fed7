import type { Message } from '@aws-sdk/client-sqs';
import { drawMs, type MsRange } from '../LambdaTiming.ts';
import type { MappingRecord } from '../mappings/EventSourceMappingStore.ts';
import { describeError } from './describeError.ts';
import type { SourceQueue } from './QueueSource.ts';

/** Lambda stops gathering a batch before its payload passes the 6 MB invoke limit. */
const MAX_BATCH_BODY_BYTES = 5_500_000;
/**
 * Long polls of 2 s, not SQS's maximum of 20: the emulator answers a long
 * poll as soon as a message arrives, so this costs no latency, and over
 * HTTP a disabled or deleted mapping stops within 2 s without aborting a
 * request (an aborted HTTP long poll would leave the emulator's waiter to
 * swallow the next message; see SdkQueueSource). A poll of the in-process
 * store stops at once (`stopWaiting`).
 */
const LONG_POLL_SECONDS = 2;
/** SQS's most messages per receive. */
const MAX_RECEIVE_MESSAGES = 10;

export interface BatchGathererDependencies {
  queue: SourceQueue;
  /** Aborted on service shutdown: a receive pending is given up. */
  signal: AbortSignal;
  /** Aborted when the poller stops: a long poll that can end early without loss does (QueueSource's `stopWaiting`). */
  stopWaiting?: AbortSignal;
  /** False once the poller is stopped: no further receive starts. */
  isRunning(): boolean;
  /** Waits `ms`, or less if the poller is stopped. */
  pause(ms: number): Promise<void>;
  log(message: string): void;
  /** How long to wait after a receive that brought nothing (the timing profile's idle poll gaps); default none. */
  idlePollGapMs?: MsRange;
}

/**
 * Gathers the batches of one mapping: up to BatchSize messages, waiting at
 * most the batching window once the first arrives, and no more once the
 * bodies pass the payload cap.
 */
export class BatchGatherer {
  readonly #deps: BatchGathererDependencies;

  constructor(deps: BatchGathererDependencies) {
    this.#deps = deps;
  }

  /**
   * The next batch, read with the mapping as it is now. A receive that fails
   * once messages are gathered ends the window: the function gets what was
   * received (each message already counts a receive, so dropping it would
   * bring it nearer the dead-letter queue unseen). A failure before any
   * message, or an abort, is thrown. Empty only when the poller stopped.
   */
  async gather(mapping: MappingRecord): Promise<Message[]> {
    const { queue, signal } = this.#deps;
    const windowMs = mapping.maximumBatchingWindowInSeconds * 1000;
    const messages: Message[] = [];
    let bodyBytes = 0;
    let deadline: number | undefined;
    while (this.#deps.isRunning() && messages.length < mapping.batchSize && bodyBytes < MAX_BATCH_BODY_BYTES) {
      let waitSeconds = LONG_POLL_SECONDS;
      if (deadline !== undefined) {
        const remaining = deadline - Date.now();
        if (remaining <= 0) {
          break;
        }
        if (remaining < 1000) {
          // Long polls count whole seconds: sleep out the window's end, then take what is there.
          await this.#deps.pause(remaining);
          waitSeconds = 0;
        } else {
          waitSeconds = Math.min(LONG_POLL_SECONDS, Math.floor(remaining / 1000));
        }
      }
      let received: Message[];
      try {
        received = await queue.receive({
          maxMessages: Math.min(MAX_RECEIVE_MESSAGES, mapping.batchSize - messages.length),
          waitSeconds,
          signal,
          ...(this.#deps.stopWaiting ? { stopWaiting: this.#deps.stopWaiting } : {}),
        });
      } catch (error) {
        if (messages.length === 0 || signal.aborted) {
          throw error;
        }
        this.#deps.log(
          `Receiving from ${mapping.eventSourceArn} failed: ${describeError(error)}; invoking with the ${messages.length} message(s) received so far`,
        );
        break;
      }
      if (received.length === 0 && messages.length === 0 && this.#deps.isRunning()) {
        // Idle: the timing profile's gap before the next poll (none in the fast profile).
        await this.#deps.pause(drawMs(this.#deps.idlePollGapMs ?? [0, 0]));
        continue;
      }
      for (const message of received) {
        messages.push(message);
        bodyBytes += Buffer.byteLength(message.Body ?? '');
      }
      if (messages.length > 0 && windowMs === 0) {
        break;
      }
      if (messages.length > 0 && deadline === undefined) {
        deadline = Date.now() + windowMs;
      }
      if (waitSeconds === 0) {
        break;
      }
    }
    return messages;
  }
}
