variable "allowed" {
  type = list(string)
}

resource "aws_security_group_rule" "api" {
  type              = "ingress"
  from_port         = 6443
  to_port           = 6443
  protocol          = "tcp"
  cidr_blocks       = var.allowed
  security_group_id = "sg-1"
}
