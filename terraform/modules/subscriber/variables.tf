variable "name_prefix" {
  description = "Prefix of every resource name."
  type        = string
}

variable "consumer_name" {
  description = "Key of this consumer in the topology; names its queue, function and bundle."
  type        = string
}

# One consumer of fanout.auto.tfvars.json after timer_overrides are applied. Mirrors ConsumerSchema
# in harness/topology/topologySchema.ts (test/terraform fails when the two drift). `any` is safe
# here, unlike in the root's map: this is a single object.
variable "consumer" {
  description = "The consumer's settings: handler, timers, batching, delivery options, filter policy (null or an SNS filter policy object) and environment."
  type = object({
    handler                         = string
    timeout                         = number
    memory_size                     = number
    visibility_timeout_seconds      = number
    message_retention_seconds       = number
    max_receive_count               = number
    batch_size                      = number
    maximum_batching_window_seconds = number
    maximum_concurrency             = number
    raw_message_delivery            = bool
    filter_policy                   = any
    environment                     = map(string)
  })

  validation {
    condition     = can(regex("^[\\w./-]+\\.[A-Za-z_$][\\w$]*$", var.consumer.handler))
    error_message = "handler must be file.export, e.g. index.handler."
  }

  validation {
    condition     = var.consumer.timeout >= 1 && var.consumer.timeout <= 900 && floor(var.consumer.timeout) == var.consumer.timeout
    error_message = "timeout must be a whole number of seconds from 1 to 900."
  }

  validation {
    condition     = var.consumer.memory_size >= 128 && var.consumer.memory_size <= 10240 && floor(var.consumer.memory_size) == var.consumer.memory_size
    error_message = "memory_size must be a whole number of MB from 128 to 10240."
  }

  validation {
    condition     = var.consumer.visibility_timeout_seconds >= 0 && var.consumer.visibility_timeout_seconds <= 43200 && floor(var.consumer.visibility_timeout_seconds) == var.consumer.visibility_timeout_seconds
    error_message = "visibility_timeout_seconds must be a whole number from 0 to 43200."
  }

  validation {
    condition     = var.consumer.message_retention_seconds >= 60 && var.consumer.message_retention_seconds <= 1209600 && floor(var.consumer.message_retention_seconds) == var.consumer.message_retention_seconds
    error_message = "message_retention_seconds must be a whole number from 60 to 1209600."
  }

  validation {
    condition     = var.consumer.max_receive_count >= 1 && var.consumer.max_receive_count <= 1000 && floor(var.consumer.max_receive_count) == var.consumer.max_receive_count
    error_message = "max_receive_count must be a whole number from 1 to 1000."
  }

  validation {
    condition     = var.consumer.batch_size >= 1 && var.consumer.batch_size <= 10000 && floor(var.consumer.batch_size) == var.consumer.batch_size
    error_message = "batch_size must be a whole number from 1 to 10000."
  }

  validation {
    condition     = var.consumer.maximum_batching_window_seconds >= 0 && var.consumer.maximum_batching_window_seconds <= 300 && floor(var.consumer.maximum_batching_window_seconds) == var.consumer.maximum_batching_window_seconds
    error_message = "maximum_batching_window_seconds must be a whole number from 0 to 300."
  }

  validation {
    condition     = var.consumer.maximum_concurrency >= 2 && var.consumer.maximum_concurrency <= 1000 && floor(var.consumer.maximum_concurrency) == var.consumer.maximum_concurrency
    error_message = "maximum_concurrency must be a whole number from 2 to 1000."
  }

  validation {
    condition     = var.consumer.filter_policy == null || can(keys(var.consumer.filter_policy))
    error_message = "filter_policy must be null or an SNS filter policy object."
  }

  # AWS rejects the event source mapping otherwise.
  validation {
    condition     = var.consumer.visibility_timeout_seconds >= var.consumer.timeout
    error_message = "visibility_timeout_seconds must be >= timeout (AWS rejects the event source mapping otherwise)."
  }

  validation {
    condition     = var.consumer.batch_size <= 10 || var.consumer.maximum_batching_window_seconds >= 1
    error_message = "batch_size above 10 needs maximum_batching_window_seconds >= 1."
  }
}

variable "topic_arn" {
  description = "The topic this consumer's queue subscribes to; the only sender its queue policy admits."
  type        = string
}

variable "outcomes_queue_arn" {
  description = "ARN of the outcomes queue; the function may only send there."
  type        = string
}

variable "outcomes_queue_url" {
  description = "URL of the outcomes queue, given to the function as OUTCOMES_QUEUE_URL."
  type        = string
}

variable "runtime" {
  description = "The functions' Lambda runtime, e.g. nodejs24.x."
  type        = string
}

variable "lambda_dist_dir" {
  description = "Folder holding <consumer_name>.zip, relative to the root module."
  type        = string
}

variable "log_retention_days" {
  description = "Retention of the function's log group, in days."
  type        = number
  default     = 14
}
