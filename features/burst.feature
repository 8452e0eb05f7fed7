Feature: A burst of orders loses nothing

  Orders arrive in bursts at sales peaks. Nothing may get lost: every order a consumer's
  subscription accepts must be accounted for by that consumer, as processed or, failing that, as a
  message in its dead-letter queue. And since the burst's orders are all good ones, failing is not
  good enough either: every consumer must process every order meant for it. A dead letter in the
  burst fails the scenario, naming the consumer and the reasons it gave; the tally of processed,
  dead-lettered and missing orders per consumer is attached beside it.

  SQS delivers at least once. Under load a message can be delivered twice (for instance when an
  invocation outlives the visibility timeout), so a consumer may see an order more than once and
  consumers must be idempotent. A duplicate is allowed, a missing order is not: duplicates fail
  nothing, they are only attached to the report for a reader to see how many there were.

  Background:
    Given the consumers subscribed to the order events are discovered from the running pipeline

  @slow @about-2s
  Scenario: 200 orders placed concurrently are all processed by every consumer
    When 200 orders are placed with at most 20 requests in flight
    Then all 200 orders are accepted
    And nothing is lost: every consumer accounts for each order its subscription accepts, as processed or dead-lettered
    And every consumer processes every order its subscription accepts, and dead-letters none
    And any duplicate deliveries are attached to the report
