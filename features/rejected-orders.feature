Feature: Invalid requests are refused before anything is published

  The publisher is the only way into the pipeline, and it checks every request before publishing.
  A refused request gets a problem report that names what is wrong and carries no order id, and no
  consumer ever hears of it. Consumers can therefore rely on every event being a valid order.

  To show that nothing was published, a valid order is sent after the refused ones: once every
  consumer has processed it, anything published before it would have arrived too.

  Background:
    Given the consumers subscribed to the order events are discovered from the running pipeline

  Scenario: a request with an invalid order is refused with the field at fault
    When a client sends these requests to place an order:
      | request                               | status | the problem names |
      | malformed JSON                        | 400    | body              |
      | an order without a customer           | 400    | customer          |
      | a quantity written as text            | 400    | items.0.quantity  |
      | a quantity of zero                    | 400    | items.0.quantity  |
      | an unknown currency                   | 400    | currency          |
      | a price with a fraction of a cent     | 400    | items.0.unitPrice |
      | a total past the largest safe integer | 400    | total             |
      | an order larger than 64 KiB           | 413    | 65536 bytes       |
      | an order sent as form data            | 415    | application/json  |
    Then each request is refused with the status in its row, in a problem report naming what its row says
    And no refusal carries an order id
    And no consumer hears of any refused request, while a valid order sent after them is processed

  Scenario: a request without a valid API key is refused
    Given the publisher requires an API key
    When a client sends these requests to place an order:
      | request                            | status | the problem names |
      | a valid order without an API key   | 401    | X-Api-Key         |
      | a valid order with a wrong API key | 401    | X-Api-Key         |
    Then each request is refused with the status in its row, in a problem report naming what its row says
    And no refusal carries an order id
    And no consumer hears of any refused request, while a valid order sent after them is processed
