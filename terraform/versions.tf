terraform {
  # 1.6: variable validation, optional() object attributes with defaults, preconditions.
  required_version = ">= 1.6.0"

  required_providers {
    aws = {
      source = "hashicorp/aws"
      # 6.19.0 is the first release whose Lambda runtime list accepts nodejs24.x.
      # Commit .terraform.lock.hcl after the first `terraform init` to pin the exact build.
      version = "~> 6.19"
    }
  }
}
