resource "aws_eks_node_group" "ssh" {
  cluster_name = "x"
  ami_type     = "BOTTLEROCKET_x86_64"

  remote_access {
    ec2_ssh_key = "admin" # expect: N307
  }
}
