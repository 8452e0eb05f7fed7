Feature: Every subscribed consumer processes each placed order

  The shop publishes every accepted order once, as an OrderPlaced event on the order events topic.
  Each consumer (order processing, customer notification, fraud screening, and whatever comes next)
  has its own queue subscribed to that topic and a Lambda function reading that queue.

  Which consumers exist is not written down here: the specs ask the running pipeline who is
  subscribed, and which orders each subscription's filter policy lets through. A consumer added to
  the topology tomorrow is held to the same promise without a change to this file.

  As the team running the order pipeline
  I want every subscribed consumer to receive its own copy of each order
  So that no part of the business misses an order

  Background:
    Given the consumers subscribed to the order events are discovered from the running pipeline

  Scenario Outline: an order of <lines> lines in <currency> from <customer> reaches every consumer meant for it
    When customer "<customer>" places an order of <lines> lines in <currency>
    Then the order is accepted with an order id and an event id
    And every consumer whose subscription accepts the order processes it
    And every copy carries the same order id, event id and correlation id

    Examples: orders of different customers, currencies and sizes
      | customer | currency | lines |
      | cus-1001 | EUR      | 2     |
      | cus-2002 | USD      | 3     |
      | cus-3003 | GBP      | 7     |
      | cus-4004 | EUR      | 8     |
