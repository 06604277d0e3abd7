resource "aws_security_group" "bastion" {
  name = "bastion"

  ingress {
    from_port        = 22
    to_port          = 22
    protocol         = "tcp"
    cidr_blocks      = ["0.0.0.0/0"] # expect: N302
    ipv6_cidr_blocks = ["::/0"] # expect: N302
  }
}

resource "google_compute_firewall" "ssh" { # expect: N302
  name    = "ssh"
  network = "default"

  allow {
    protocol = "tcp"
    ports    = ["22"]
  }

  target_tags = ["nodes"]
} # no source at all: GCP applies 0.0.0.0/0

resource "azurerm_network_security_rule" "rdp" {
  name                        = "rdp"
  priority                    = 100
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_range      = "3389"
  source_address_prefix       = "Internet" # expect: N302
  destination_address_prefix  = "*"
  resource_group_name         = "rg"
  network_security_group_name = "nsg"
}
