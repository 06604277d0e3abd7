locals {
  ports = {
    api     = { port = 6443, cidrs = ["0.0.0.0/0"] }
    kubelet = { port = 10250, cidrs = [var.node_cidr] }
    https   = { port = 443, cidrs = ["0.0.0.0/0"] }
  }
}

variable "node_cidr" {
  default = "10.0.1.0/24"
}

resource "aws_security_group" "nodes" {
  name = "nodes"

  dynamic "ingress" {
    for_each = local.ports
    iterator = rule
    content {
      from_port   = rule.value.port
      to_port     = rule.value.port
      protocol    = "tcp"
      cidr_blocks = rule.value.cidrs # expect: N301
    }
  }
}

resource "aws_security_group_rule" "per_port" {
  for_each          = toset(["10257", "10259"])
  type              = "ingress"
  from_port         = tonumber(each.key)
  to_port           = tonumber(each.key)
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"] # expect: N301
  security_group_id = aws_security_group.nodes.id
}
