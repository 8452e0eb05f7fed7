locals {
  topic_name          = "${var.name_prefix}-${var.topic_name}"
  outcomes_queue_name = "${var.name_prefix}-${var.outcomes_queue_name}"

  # Only the overrides that are set replace a consumer's own value (null means "not set"),
  # exactly as applyTimerOverrides in harness/topology/loadTopology.ts does.
  timer_overrides = { for field, value in var.timer_overrides : field => value if value != null }
  consumers       = { for name, consumer in var.consumers : name => merge(consumer, local.timer_overrides) }
}

resource "aws_sns_topic" "order_events" {
  name = local.topic_name
  # The AWS managed key: SNS may use it without a key policy of ours, and SQS subscribers
  # receive the messages decrypted.
  kms_master_key_id = "alias/aws/sns"
}

resource "aws_sqs_queue" "outcomes" {
  name             = local.outcomes_queue_name
  max_message_size = 262144
  # SSE-SQS rather than a KMS key, so that any Lambda role allowed to send may send.
  sqs_managed_sse_enabled = true
}

module "subscriber" {
  source   = "./modules/subscriber"
  for_each = local.consumers

  name_prefix        = var.name_prefix
  consumer_name      = each.key
  consumer           = each.value
  topic_arn          = aws_sns_topic.order_events.arn
  outcomes_queue_arn = aws_sqs_queue.outcomes.arn
  outcomes_queue_url = aws_sqs_queue.outcomes.url
  lambda_dist_dir    = var.lambda_dist_dir
  runtime            = var.lambda_runtime
  log_retention_days = var.log_retention_days
}
