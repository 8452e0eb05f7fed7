import { describe, expect, it } from '@jest/globals';
import type { PublishBatchCommand, PublishBatchCommandOutput } from '@aws-sdk/client-sns';
import { PUBLISH_BATCH_LIMITS, PublishBatcher, PublishEntryFailedError, PublishNotSentError, type BatchEntry } from '../../services/publisher/src/PublishBatcher.ts';
import type { SnsPublisher } from '../../services/publisher/src/types.ts';

const TOPIC_ARN = 'arn:aws:sns:eu-west-1:000000000000:order-events';

interface SentBatch {
  messages: string[];
  signal: AbortSignal | undefined;
  answer: (output: Omit<PublishBatchCommandOutput, '$metadata'>) => void;
  fail: (error: unknown) => void;
}

/** An SNS whose PublishBatch calls wait until the test answers them. */
function heldSns(): { sns: SnsPublisher; sent: SentBatch[] } {
  const sent: SentBatch[] = [];
  const sns: SnsPublisher = {
    send(command: PublishBatchCommand, options) {
      const { promise, resolve, reject } = Promise.withResolvers<PublishBatchCommandOutput>();
      expect(command.input.TopicArn).toBe(TOPIC_ARN);
      sent.push({
        messages: (command.input.PublishBatchRequestEntries ?? []).map((entry) => entry.Message ?? ''),
        signal: options?.abortSignal,
        answer: (output) => resolve({ ...output, $metadata: {} }),
        fail: reject,
      });
      return promise;
    },
  };
  return { sns, sent };
}

/** Every entry of a batch published, entry i with message id `<prefix>-i`. */
function allPublished(batch: SentBatch, prefix: string): Omit<PublishBatchCommandOutput, '$metadata'> {
  return { Successful: batch.messages.map((_message, index) => ({ Id: String(index), MessageId: `${prefix}-${index}` })), Failed: [] };
}

