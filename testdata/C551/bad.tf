resource "google_container_cluster" "gke_nochan" {
  name               = "gke_nochan"
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

  release_channel {
    channel = "UNSPECIFIED" # expect: C551
  }

  node_config {
    service_account = google_service_account.nodes.email
    shielded_instance_config {
      enable_secure_boot = true
    }
    image_type = "COS_CONTAINERD"
  }
}

resource "azurerm_kubernetes_cluster" "aks_none" {
  name                = "aks_none"
  location            = "westeurope"
  resource_group_name = "rg"
  kubernetes_version  = "1.36"
  automatic_upgrade_channel = "none" # expect: C551
  private_cluster_enabled = true
  local_account_disabled  = true

  default_node_pool {
    name    = "default"
    vm_size = "Standard_D4s_v5"
    node_public_ip_enabled = false
  }

  network_profile {
    network_plugin = "azure"
    network_policy = "cilium"
  }

  key_management_service {
    key_vault_key_id = azurerm_key_vault_key.etcd.id
  }
}

resource "azurerm_kubernetes_cluster" "aks_absent" { # expect: C551
  name                = "aks_absent"
  location            = "westeurope"
  resource_group_name = "rg"
  kubernetes_version  = "1.36"
  
  private_cluster_enabled = true
  local_account_disabled  = true

  default_node_pool {
    name    = "default"
    vm_size = "Standard_D4s_v5"
    node_public_ip_enabled = false
  }

  network_profile {
    network_plugin = "azure"
    network_policy = "cilium"
  }

  key_management_service {
    key_vault_key_id = azurerm_key_vault_key.etcd.id
  }
}

resource "google_container_node_pool" "manual" {
  node_config {
    service_account = google_service_account.nodes.email
    shielded_instance_config {
      enable_secure_boot = true
    }
  }
  name    = "manual"
  cluster = "x"

  management {
    auto_upgrade = false # expect: C551
  }
}
