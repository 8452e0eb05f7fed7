terraform {
  required_version = ">= 1.6.0"

  required_providers {
    aws = {
      source = "hashicorp/aws"
      # The root module pins the release line; var.runtime must be one the provider knows.
      version = ">= 5.100.0"
    }
  }
}
