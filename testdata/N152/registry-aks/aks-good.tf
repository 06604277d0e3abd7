module "private" {
  source  = "Azure/aks/azurerm"
  version = "~> 10.0"

  prefix                  = "private"
  resource_group_name     = "rg"
  private_cluster_enabled = true
  network_plugin          = "azure"
  network_policy          = "calico"
  kms_enabled             = true
}

# Major 8 is not modelled: silent.
module "old" {
  source  = "Azure/aks/azurerm"
  version = "~> 8.0"

  prefix              = "old"
  resource_group_name = "rg"
}
