# terraform-aws-modules/eks: each entry of cluster_addons becomes an aws_eks_addon.
module "eks" {
  source  = "terraform-aws-modules/eks/aws"
  version = "~> 20.31"

  cluster_name                   = "prod"
  cluster_version                = "1.31"
  cluster_endpoint_public_access = false

  cluster_addons = {
    coredns    = {}
    kube-proxy = {}
    vpc-cni = {
      most_recent    = true
      before_compute = true
      configuration_values = jsonencode({ # expect: N404
        env = {
          ENABLE_PREFIX_DELEGATION = "true"
        }
      })
    }
  }
}

module "eks_v21" {
  source  = "terraform-aws-modules/eks/aws"
  version = "~> 21.0"

  name               = "staging"
  kubernetes_version = "1.33"

  addons = {
    vpc-cni = { # expect: N404
      before_compute = true
    }
  }
}
