resource "aws_vpc_security_group_ingress_rule" "all_from_self" {
  security_group_id            = aws_security_group.nodes.id
  ip_protocol                  = "-1"
  referenced_security_group_id = aws_security_group.nodes.id
}

resource "aws_security_group_rule" "icmp" {
  type              = "ingress"
  from_port         = -1
  to_port           = -1
  protocol          = "icmp"
  cidr_blocks       = ["0.0.0.0/0"]
  security_group_id = aws_security_group.nodes.id
}

resource "google_compute_firewall" "deny_all" {
  name    = "deny-all"
  network = "default"

  deny {
    protocol = "all"
  }

  source_ranges = ["0.0.0.0/0"]
}
