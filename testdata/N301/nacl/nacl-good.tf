# An earlier deny shadows the allow: the port stays closed.
resource "aws_network_acl" "shadowed" {
  vpc_id = aws_vpc.main.id

  ingress {
    protocol   = "tcp"
    rule_no    = 50
    action     = "deny"
    cidr_block = "0.0.0.0/0"
    from_port  = 6000
    to_port    = 7000
  }

  ingress {
    protocol   = "tcp"
    rule_no    = 100
    action     = "allow"
    cidr_block = "0.0.0.0/0"
    from_port  = 6443
    to_port    = 6443
  }

  # The default NACL's behaviour: filtering is left to security groups.
  ingress {
    protocol   = "-1"
    rule_no    = 200
    action     = "allow"
    cidr_block = "0.0.0.0/0"
    from_port  = 0
    to_port    = 0
  }
}

resource "aws_network_acl" "split" {
  vpc_id = aws_vpc.main.id
}

resource "aws_network_acl_rule" "deny_all_tcp" {
  network_acl_id = aws_network_acl.split.id
  rule_number    = 10
  protocol       = "tcp"
  rule_action    = "deny"
  cidr_block     = "0.0.0.0/0"
  from_port      = 0
  to_port        = 65535
}

resource "aws_network_acl_rule" "api" {
  network_acl_id = aws_network_acl.split.id
  rule_number    = 100
  protocol       = "tcp"
  rule_action    = "allow"
  cidr_block     = "0.0.0.0/0"
  from_port      = 6443
  to_port        = 6443
}

resource "aws_network_acl_rule" "office" {
  network_acl_id = aws_network_acl.nodes_office.id
  rule_number    = 100
  protocol       = "tcp"
  rule_action    = "allow"
  cidr_block     = "203.0.113.0/24"
  from_port      = 10250
  to_port        = 10250
}
