resource "aws_eks_node_group" "al2" {
  cluster_name = "x"
  ami_type     = "AL2_x86_64" # expect: H150
}

resource "google_container_node_pool" "ubuntu" {
  name    = "ubuntu"
  cluster = "x"

  node_config {
    service_account = google_service_account.nodes.email
    shielded_instance_config {
      enable_secure_boot = true
    }
    image_type = "UBUNTU_CONTAINERD" # expect: H150
  }
}
