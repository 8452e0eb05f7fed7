output "region" {
  description = "Region of every resource."
  value       = var.region
}

output "topic_arn" {
  description = "The order events topic the publisher publishes to."
  value       = aws_sns_topic.order_events.arn
}

output "topic_name" {
  description = "Name of the order events topic."
  value       = aws_sns_topic.order_events.name
}

output "outcomes_queue_url" {
  description = "Queue the consumers report their outcomes to; the specs drain it."
  value       = aws_sqs_queue.outcomes.url
}

output "outcomes_queue_arn" {
  description = "ARN of the outcomes queue."
  value       = aws_sqs_queue.outcomes.arn
}

output "consumers" {
  description = "Per consumer: its queue, dead-letter queue, function, event source mapping and log group."
  value = {
    for name, subscriber in module.subscriber : name => {
      queue_name                = subscriber.queue_name
      queue_url                 = subscriber.queue_url
      queue_arn                 = subscriber.queue_arn
      dlq_name                  = subscriber.dlq_name
      dlq_url                   = subscriber.dlq_url
      dlq_arn                   = subscriber.dlq_arn
      subscription_arn          = subscriber.subscription_arn
      function_name             = subscriber.function_name
      function_arn              = subscriber.function_arn
      event_source_mapping_uuid = subscriber.event_source_mapping_uuid
      log_group_name            = subscriber.log_group_name
    }
  }
}

output "publisher_environment" {
  description = "Environment for services/publisher against this deployment (AWS_ENDPOINT_URL only with an emulator)."
  value = merge(
    {
      ORDER_EVENTS_TOPIC_ARN = aws_sns_topic.order_events.arn
      AWS_REGION             = var.region
    },
    var.aws_endpoint_url == null ? {} : { AWS_ENDPOINT_URL = var.aws_endpoint_url },
  )
}
