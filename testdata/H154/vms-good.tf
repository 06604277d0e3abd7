variable "password_choice" {
  type = bool
}

resource "azurerm_linux_virtual_machine" "default" {
  name                  = "default"
  resource_group_name   = "rg"
  location              = "westeurope"
  size                  = "Standard_D4s_v5"
  admin_username        = "azureuser"
  network_interface_ids = [azurerm_network_interface.node.id]

  admin_ssh_key {
    username   = "azureuser"
    public_key = file("nodes.pub")
  }
}

resource "azurerm_linux_virtual_machine_scale_set" "unknown" {
  name                            = "unknown"
  resource_group_name             = "rg"
  location                        = "westeurope"
  sku                             = "Standard_D4s_v5"
  admin_username                  = "azureuser"
  disable_password_authentication = var.password_choice
}

resource "azurerm_virtual_machine" "legacy" {
  name                  = "legacy"
  location              = "westeurope"
  resource_group_name   = "rg"
  vm_size               = "Standard_D4s_v5"
  network_interface_ids = [azurerm_network_interface.node.id]

  os_profile_linux_config {
    disable_password_authentication = true
    ssh_keys {
      path     = "/home/azureuser/.ssh/authorized_keys"
      key_data = file("nodes.pub")
    }
  }
}

resource "azurerm_windows_virtual_machine" "windows" {
  name                = "windows"
  resource_group_name = "rg"
  location            = "westeurope"
  size                = "Standard_D4s_v5"
  admin_username      = "azureuser"
  admin_password      = var.windows_password
}
