variable "node_sa" {
  default = "default"
}

locals {
  compute_sa = "123456789012-compute@developer.gserviceaccount.com"
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

  node_config { # expect: C252
    image_type   = "COS_CONTAINERD"
    oauth_scopes = ["https://www.googleapis.com/auth/cloud-platform"]
    shielded_instance_config {
      enable_secure_boot = true
    }
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
    name = "dedicated"
    node_config {
      image_type      = "COS_CONTAINERD"
      service_account = google_service_account.nodes.email
      shielded_instance_config {
        enable_secure_boot = true
      }
    }
  }

  node_pool {
    name = "legacy"
    node_config {
      image_type      = "COS_CONTAINERD"
      service_account = local.compute_sa # expect: C252
      shielded_instance_config {
        enable_secure_boot = true
      }
    }
  }

  cluster_autoscaling {
    enabled = true
    auto_provisioning_defaults {
      service_account = "default" # expect: C252
    }
  }
}

resource "google_container_node_pool" "by_variable" {
  name    = "by-variable"
  cluster = google_container_cluster.inline_pools.id

  node_config {
    image_type      = "COS_CONTAINERD"
    service_account = var.node_sa # expect: C252
    shielded_instance_config {
      enable_secure_boot = true
    }
  }
}

resource "google_container_node_pool" "empty" {
  name    = "empty"
  cluster = google_container_cluster.inline_pools.id

  node_config {
    image_type      = "COS_CONTAINERD"
    service_account = "" # expect: C252
    shielded_instance_config {
      enable_secure_boot = true
    }
  }
}

resource "google_container_node_pool" "no_node_config" { # expect: C252, H153
  name    = "no-node-config"
  cluster = google_container_cluster.inline_pools.id
}

resource "google_compute_instance_template" "workers" {
  name_prefix  = "workers-"
  machine_type = "e2-standard-4"

  service_account {
    email  = "default" # expect: C252
    scopes = ["cloud-platform"]
  }
}

resource "google_compute_instance" "controller" {
  name         = "controller"
  machine_type = "e2-standard-4"
  zone         = "europe-west1-b"

  service_account { # expect: C252
    scopes = ["https://www.googleapis.com/auth/logging.write"]
  }
}
