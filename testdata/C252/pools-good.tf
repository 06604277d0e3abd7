variable "pool_sa" {
  type = string
}

resource "google_container_cluster" "removed_default_pool" {
  name                     = "removed"
  min_master_version       = "1.36"
  datapath_provider        = "ADVANCED_DATAPATH"
  remove_default_node_pool = true
  initial_node_count       = 1

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

resource "google_container_cluster" "autopilot" {
  name               = "autopilot"
  min_master_version = "1.36"
  enable_autopilot   = true

  private_cluster_config {
    enable_private_nodes    = true
    enable_private_endpoint = true
  }

  database_encryption {
    state    = "ENCRYPTED"
    key_name = google_kms_crypto_key.etcd.id
  }
}

resource "google_container_node_pool" "dedicated" {
  name    = "dedicated"
  cluster = google_container_cluster.removed_default_pool.id

  node_config {
    image_type      = "COS_CONTAINERD"
    service_account = google_service_account.nodes.email
    oauth_scopes    = ["https://www.googleapis.com/auth/cloud-platform"]
    shielded_instance_config {
      enable_secure_boot = true
    }
  }
}

resource "google_container_node_pool" "unknown" {
  name    = "unknown"
  cluster = google_container_cluster.removed_default_pool.id

  node_config {
    image_type      = "COS_CONTAINERD"
    service_account = var.pool_sa
    shielded_instance_config {
      enable_secure_boot = true
    }
  }
}

resource "google_compute_instance_template" "workers" {
  name_prefix  = "workers-"
  machine_type = "e2-standard-4"

  service_account {
    email  = google_service_account.nodes.email
    scopes = ["cloud-platform"]
  }
}

resource "google_compute_instance" "no_account" {
  name         = "no-account"
  machine_type = "e2-standard-4"
  zone         = "europe-west1-b"
}
