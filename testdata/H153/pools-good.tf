variable "boot_choice" {
  type = bool
}

resource "google_container_cluster" "removed" {
  name                     = "removed"
  min_master_version       = "1.36"
  datapath_provider        = "ADVANCED_DATAPATH"
  remove_default_node_pool = true

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
}

resource "google_container_node_pool" "secure" {
  name    = "secure"
  cluster = google_container_cluster.removed.id

  node_config {
    image_type      = "COS_CONTAINERD"
    service_account = google_service_account.nodes.email
    shielded_instance_config {
      enable_secure_boot = true
    }
  }
}

resource "google_container_node_pool" "unknown" {
  name    = "unknown"
  cluster = google_container_cluster.removed.id

  node_config {
    image_type      = "COS_CONTAINERD"
    service_account = google_service_account.nodes.email
    shielded_instance_config {
      enable_secure_boot = var.boot_choice
    }
  }
}

resource "google_container_node_pool" "dynamic_unknown" {
  name    = "dynamic-unknown"
  cluster = google_container_cluster.removed.id

  node_config {
    image_type      = "COS_CONTAINERD"
    service_account = google_service_account.nodes.email
    dynamic "shielded_instance_config" {
      for_each = var.shielded
      content {
        enable_secure_boot = shielded_instance_config.value
      }
    }
  }
}
