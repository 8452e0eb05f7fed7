resource "aws_sns_topic_subscription" "main" {
  topic_arn            = var.topic_arn
  protocol             = "sqs"
  endpoint             = aws_sqs_queue.main.arn
  raw_message_delivery = var.consumer.raw_message_delivery

  # The publisher sets eventType, correlationId, orderTotal (Number) and currency as message
  # attributes; filter policies match on those, never on the body.
  filter_policy       = local.has_filter_policy ? jsonencode(var.consumer.filter_policy) : null
  filter_policy_scope = local.has_filter_policy ? "MessageAttributes" : null

  # Until the queue policy exists SNS may not deliver, and what it drops is lost.
  depends_on = [aws_sqs_queue_policy.main]
}
