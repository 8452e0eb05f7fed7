Feature: A burst of orders loses nothing

  Orders arrive in bursts at sales peaks. Nothing may get lost: every order a consumer's
  subscription accepts must be accounted for by that consumer, as processed or, failing that, as a
  message in its dead-letter queue.

  SQS delivers at least once. Under load a message can be delivered twice (for instance when an
  invocation outlives the visibility timeout), so a consumer may see an order more than once and
  consumers must be idempotent. A duplicate is allowed, a missing order is not: duplicates fail
  nothing, they are only attached to the report for a reader to see how many there were.

  Background:
    Given the consumers subscribed to the order events are discovered from the running pipeline

  Scenario: 200 orders placed concurrently are all accounted for by every consumer
    When 200 orders are placed with at most 20 requests in flight
    Then all 200 orders are accepted
    And every consumer accounts for every order its subscription accepts, as processed or dead-lettered
    And any duplicate deliveries are attached to the report
