# The EKS Blueprints "wireguard-with-cilium" pattern: the VPC CNI add-on without its network
# policy agent, and Cilium chained to it by a Helm release of the blueprints add-ons module.
# Cilium enforces NetworkPolicy, so nothing is reported.
module "eks" {
  source  = "terraform-aws-modules/eks/aws"
  version = "~> 20.11"

  cluster_name    = "wireguard-with-cilium"
  cluster_version = "1.30"

  cluster_addons = {
    coredns    = {}
    kube-proxy = {}
    vpc-cni    = {}
  }
}

module "eks_blueprints_addons" {
  source  = "aws-ia/eks-blueprints-addons/aws"
  version = "~> 1.16"

  cluster_name = module.eks.cluster_name

  helm_releases = {
    cilium = {
      name       = "cilium"
      chart      = "cilium"
      version    = "1.14.1"
      repository = "https://helm.cilium.io/"
      namespace  = "kube-system"
      values = [
        <<-EOT
          cni:
            chainingMode: aws-cni
        EOT
      ]
    }
  }
}
