variable "routing_choice" {
  type = bool
}

resource "azurerm_kubernetes_cluster" "off" {
  name                             = "off"
  location                         = "westeurope"
  resource_group_name              = "rg"
  kubernetes_version               = "1.36"
  automatic_upgrade_channel        = "patch"
  private_cluster_enabled          = true
  local_account_disabled           = true
  http_application_routing_enabled = false

  default_node_pool {
    name                   = "default"
    vm_size                = "Standard_D4s_v5"
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

resource "azurerm_kubernetes_cluster" "unknown" {
  name                             = "unknown"
  location                         = "westeurope"
  resource_group_name              = "rg"
  kubernetes_version               = "1.36"
  automatic_upgrade_channel        = "patch"
  private_cluster_enabled          = true
  local_account_disabled           = true
  http_application_routing_enabled = var.routing_choice

  default_node_pool {
    name                   = "default"
    vm_size                = "Standard_D4s_v5"
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
