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
      # 6.19.0 is the first release whose Lambda runtime list accepts nodejs24.x.
      # Commit .terraform.lock.hcl after the first `terraform init` to pin the exact build.
      version = "~> 6.19"
    }
  }
}
