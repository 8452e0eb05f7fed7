terraform {
  required_version = ">= 1.6.0"

  required_providers {
    aws = {
      source = "hashicorp/aws"
      # nodejs24.x is accepted from 6.19.0 on; the root module pins the release line.
      version = ">= 6.19.0"
    }
  }
}
