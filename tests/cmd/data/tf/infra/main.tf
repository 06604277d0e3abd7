variable "admin_cidrs" {
  default = ["10.0.0.0/8"]
}

resource "aws_security_group" "cp" {
  ingress {
    from_port   = 6443
    to_port     = 6443
    protocol    = "tcp"
    cidr_blocks = var.admin_cidrs
  }
}
