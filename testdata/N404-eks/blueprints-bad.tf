# EKS Blueprints (aws-ia/eks-blueprints-addons): the VPC CNI add-on among `eks_addons`,
# without its network policy agent.
module "eks_blueprints_addons" {
  source  = "aws-ia/eks-blueprints-addons/aws"
  version = "~> 1.16"

  cluster_name = "blueprints"

  eks_addons = {
    coredns = {}
    vpc-cni = { # expect: N404
      most_recent = true
    }
  }
}
