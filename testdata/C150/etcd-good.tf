resource "aws_security_group" "etcd" {
  ingress {
    from_port = 2379
    to_port   = 2380
    protocol  = "tcp"
    self      = true
  }
}

resource "aws_security_group_rule" "etcd_from_cp" {
  type                     = "ingress"
  from_port                = 2379
  to_port                  = 2380
  protocol                 = "tcp"
  source_security_group_id = aws_security_group.cp.id
  security_group_id        = aws_security_group.etcd.id
}

resource "aws_security_group_rule" "all_from_vpc" {
  type              = "ingress"
  from_port         = 0
  to_port           = 65535
  protocol          = "tcp"
  cidr_blocks       = ["10.0.0.0/16"]
  security_group_id = aws_security_group.etcd.id
}

# A controller-only subnet (Azure NSGs cannot say "self").
resource "azurerm_network_security_rule" "etcd" {
  name                        = "etcd"
  priority                    = 100
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_range      = "2379-2380"
  source_address_prefix       = cidrsubnet("10.0.0.0/16", 8, 1)
  destination_address_prefix  = "10.0.1.0/24"
  resource_group_name         = "rg"
  network_security_group_name = "nsg"
}
