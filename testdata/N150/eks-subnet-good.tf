resource "aws_subnet" "private" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.10.0/24"
}

resource "aws_subnet" "public_lb" {
  vpc_id                  = aws_vpc.main.id
  cidr_block              = "10.0.20.0/24"
  map_public_ip_on_launch = true
}

resource "aws_eks_node_group" "workers" {
  cluster_name    = aws_eks_cluster.main.name
  node_group_name = "workers"
  node_role_arn   = aws_iam_role.node.arn
  ami_type        = "BOTTLEROCKET_x86_64"
  # `public_lbx` is another subnet than `public_lb`.
  subnet_ids      = [aws_subnet.private.id, aws_subnet.public_lbx.id]

  scaling_config {
    desired_size = 2
    max_size     = 3
    min_size     = 1
  }
}

# Its launch template decides the interfaces.
resource "aws_eks_node_group" "templated" {
  cluster_name    = aws_eks_cluster.main.name
  node_group_name = "templated"
  node_role_arn   = aws_iam_role.node.arn
  ami_type        = "BOTTLEROCKET_x86_64"
  subnet_ids      = [aws_subnet.public_lb.id]

  launch_template {
    id      = aws_launch_template.nodes.id
    version = "$Latest"
  }

  scaling_config {
    desired_size = 2
    max_size     = 3
    min_size     = 1
  }
}
