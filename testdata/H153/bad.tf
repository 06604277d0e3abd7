variable "secure_boot" {
  default = false
}

resource "google_container_cluster" "default_pool" {
  name               = "default-pool"
  min_master_version = "1.36"
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

  node_config { # expect: H153
    image_type      = "COS_CONTAINERD"
    service_account = google_service_account.nodes.email
  }
}

resource "google_container_cluster" "inline_pools" {
  name               = "inline-pools"
  min_master_version = "1.36"
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

  node_pool {
    name = "secure"
    node_config {
      image_type      = "COS_CONTAINERD"
      service_account = google_service_account.nodes.email
      shielded_instance_config {
        enable_secure_boot = true
      }
    }
  }

  node_pool {
    name = "monitoring-only"
    node_config {
      image_type      = "COS_CONTAINERD"
      service_account = google_service_account.nodes.email
      shielded_instance_config { # expect: H153
        enable_integrity_monitoring = true
      }
    }
  }
}

resource "google_container_node_pool" "by_variable" {
  name    = "by-variable"
  cluster = google_container_cluster.inline_pools.id

  node_config {
    image_type      = "COS_CONTAINERD"
    service_account = google_service_account.nodes.email
    shielded_instance_config {
      enable_secure_boot = var.secure_boot # expect: H153
    }
  }
}
