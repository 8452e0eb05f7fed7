terraform {
  # 1.6: variable validation, optional() object attributes with defaults, preconditions.
  required_version = ">= 1.6.0"

  # State of the AWS deployment lives in S3, configured at init time:
  #   terraform init -backend-config="bucket=..." -backend-config="region=..." -backend-config="key=order-fanout/production.tfstate"
  # Emulator runs (compose, the localstack backend) replace this with a local backend in a *_override.tf file.
  backend "s3" {}

  required_providers {
    aws = {
      source = "hashicorp/aws"
      # 5.100 (the offline mirror of the local checks) up to the 6.x line users get from the
      # registry. nodejs24.x needs 6.19.0 or later: with an older provider set var.lambda_runtime.
      # No .terraform.lock.hcl is committed, so `init` picks the newest allowed release it can
      # reach (terraform/README.md, "Provider and lock file").
      version = ">= 5.100.0, < 7.0.0"
    }
  }
}
