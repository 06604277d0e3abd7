# Values only known at apply time, or that EKS would refuse, are never a finding.
variable "cni_configuration" {
  type = string
}

variable "network_policy" {
  type = string
}

variable "addon" {
  type = string
}

resource "aws_eks_addon" "from_variable" {
  cluster_name         = "main"
  addon_name           = "vpc-cni"
  configuration_values = var.cni_configuration
}

resource "aws_eks_addon" "switch_from_variable" {
  cluster_name = "main"
  addon_name   = "vpc-cni"
  configuration_values = jsonencode({
    enableNetworkPolicy = var.network_policy
  })
}

resource "aws_eks_addon" "not_json" {
  cluster_name         = "main"
  addon_name           = "vpc-cni"
  configuration_values = "{\"enableNetworkPolicy\": "
}

resource "aws_eks_addon" "misspelt" {
  cluster_name = "main"
  addon_name   = "vpc-cni"
  configuration_values = jsonencode({
    enableNetworkpolicy = "false"
  })
}

resource "aws_eks_addon" "name_from_variable" {
  cluster_name = "main"
  addon_name   = var.addon
}
