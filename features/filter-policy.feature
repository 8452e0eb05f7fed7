Feature: Fraud screening only sees the orders worth screening

  Screening an order for fraud is slow and costs money, so the fraud-screening subscription carries
  a filter policy: SNS hands it only orders whose total is at least 500.00 (the publisher sets the
  total in minor units, 50000, as a message attribute). The other consumers have no filter and get
  every order.

  The consumers each order should reach are computed from the filter policies the running pipeline
  reports, then checked against what the consumers actually did.

  Background:
    Given the consumers subscribed to the order events are discovered from the running pipeline
    And the fraud-screening consumer only accepts orders totalling at least 500.00

  Scenario Outline: an order totalling <total> EUR: fraud screening <screening>
    When a customer places an order totalling <total> EUR
    Then every consumer whose subscription accepts the order processes it
    And the fraud-screening consumer <screening>

    Examples: just below, at and above the threshold
      | total   | screening             |
      | 499.99  | never sees the order  |
      | 500.00  | processes the order   |
      | 1234.56 | processes the order   |
