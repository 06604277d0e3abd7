# Azure/aks/azurerm: a public API server, no network policy, no KMS by default.
module "aks" { # expect: N152, N250, C450
  source  = "Azure/aks/azurerm"
  version = "~> 9.4"

  prefix              = "prod"
  resource_group_name = "rg"
  kubernetes_version  = "1.35"
}

module "ranges" { # expect: C450
  source  = "Azure/aks/azurerm"
  version = "11.5.0"

  prefix                          = "ranges"
  resource_group_name             = "rg"
  api_server_authorized_ip_ranges = ["0.0.0.0/0"] # expect: N152
  network_plugin                  = "azure"
  network_policy                  = "azure"
}
