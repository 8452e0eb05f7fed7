Feature: One bad record in a batch does not make the good ones run again

  Lambda takes SQS messages in batches. The consumers report which records of a batch failed
  (partial batch responses), so that only those are left on the queue and the rest are deleted.
  Without that, one poison order would make every order that shared its batch be processed again.

  The failed record comes back once its visibility timeout ends; had the good records been left on
  the queue too, they would come back at the same moment, since they were received together. So
  seeing the bad record again, and none of the good ones within a short window after, is enough;
  how the bad record ends up in the dead-letter queue is the subject of the poison-order feature.

  To be sure the records share a batch, this scenario puts them straight onto the order-processor's
  queue with a single SendMessageBatch call, bypassing the publisher and the topic. That is on
  purpose: the subject here is the consumer's batch handling, not the fan-out. The consumer's event
  source mapping is paused while the batch is sent, so that it is polled in one piece; the aws
  backend never changes the deployed stack, so there this scenario is skipped, with the reason printed.

  Background:
    Given the consumers subscribed to the order events are discovered from the running pipeline

  @pauses-consumer @slow @about-1.5s
  Scenario: four good orders and one with a discontinued item, in one batch
    When 4 good orders and 1 order with a discontinued item are put on the order-processor consumer's queue in one batch
    Then the order-processor consumer receives them together in one invocation
    And only the order with the discontinued item is received again
    And each good order is processed exactly once, on its first receive
