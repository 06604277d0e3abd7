# The variable has no default and no tfvars value: unknown, so silent.
variable "api_cidrs" {
  type = list(string)
}

resource "aws_security_group_rule" "api" {
  type              = "ingress"
  from_port         = 6443
  to_port           = 6443
  protocol          = "tcp"
  cidr_blocks       = var.api_cidrs
  security_group_id = aws_security_group.cp.id
}

resource "aws_security_group_rule" "api_from_data" {
  type              = "ingress"
  from_port         = 6443
  to_port           = 6443
  protocol          = "tcp"
  cidr_blocks       = [data.aws_vpc.main.cidr_block]
  security_group_id = aws_security_group.cp.id
}

# count = 0: the resource does not exist.
resource "aws_security_group_rule" "disabled" {
  count             = var.create ? 1 : 0
  type              = "ingress"
  from_port         = 6443
  to_port           = 6443
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
  security_group_id = aws_security_group.cp.id
}

variable "create" {
  default = false
}
