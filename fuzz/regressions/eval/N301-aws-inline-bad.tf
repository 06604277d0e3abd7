resource "aws_security_group" "control_plane" {
  name   = "control-plane"
  vpc_id = var.vpc_id

  ingress {
    description = "API server"
    from_port   = 6443
    to_port     = 6443
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8", "0.0.0.0/0"] # expect: N301, N305
  }

  ingress {
    description      = "etcd, IPv6"
    from_port        = 2000
    to_port          = 3000
    protocol         = "tcp"
    ipv6_cidr_blocks = ["::/0"] # expect: N301
  }

  ingress {
    description = "HTTPS to the ingress controller is fine"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