const entry = (message: string): BatchEntry => ({ message, attributes: { eventType: { DataType: 'String', StringValue: 'OrderPlaced' } } });
const noDeadline = (): AbortSignal => new AbortController().signal;
/** Lets every settled promise's callbacks run, so a request that came back has made room for the next. */
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('PublishBatcher', () => {
  it('sends a message at once, alone, while a request slot is free', async () => {
    const { sns, sent } = heldSns();
    const batcher = new PublishBatcher({ sns, topicArn: TOPIC_ARN, partialBatchSlots: 2, maxInFlight: 2 });

    const first = batcher.publish(entry('a'), noDeadline());
    const second = batcher.publish(entry('b'), noDeadline());

    expect(sent.map((batch) => batch.messages)).toEqual([['a'], ['b']]);
    sent[0]?.answer(allPublished(sent[0], 'first'));
    sent[1]?.answer(allPublished(sent[1], 'second'));
    await expect(first).resolves.toBe('first-0');
    await expect(second).resolves.toBe('second-0');
  });

  it('groups the messages that wait for a slot, oldest first, ten to a request (the PublishBatch limit)', async () => {
    const { sns, sent } = heldSns();
    const batcher = new PublishBatcher({ sns, topicArn: TOPIC_ARN, partialBatchSlots: 1, maxInFlight: 1 });
    const results = Array.from({ length: 13 }, (_unused, index) => batcher.publish(entry(`m${index}`), noDeadline()));
    expect(sent).toHaveLength(1);

    sent[0]?.answer(allPublished(sent[0], 'one'));
    await settle();
    expect(sent[1]?.messages).toEqual(['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7', 'm8', 'm9', 'm10']);
    sent[1]?.answer(allPublished(sent[1], 'two'));
    await settle();
    expect(sent[2]?.messages).toEqual(['m11', 'm12']);
    sent[2]?.answer(allPublished(sent[2], 'three'));

    expect(await Promise.all(results)).toEqual(['one-0', ...Array.from({ length: 10 }, (_unused, index) => `two-${index}`), 'three-0', 'three-1']);
    expect(PUBLISH_BATCH_LIMITS.entries).toBe(10);
  });

  it('keeps a request within 256 KiB of messages and attributes, and sends a larger message alone for SNS to judge', async () => {
    const { sns, sent } = heldSns();
    const batcher = new PublishBatcher({ sns, topicArn: TOPIC_ARN, partialBatchSlots: 1, maxInFlight: 1 });
    const kib100 = 'x'.repeat(100 * 1024);
    const results = [batcher.publish(entry('first'), noDeadline()), ...['a', 'b', 'c'].map((tag) => batcher.publish(entry(tag + kib100), noDeadline()))];
    const huge = batcher.publish(entry('h'.repeat(300 * 1024)), noDeadline());

    for (let answered = 0; answered < 4; answered++) {
      const batch = sent[answered];
      batch?.answer(allPublished(batch, `batch${answered}`));
      await settle();
    }

    expect(sent.map((batch) => batch.messages.map((message) => message.slice(0, 1)))).toEqual([['f'], ['a', 'b'], ['c'], ['h']]);
    await expect(Promise.all(results)).resolves.toEqual(['batch0-0', 'batch1-0', 'batch1-1', 'batch2-0']);
    await expect(huge).resolves.toBe('batch3-0');
  });

  it('settles each entry with its own result: a failed entry fails alone', async () => {
    const { sns, sent } = heldSns();
    const batcher = new PublishBatcher({ sns, topicArn: TOPIC_ARN, partialBatchSlots: 1, maxInFlight: 1 });
    const blocker = batcher.publish(entry('blocker'), noDeadline());
    const ok = batcher.publish(entry('ok'), noDeadline());
    const refused = batcher.publish(entry('refused'), noDeadline());
    sent[0]?.answer(allPublished(sent[0], 'b'));
    await blocker;
    await settle();

    // The wire shape of a failed entry: https://docs.aws.amazon.com/sns/latest/api/API_BatchResultErrorEntry.html
    sent[1]?.answer({ Successful: [{ Id: '0', MessageId: 'ok-id' }], Failed: [{ Id: '1', Code: 'InternalError', Message: 'try again', SenderFault: false }] });

    await expect(ok).resolves.toBe('ok-id');
    await expect(refused).rejects.toBeInstanceOf(PublishEntryFailedError);
    await expect(refused).rejects.toMatchObject({ code: 'InternalError', senderFault: false, message: expect.stringContaining('try again') });
  });

  it('fails every entry of a request SNS refused as a whole, and goes on with the next', async () => {
    const { sns, sent } = heldSns();
    const batcher = new PublishBatcher({ sns, topicArn: TOPIC_ARN, partialBatchSlots: 1, maxInFlight: 1 });
    const blocker = batcher.publish(entry('blocker'), noDeadline());
    const waiting = [batcher.publish(entry('x'), noDeadline()), batcher.publish(entry('y'), noDeadline())];
    const refusal = Object.assign(new Error('Topic does not exist'), { name: 'NotFoundException', $metadata: { httpStatusCode: 404 } });

    sent[0]?.fail(refusal);
    await expect(blocker).rejects.toBe(refusal);
    await settle();
    sent[1]?.fail(refusal);

    for (const result of waiting) await expect(result).rejects.toBe(refusal);
    await settle();
    const later = batcher.publish(entry('later'), noDeadline());
    expect(sent[2]?.messages).toEqual(['later']);
    sent[2]?.answer(allPublished(sent[2], 'later'));
    await expect(later).resolves.toBe('later-0');
  });

  it('drops a message whose time ran out while it waited, unsent (PublishNotSentError)', async () => {
    const { sns, sent } = heldSns();
    const batcher = new PublishBatcher({ sns, topicArn: TOPIC_ARN, partialBatchSlots: 1, maxInFlight: 1 });
    const blocker = batcher.publish(entry('blocker'), noDeadline());
    const deadline = new AbortController();
    const givesUp = batcher.publish(entry('gives-up'), deadline.signal);
    const stays = batcher.publish(entry('stays'), noDeadline());

    deadline.abort(new Error('timed out'));
    await expect(givesUp).rejects.toBeInstanceOf(PublishNotSentError);
    sent[0]?.answer(allPublished(sent[0], 'b'));
    await blocker;
    await settle();

    expect(sent[1]?.messages).toEqual(['stays']);
    sent[1]?.answer(allPublished(sent[1], 'stays'));
    await expect(stays).resolves.toBe('stays-0');
    await expect(batcher.publish(entry('late'), AbortSignal.abort())).rejects.toBeInstanceOf(PublishNotSentError);
    expect(sent).toHaveLength(2);
  });

  it('gives up on a sent request, and frees its slot, only when every entry in it has: each entry rejects at its own deadline', async () => {
    const { sns, sent } = heldSns();
    const batcher = new PublishBatcher({ sns, topicArn: TOPIC_ARN, partialBatchSlots: 1, maxInFlight: 1 });
    const blocker = batcher.publish(entry('blocker'), noDeadline());
    const deadlines = [new AbortController(), new AbortController()];
    const results = deadlines.map((deadline, index) => batcher.publish(entry(`e${index}`), deadline.signal));
    sent[0]?.answer(allPublished(sent[0], 'b'));
    await blocker;
    await settle();
    const request = sent[1];
    expect(request?.messages).toEqual(['e0', 'e1']);

    const reason = new Error('timed out');
    deadlines[0]?.abort(reason);
    await expect(results[0]).rejects.toBe(reason);
    expect(request?.signal?.aborted).toBe(false);
    deadlines[1]?.abort(reason);
    await expect(results[1]).rejects.toBe(reason);
    expect(request?.signal?.aborted).toBe(true);

    // The held SNS never answers that request, even aborted; its slot is free all the same.
    await settle();
    void batcher.publish(entry('next'), noDeadline());
    expect(sent[2]?.messages).toEqual(['next']);
  });

  it('sends a full batch of ten at once while fewer than maxInFlight requests are out, a partial one only into a free partial slot', async () => {
    const { sns, sent } = heldSns();
    const batcher = new PublishBatcher({ sns, topicArn: TOPIC_ARN, partialBatchSlots: 1, maxInFlight: 3 });

    const results = Array.from({ length: 35 }, (_unused, index) => batcher.publish(entry(`m${index}`), noDeadline()));

    // m0 alone; m1-m10 and m11-m20 full; m21-m30 would be a third full one but maxInFlight is 3; m21-m34 wait.
    expect(sent.map((batch) => batch.messages.length)).toEqual([1, 10, 10]);
    sent[1]?.answer(allPublished(sent[1], 'full'));
    await settle();
    expect(sent.map((batch) => batch.messages.length)).toEqual([1, 10, 10, 10]);
    expect(sent[3]?.messages[0]).toBe('m21');
    sent[2]?.answer(allPublished(sent[2], 'full2'));
    await settle();
    // Four left (m31-m34), and two requests out: a partial batch waits for the partial slot.
    expect(sent).toHaveLength(4);
    sent[0]?.answer(allPublished(sent[0], 'one'));
    sent[3]?.answer(allPublished(sent[3], 'full3'));
    await settle();
    expect(sent[4]?.messages).toEqual(['m31', 'm32', 'm33', 'm34']);
    sent[4]?.answer(allPublished(sent[4], 'rest'));
    await expect(Promise.all(results)).resolves.toHaveLength(35);
  });

  it('refuses slots that are not positive integers, or more partial slots than requests in flight', () => {
    const { sns } = heldSns();
    expect(() => new PublishBatcher({ sns, topicArn: TOPIC_ARN, partialBatchSlots: 1, maxInFlight: 0 })).toThrow(RangeError);
    expect(() => new PublishBatcher({ sns, topicArn: TOPIC_ARN, partialBatchSlots: 1.5, maxInFlight: 2 })).toThrow(RangeError);
    expect(() => new PublishBatcher({ sns, topicArn: TOPIC_ARN, partialBatchSlots: 3, maxInFlight: 2 })).toThrow(/must not exceed/);
  });
});
