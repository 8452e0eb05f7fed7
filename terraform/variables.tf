# The topology lives in fanout.auto.tfvars.json; harness/topology/topologySchema.ts mirrors these
# declarations and test/terraform fails when the two drift.

variable "region" {
  description = "AWS region of every resource."
  type        = string

  validation {
    condition     = can(regex("^[a-z]{2}(-[a-z]+)+-\\d$", var.region))
    error_message = "region must be an AWS region such as us-east-1."
  }
}

variable "name_prefix" {
  description = "Prefix of every resource name: <name_prefix>-<name>."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9_-]{1,64}$", var.name_prefix))
    error_message = "name_prefix: letters, digits, \"-\" and \"_\" only, at most 64."
  }
}

variable "topic_name" {
  description = "The order events topic, named <name_prefix>-<topic_name>."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9_-]{1,64}$", var.topic_name))
    error_message = "topic_name: letters, digits, \"-\" and \"_\" only, at most 64."
  }
}

variable "outcomes_queue_name" {
  description = "The queue every consumer reports its outcomes to, named <name_prefix>-<outcomes_queue_name>."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9_-]{1,64}$", var.outcomes_queue_name))
    error_message = "outcomes_queue_name: letters, digits, \"-\" and \"_\" only, at most 64."
  }
}

# Why `any` and not map(object({...})): filter_policy is null for most consumers and a JSON
# object for others. Inside a map every element must convert to one single type, and Terraform
# cannot unify an `any` attribute that is null in one element and an object in another
# ("attribute types must all match for conversion to map"; hashicorp/terraform#24801). So the
# map is checked here for its shape, and each consumer is typed and range-checked by the
# `consumer` variable of modules/subscriber, where it is one object and `any` is harmless.
variable "consumers" {
  description = "One entry per consumer: a queue, its dead-letter queue, a Lambda and its event source mapping. The object type is modules/subscriber variable \"consumer\"."
  type        = any

  validation {
    condition     = can(keys(var.consumers)) ? length(var.consumers) > 0 : false
    error_message = "consumers must be an object with at least one consumer."
  }

  validation {
    condition     = can(keys(var.consumers)) ? alltrue([for name in keys(var.consumers) : can(regex("^[A-Za-z0-9_-]{1,64}$", name))]) : false
    error_message = "consumer names: letters, digits, \"-\" and \"_\" only, at most 64."
  }

  # Terraform silently drops attributes an object type does not declare; a misspelt field
  # must fail instead of falling back to nothing, and a missing one must be named. Terraform has
  # no symmetric set difference: the two one-sided differences must both be empty.
  # (`fields` is bound by a one-element `for`: validations may not read locals before Terraform 1.9.)
  validation {
    condition = can(values(var.consumers)) ? alltrue(flatten([
      for fields in [[
        "handler",
        "timeout",
        "memory_size",
        "visibility_timeout_seconds",
        "message_retention_seconds",
        "max_receive_count",
        "batch_size",
        "maximum_batching_window_seconds",
        "maximum_concurrency",
        "raw_message_delivery",
        "filter_policy",
        "environment",
        ]] : [
        for consumer in values(var.consumers) :
        can(keys(consumer)) ? length(setsubtract(keys(consumer), fields)) == 0 && length(setsubtract(fields, keys(consumer))) == 0 : false
      ]
    ])) : false
    error_message = "each consumer must have exactly: handler, timeout, memory_size, visibility_timeout_seconds, message_retention_seconds, max_receive_count, batch_size, maximum_batching_window_seconds, maximum_concurrency, raw_message_delivery, filter_policy, environment."
  }
}

variable "timer_overrides" {
  description = "Applied to every consumer; only the fields that are set replace the consumer's own (profiles/fast-timers.tfvars.json shortens AWS timers for the specs)."
  type = object({
    visibility_timeout_seconds      = optional(number)
    timeout                         = optional(number)
    maximum_batching_window_seconds = optional(number)
    max_receive_count               = optional(number)
  })
  default  = {}
  nullable = false

  validation {
    condition     = var.timer_overrides.visibility_timeout_seconds == null ? true : (var.timer_overrides.visibility_timeout_seconds >= 0 && var.timer_overrides.visibility_timeout_seconds <= 43200 && floor(var.timer_overrides.visibility_timeout_seconds) == var.timer_overrides.visibility_timeout_seconds)
    error_message = "timer_overrides.visibility_timeout_seconds must be a whole number from 0 to 43200."
  }

  validation {
    condition     = var.timer_overrides.timeout == null ? true : (var.timer_overrides.timeout >= 1 && var.timer_overrides.timeout <= 900 && floor(var.timer_overrides.timeout) == var.timer_overrides.timeout)
    error_message = "timer_overrides.timeout must be a whole number from 1 to 900."
  }

  validation {
    condition     = var.timer_overrides.maximum_batching_window_seconds == null ? true : (var.timer_overrides.maximum_batching_window_seconds >= 0 && var.timer_overrides.maximum_batching_window_seconds <= 300 && floor(var.timer_overrides.maximum_batching_window_seconds) == var.timer_overrides.maximum_batching_window_seconds)
    error_message = "timer_overrides.maximum_batching_window_seconds must be a whole number from 0 to 300."
  }

  validation {
    condition     = var.timer_overrides.max_receive_count == null ? true : (var.timer_overrides.max_receive_count >= 1 && var.timer_overrides.max_receive_count <= 1000 && floor(var.timer_overrides.max_receive_count) == var.timer_overrides.max_receive_count)
    error_message = "timer_overrides.max_receive_count must be a whole number from 1 to 1000."
  }
}

variable "lambda_runtime" {
  description = "Runtime of every consumer function. hashicorp/aws accepts nodejs24.x from 6.19.0 on; plan with an older provider (the offline 5.100.0 of the local checks) with nodejs22.x."
  type        = string
  default     = "nodejs24.x"

  validation {
    condition     = can(regex("^nodejs[0-9]+\\.x$", var.lambda_runtime))
    error_message = "lambda_runtime must be a Node.js Lambda runtime such as nodejs24.x."
  }
}

variable "aws_endpoint_url" {
  description = "Endpoint of an AWS emulator (LocalStack), e.g. http://localhost:4566. Null deploys to AWS."
  type        = string
  default     = null
}

variable "lambda_dist_dir" {
  description = "Folder holding <consumer>.zip, built by `npm run build:lambdas`; relative to this folder."
  type        = string
  default     = "../dist/lambdas"
}

variable "log_retention_days" {
  description = "Retention of each Lambda's log group, in days."
  type        = number
  default     = 14

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "log_retention_days must be one of the values CloudWatch Logs accepts (1, 3, 5, 7, 14, 30, 60, 90, ...)."
  }
}
