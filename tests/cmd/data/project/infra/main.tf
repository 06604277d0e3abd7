variable "admin_cidr" {
  type    = string
  default = "10.20.0.0/16"
}

resource "aws_vpc_security_group_ingress_rule" "api" {
  security_group_id = "sg-123"
  ip_protocol       = "tcp"
  from_port         = 6443
  to_port           = 6443
  cidr_ipv4         = var.admin_cidr
}
