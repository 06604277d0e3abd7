resource "aws_eks_cluster" "eks_default" { # expect: N152
  name     = "eks_default"
  role_arn = aws_iam_role.cluster.arn
  version  = "1.36"

  enabled_cluster_log_types = ["api", "audit", "authenticator"]

  vpc_config {
    subnet_ids             = var.subnet_ids
    endpoint_private_access = true
  }

  encryption_config {
    resources = ["secrets"]
    provider {
      key_arn = aws_kms_key.eks.arn
    }
  }

  access_config {
    authentication_mode = "API"
  }
}

resource "aws_eks_cluster" "eks_world" {
  name     = "eks_world"
  role_arn = aws_iam_role.cluster.arn
  version  = "1.36"

  enabled_cluster_log_types = ["api", "audit", "authenticator"]

  vpc_config {
    subnet_ids             = var.subnet_ids
    public_access_cidrs    = var.api_allowed # expect: N152
  }

  encryption_config {
    resources = ["secrets"]
    provider {
      key_arn = aws_kms_key.eks.arn
    }
  }

  access_config {
    authentication_mode = "API"
  }
}

variable "api_allowed" {
  default = ["10.1.0.0/16", "0.0.0.0/0"]
}
