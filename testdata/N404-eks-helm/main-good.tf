# The VPC CNI add-on without its agent, and Cilium chained beside it for policy: enforced.
resource "aws_eks_addon" "vpc_cni" {
  cluster_name = "prod"
  addon_name   = "vpc-cni"
}

resource "helm_release" "cilium" {
  name       = "cilium"
  repository = "https://helm.cilium.io/"
  chart      = "cilium"
  version    = "1.16.5"
  namespace  = "kube-system"

  set {
    name  = "cni.chainingMode"
    value = "aws-cni"
  }
  set {
    name  = "enableIPv4Masquerade"
    value = "false"
  }
}
