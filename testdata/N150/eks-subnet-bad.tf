resource "aws_subnet" "public" {
  count                   = 2
  vpc_id                  = aws_vpc.main.id
  cidr_block              = cidrsubnet("10.0.0.0/16", 8, count.index)
  map_public_ip_on_launch = true
}

resource "aws_eks_node_group" "workers" {
  cluster_name    = aws_eks_cluster.main.name
  node_group_name = "workers"
  node_role_arn   = aws_iam_role.node.arn
  ami_type        = "BOTTLEROCKET_x86_64"
  subnet_ids      = aws_subnet.public[*].id # expect: N150

  scaling_config {
    desired_size = 2
    max_size     = 3
    min_size     = 1
  }
}
