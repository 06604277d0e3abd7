variable "password_auth_off" {
  default = false
}

resource "azurerm_linux_virtual_machine" "node" {
  name                            = "node"
  resource_group_name             = "rg"
  location                        = "westeurope"
  size                            = "Standard_D4s_v5"
  admin_username                  = "azureuser"
  admin_password                  = "Sup3rSecret!"
  disable_password_authentication = false # expect: H154
  network_interface_ids           = [azurerm_network_interface.node.id]
}

resource "azurerm_linux_virtual_machine_scale_set" "workers" {
  name                            = "workers"
  resource_group_name             = "rg"
  location                        = "westeurope"
  sku                             = "Standard_D4s_v5"
  admin_username                  = "azureuser"
  admin_password                  = var.admin_password
  disable_password_authentication = var.password_auth_off # expect: H154
}

resource "azurerm_virtual_machine" "legacy" {
  name                  = "legacy"
  location              = "westeurope"
  resource_group_name   = "rg"
  vm_size               = "Standard_D4s_v5"
  network_interface_ids = [azurerm_network_interface.node.id]

  os_profile {
    computer_name  = "legacy"
    admin_username = "azureuser"
    admin_password = var.admin_password
  }

  os_profile_linux_config { # expect: H154
  }
}

resource "azurerm_virtual_machine" "legacy_explicit" {
  name                  = "legacy-explicit"
  location              = "westeurope"
  resource_group_name   = "rg"
  vm_size               = "Standard_D4s_v5"
  network_interface_ids = [azurerm_network_interface.node.id]

  os_profile_linux_config {
    disable_password_authentication = false # expect: H154
  }
}
