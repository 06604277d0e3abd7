resource "google_container_cluster" "gke_latest" {
  name               = "gke_latest"
  min_master_version = "latest"
  datapath_provider  = "ADVANCED_DATAPATH"

  private_cluster_config {
    enable_private_nodes    = true
    enable_private_endpoint = true
  }

  database_encryption {
    state    = "ENCRYPTED"
    key_name = google_kms_crypto_key.etcd.id
  }

  workload_identity_config {
    workload_pool = "proj.svc.id.goog"
  }

  node_config {
    service_account = google_service_account.nodes.email
    shielded_instance_config {
      enable_secure_boot = true
    }
    image_type = "COS_CONTAINERD"
  }
}

resource "aws_eks_node_group" "current" {
  cluster_name = "x"
  version      = "1.35"
  ami_type     = "BOTTLEROCKET_ARM_64"
}
