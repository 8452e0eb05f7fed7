output "queue_name" {
  description = "Name of the consumer's queue."
  value       = aws_sqs_queue.main.name
}

output "queue_url" {
  description = "URL of the consumer's queue."
  value       = aws_sqs_queue.main.url
}

output "queue_arn" {
  description = "ARN of the consumer's queue."
  value       = aws_sqs_queue.main.arn
}

output "dlq_name" {
  description = "Name of the consumer's dead-letter queue."
  value       = aws_sqs_queue.dead_letter.name
}

output "dlq_url" {
  description = "URL of the consumer's dead-letter queue."
  value       = aws_sqs_queue.dead_letter.url
}

output "dlq_arn" {
  description = "ARN of the consumer's dead-letter queue."
  value       = aws_sqs_queue.dead_letter.arn
}

output "subscription_arn" {
  description = "ARN of the queue's subscription to the topic."
  value       = aws_sns_topic_subscription.main.arn
}

output "function_name" {
  description = "Name of the consumer's Lambda function."
  value       = aws_lambda_function.main.function_name
}

output "function_arn" {
  description = "ARN of the consumer's Lambda function."
  value       = aws_lambda_function.main.arn
}

output "event_source_mapping_uuid" {
  description = "UUID of the SQS event source mapping."
  value       = aws_lambda_event_source_mapping.main.uuid
}

output "log_group_name" {
  description = "The function's log group."
  value       = aws_cloudwatch_log_group.main.name
}

output "role_arn" {
  description = "ARN of the function's execution role."
  value       = aws_iam_role.lambda.arn
}
