resource "aws_sqs_queue" "dead_letter" {
  name                      = local.dlq_name
  message_retention_seconds = local.dlq_message_retention_seconds
  max_message_size          = local.max_message_size
  sqs_managed_sse_enabled   = true
}

resource "aws_sqs_queue" "main" {
  name                       = local.queue_name
  visibility_timeout_seconds = var.consumer.visibility_timeout_seconds
  message_retention_seconds  = var.consumer.message_retention_seconds
  max_message_size           = local.max_message_size
  # SSE-SQS: SNS can deliver to it without a KMS key policy.
  sqs_managed_sse_enabled = true

  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.dead_letter.arn
    maxReceiveCount     = var.consumer.max_receive_count
  })

  lifecycle {
    precondition {
      condition     = length(local.dlq_name) <= 80
      error_message = "SQS queue names are at most 80 characters: shorten name_prefix or the consumer name."
    }
  }
}

# A separate resource: set on the DLQ itself it would reference the main queue, which already
# references the DLQ through its redrive policy (a cycle).
resource "aws_sqs_queue_redrive_allow_policy" "dead_letter" {
  queue_url = aws_sqs_queue.dead_letter.id
  redrive_allow_policy = jsonencode({
    redrivePermission = "byQueue"
    sourceQueueArns   = [aws_sqs_queue.main.arn]
  })
}

data "aws_iam_policy_document" "queue" {
  statement {
    sid       = "OrderEventsTopicOnly"
    effect    = "Allow"
    actions   = ["sqs:SendMessage"]
    resources = [aws_sqs_queue.main.arn]

    principals {
      type        = "Service"
      identifiers = ["sns.amazonaws.com"]
    }

    condition {
      test     = "ArnEquals"
      variable = "aws:SourceArn"
      values   = [var.topic_arn]
    }
  }
}

resource "aws_sqs_queue_policy" "main" {
  queue_url = aws_sqs_queue.main.id
  policy    = data.aws_iam_policy_document.queue.json
}
