variable "routing" {
  default = true
}

resource "azurerm_kubernetes_cluster" "routing" {
  name                             = "routing"
  location                         = "westeurope"
  resource_group_name              = "rg"
  kubernetes_version               = "1.36"
  automatic_upgrade_channel        = "patch"
  private_cluster_enabled          = true
  local_account_disabled           = true
  http_application_routing_enabled = var.routing # expect: N153

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

resource "azurerm_kubernetes_cluster" "azurerm2" {
  name                      = "azurerm2"
  location                  = "westeurope"
  resource_group_name       = "rg"
  kubernetes_version        = "1.36"
  automatic_upgrade_channel = "patch"
  private_cluster_enabled   = true
  local_account_disabled    = true

  default_node_pool {
    name                   = "default"
    vm_size                = "Standard_D4s_v5"
    node_public_ip_enabled = false
  }

  addon_profile {
    http_application_routing {
      enabled = true # expect: N153
    }
  }

  network_profile {
    network_plugin = "azure"
    network_policy = "cilium"
  }

  key_management_service {
    key_vault_key_id = azurerm_key_vault_key.etcd.id
  }
}
