variable "name" {
  type = string
}

variable "allowed" {
  type = list(string)
}

variable "ingress_csv" {
  type    = string
  default = "10.1.0.0/16"
}

resource "aws_security_group" "this" {
  name = var.name

  ingress {
    from_port   = 6443
    to_port     = 6443
    protocol    = "tcp"
    cidr_blocks = var.allowed
  }
}

resource "aws_security_group_rule" "csv" {
  type              = "ingress"
  from_port         = 10250
  to_port           = 10250
  protocol          = "tcp"
  cidr_blocks       = compact(split(",", var.ingress_csv))
  security_group_id = aws_security_group.this.id
}
