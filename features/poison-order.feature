Feature: A poison order ends in the dead-letter queue of the consumer that cannot handle it

  An order can be valid for the publisher and still impossible for one consumer: order processing
  refuses any item the shop no longer sells. After each failure SQS makes the message visible
  again, and order processing gets it again, until it has been received as often as the queue's
  redrive policy allows (its maximum receive count). Then SQS moves it to that consumer's
  dead-letter queue, where someone can look at it.

  Every other consumer has its own copy of the order and is not held up by the poison one.

  Background:
    Given the consumers subscribed to the order events are discovered from the running pipeline

  @slow @about-4s
  Scenario: an order with a discontinued item is dead-lettered by order processing only
    When a customer places an order that includes a discontinued item
    Then the order-processor consumer rejects it on every receive, up to its maximum receive count
    And the order lands in the order-processor consumer's dead-letter queue
    And every other consumer whose subscription accepts the order processes it exactly once
