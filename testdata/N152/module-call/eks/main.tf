variable "name" {
  type = string
}

variable "endpoint_public_access" {
  type    = bool
  default = false
}

variable "public_access_cidrs" {
  type    = list(string)
  default = ["0.0.0.0/0"]
}

resource "aws_eks_cluster" "this" {
  name                      = var.name
  role_arn                  = "arn:aws:iam::123456789012:role/eks"
  version                   = "1.36"
  enabled_cluster_log_types = ["audit"]

  vpc_config {
    subnet_ids              = ["subnet-1"]
    endpoint_private_access = true
    endpoint_public_access  = var.endpoint_public_access
    public_access_cidrs     = var.public_access_cidrs
  }

  encryption_config {
    resources = ["secrets"]
    provider {
      key_arn = "arn:aws:kms:eu-west-1:123456789012:key/1"
    }
  }

  access_config {
    authentication_mode = "API"
  }
}
