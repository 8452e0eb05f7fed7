locals {
  # An endpoint override means an emulator (LocalStack): no real credentials, no account lookup.
  use_endpoint_override = var.aws_endpoint_url != null
}

provider "aws" {
  region = var.region

  skip_credentials_validation = local.use_endpoint_override
  skip_requesting_account_id  = local.use_endpoint_override
  skip_metadata_api_check     = local.use_endpoint_override
  s3_use_path_style           = local.use_endpoint_override

  dynamic "endpoints" {
    for_each = local.use_endpoint_override ? [var.aws_endpoint_url] : []
    content {
      sns    = endpoints.value
      sqs    = endpoints.value
      lambda = endpoints.value
      iam    = endpoints.value
      logs   = endpoints.value
      sts    = endpoints.value
    }
  }

  default_tags {
    tags = {
      Project   = "order-fanout"
      ManagedBy = "terraform"
    }
  }
}
