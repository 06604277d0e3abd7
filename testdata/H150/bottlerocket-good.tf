resource "aws_eks_node_group" "br" {
  cluster_name = "x"
  ami_type     = "BOTTLEROCKET_x86_64"
}

resource "aws_eks_node_group" "default" {
  cluster_name = "x"
}
