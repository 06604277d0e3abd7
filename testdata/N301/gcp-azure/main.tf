resource "google_compute_firewall" "api" {
  name    = "api"
  network = "default"

  allow {
    protocol = "tcp"
    ports    = ["443", "6443"]
  }

  source_ranges = ["0.0.0.0/0", "::/0"] # expect: N301
}

resource "azurerm_network_security_rule" "kubelet" {
  name                        = "kubelet"
  priority                    = 100
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_ranges     = ["10250", "10255"]
  source_address_prefix       = "Internet" # expect: N301
  destination_address_prefix  = "*"
  resource_group_name         = "rg"
  network_security_group_name = "nsg"
}

resource "azurerm_network_security_group" "cp" {
  name                = "cp"
  location            = "westeurope"
  resource_group_name = "rg"

  security_rule {
    name                       = "api"
    priority                   = 100
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = "6443"
    source_address_prefix      = "*" # expect: N301
    destination_address_prefix = "*"
  }

  security_rule {
    name                       = "api-deny"
    priority                   = 200
    direction                  = "Inbound"
    access                     = "Deny"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = "6443"
    source_address_prefix      = "*"
    destination_address_prefix = "*"
  }
}
