resource "aws_eks_cluster" "eks_ext" {
  name     = "eks_ext"
  role_arn = aws_iam_role.cluster.arn
  version  = "1.36"

  enabled_cluster_log_types = ["api", "audit", "authenticator"]

  vpc_config {
    subnet_ids             = var.subnet_ids
    endpoint_public_access = false
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

  upgrade_policy {
    support_type = "EXTENDED" # expect: C552
  }
}
