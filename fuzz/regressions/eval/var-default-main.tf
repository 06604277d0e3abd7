resource "aws_security_group" "api" {
  name = "api"

  ingress {
    from_port   = 6443
    to_port     = 6443
    protocol    = "tcp"
    cidr_blocks = var.api_cidrs # expect: N301
  }

  ingress {
    from_port   = 10255
    to_port     = 10255
    protocol    = "tcp"
    cidr_blocks = local.kubelet_sources # expect: N301
  }
}
