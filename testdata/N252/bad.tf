variable "hop_limit" {
  default = 2
}

resource "aws_launch_template" "nodes" {
  name_prefix = "nodes-"
  metadata_options {
    http_endpoint               = "enabled"
    http_tokens                 = "required"
    http_put_response_hop_limit = 2 # expect: N252
  }
}

resource "aws_instance" "worker" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "m6i.large"
  metadata_options {
    http_tokens                 = "required"
    http_put_response_hop_limit = var.hop_limit # expect: N252
  }
}
