resource "aws_cloudwatch_log_group" "main" {
  name              = local.log_group_name
  retention_in_days = var.log_retention_days
}

resource "aws_lambda_function" "main" {
  function_name    = local.function_name
  role             = aws_iam_role.lambda.arn
  runtime          = var.runtime
  handler          = var.consumer.handler
  filename         = local.bundle
  source_code_hash = filebase64sha256(local.bundle)
  timeout          = var.consumer.timeout
  memory_size      = var.consumer.memory_size

  environment {
    # The topology's own variables first: the two the handler depends on always win.
    variables = merge(var.consumer.environment, {
      OUTCOMES_QUEUE_URL = var.outcomes_queue_url
      CONSUMER_NAME      = var.consumer_name
    })
  }

  logging_config {
    log_format = "Text"
    log_group  = aws_cloudwatch_log_group.main.name
  }

  # The log group must exist before the first invocation creates it without a retention;
  # the role must be able to write logs before the first invocation.
  depends_on = [aws_cloudwatch_log_group.main, aws_iam_role_policy.lambda]

  lifecycle {
    precondition {
      condition     = length(local.function_name) <= 64
      error_message = "Lambda function and IAM role names are at most 64 characters: shorten name_prefix or the consumer name."
    }
  }
}

resource "aws_lambda_event_source_mapping" "main" {
  event_source_arn                   = aws_sqs_queue.main.arn
  function_name                      = aws_lambda_function.main.arn
  batch_size                         = var.consumer.batch_size
  maximum_batching_window_in_seconds = var.consumer.maximum_batching_window_seconds
  # Only the failed records of a batch return to the queue (and, after max_receive_count, the DLQ).
  function_response_types = ["ReportBatchItemFailures"]

  scaling_config {
    maximum_concurrency = var.consumer.maximum_concurrency
  }

  # CreateEventSourceMapping checks that the role may receive from the queue.
  depends_on = [aws_iam_role_policy.lambda]
}
