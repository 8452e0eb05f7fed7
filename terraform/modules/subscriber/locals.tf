# The same names as consumerResourceNames in harness/topology/resourceNames.ts.
locals {
  queue_name     = "${var.name_prefix}-${var.consumer_name}"
  dlq_name       = "${local.queue_name}-dlq"
  function_name  = "${var.name_prefix}-${var.consumer_name}"
  log_group_name = "/aws/lambda/${local.function_name}"
  bundle         = "${var.lambda_dist_dir}/${var.consumer_name}.zip"

  has_filter_policy = var.consumer.filter_policy != null
  # The longest retention SQS allows: a message's age in a DLQ counts from its first enqueue.
  dlq_message_retention_seconds = 1209600
  # SNS delivers at most 256 KiB. Set explicitly: the default differs between provider lines and SQS itself
  # (1 MiB since 2025); harness/provisioner sets the same.
  max_message_size = 262144
}
