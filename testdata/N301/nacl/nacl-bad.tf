# A network ACL is a second perimeter: an allow that wins opens the port to its sources.
resource "aws_network_acl" "control_plane" {
  vpc_id = aws_vpc.main.id

  ingress {
    protocol   = "tcp"
    rule_no    = 100
    action     = "allow"
    cidr_block = "0.0.0.0/0" # expect: N301
    from_port  = 6443
    to_port    = 6443
  }

  # Return traffic of a stateless filter: not an opening of a service.
  ingress {
    protocol   = "tcp"
    rule_no    = 200
    action     = "allow"
    cidr_block = "0.0.0.0/0"
    from_port  = 1024
    to_port    = 65535
  }

  egress {
    protocol   = "-1"
    rule_no    = 100
    action     = "allow"
    cidr_block = "0.0.0.0/0"
    from_port  = 0
    to_port    = 0
  }
}

resource "aws_network_acl" "nodes" {
  vpc_id = aws_vpc.main.id
}

resource "aws_network_acl_rule" "kubelet" {
  network_acl_id = aws_network_acl.nodes.id
  rule_number    = 110
  egress         = false
  protocol       = "tcp"
  rule_action    = "allow"
  cidr_block     = var.kubelet_sources # expect: N301
  from_port      = 10250
  to_port        = 10250
}

variable "kubelet_sources" {
  default = "0.0.0.0/0"
}
