resource "aws_eks_cluster" "eks_nologs" {
  name     = "eks_nologs"
  role_arn = aws_iam_role.cluster.arn
  version  = "1.36"

  enabled_cluster_log_types = ["api"] # expect: C251

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
}

resource "aws_eks_cluster" "eks_nolist" { # expect: C251
  name     = "eks_nolist"
  role_arn = aws_iam_role.cluster.arn
  version  = "1.36"


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
}
