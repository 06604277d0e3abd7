resource "aws_security_group_rule" "everything" {
  type              = "ingress"
  from_port         = 0
  to_port           = 0
  protocol          = "-1"
  cidr_blocks       = ["0.0.0.0/0"] # expect: N303
  security_group_id = aws_security_group.nodes.id
}

resource "aws_vpc_security_group_ingress_rule" "kubelet" {
  security_group_id = aws_security_group.nodes.id
  ip_protocol       = "-1"
  cidr_ipv4         = "0.0.0.0/0" # expect: N303
}

resource "aws_vpc_security_group_ingress_rule" "scheduler" {
  security_group_id = aws_security_group.nodes.id
  ip_protocol       = "tcp"
  from_port         = 10250
  to_port           = 10260
  cidr_ipv6         = "::/0" # expect: N301
}
