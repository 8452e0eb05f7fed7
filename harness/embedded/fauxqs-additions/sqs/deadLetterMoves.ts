import type { SqsMessage, SqsQueue, SqsStore } from '../types.ts';

/** The source queue of each message SQS moved to a dead-letter queue. */
export interface DeadLetterSources {
  /** The ARN of the queue a message was moved from, if it was moved to a dead-letter queue. */
  sourceArnOf(message: SqsMessage): string | undefined;
}

/**
 * Watches fauxqs's dead-letter moves. fauxqs moves a message inside a receive of its source queue, after
 * counting that receive: the message reaches the DLQ with maxReceiveCount + 1 receives, and its first receive
 * there shows maxReceiveCount + 2. SQS counts only the receives that returned it, and the DLQ continues
 * that count (maxReceiveCount 1: the DLQ's first receive shows ApproximateReceiveCount 2), and it records
 * where the message came from in the `DeadLetterQueueSourceArn` system attribute (LocalStack's
 * AWS-validated snapshot `test_sqs.py::TestSqsProvider::test_dead_letter_queue_message_attributes`;
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_ReceiveMessage.html).
 *
 * Each queue's `dequeue` and `enqueue` are wrapped on the instance: a message enqueued into a queue while
 * another queue is dequeuing is a dead-letter move.
 */
export function trackDeadLetterMoves(sqsStore: SqsStore): DeadLetterSources {
  const sources = new WeakMap<SqsMessage, string>();
  const instrumented = new WeakSet<SqsQueue>();
  let dequeuing: SqsQueue | undefined;

  const instrument = (queue: SqsQueue): void => {
    if (instrumented.has(queue)) return;
    instrumented.add(queue);
    const dequeue = queue.dequeue.bind(queue);
    queue.dequeue = (...args) => {
      const outer = dequeuing;
      dequeuing = queue;
      try {
        return dequeue(...args);
      } finally {
        dequeuing = outer;
      }
    };
    const enqueue = queue.enqueue.bind(queue);
    queue.enqueue = (message) => {
      if (dequeuing && dequeuing !== queue) {
        message.approximateReceiveCount = Math.max(0, message.approximateReceiveCount - 1);
        sources.set(message, dequeuing.arn);
      }
      enqueue(message);
    };
  };

  for (const queue of sqsStore.allQueues()) instrument(queue);
  const createQueue = sqsStore.createQueue.bind(sqsStore);
  sqsStore.createQueue = (...args) => {
    const queue = createQueue(...args);
    instrument(queue);
    return queue;
  };
  return { sourceArnOf: (message) => sources.get(message) };
}
