resource "aws_vpc_security_group_ingress_rule" "all" {
  security_group_id = aws_security_group.nodes.id
  ip_protocol       = "-1"
  cidr_ipv4         = "0.0.0.0/0" # expect: N303
}

resource "google_compute_firewall" "no_ports" {
  name    = "no-ports"
  network = "default"

  allow {
    protocol = "tcp"
  }

  source_ranges = ["0.0.0.0/0"] # expect: N303
}

resource "azurerm_network_security_rule" "any" {
  name                        = "any"
  priority                    = 100
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "*"
  source_port_range           = "*"
  destination_port_range      = "*"
  source_address_prefix       = "Any" # expect: N303
  destination_address_prefix  = "*"
  resource_group_name         = "rg"
  network_security_group_name = "nsg"
}

resource "aws_security_group" "wide" {
  ingress {
    from_port   = 0
    to_port     = 65535
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"] # expect: N303
  }
}

# The attribute form of inline rules.
resource "aws_security_group" "attr_form" {
  ingress = [
    {
      cidr_blocks      = ["0.0.0.0/0"] # expect: N303
      description      = "Wide open"
      from_port        = 0
      to_port          = 65535
      protocol         = "-1"
      ipv6_cidr_blocks = []
      prefix_list_ids  = []
      security_groups  = []
      self             = false
    }
  ]
}
