resource "google_container_cluster" "gke_nopol" { # expect: N250
  name               = "gke_nopol"
  min_master_version = "1.36"
  

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

resource "google_container_cluster" "gke_off" {
  name               = "gke_off"
  min_master_version = "1.36"
  network_policy {
    enabled = false # expect: N250
  }

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

resource "azurerm_kubernetes_cluster" "aks_nopol" {
  name                = "aks_nopol"
  location            = "westeurope"
  resource_group_name = "rg"
  kubernetes_version  = "1.36"
  automatic_upgrade_channel = "patch"
  private_cluster_enabled = true
  local_account_disabled  = true

  default_node_pool {
    name    = "default"
    vm_size = "Standard_D4s_v5"
    node_public_ip_enabled = false
  }

  network_profile { # expect: N250
    network_plugin = "azure"
    
  }

  key_management_service {
    key_vault_key_id = azurerm_key_vault_key.etcd.id
  }
}
