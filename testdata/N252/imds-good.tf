variable "hops" {
  type = number
}

resource "aws_launch_template" "nodes" {
  name_prefix = "nodes-"
  metadata_options {
    http_tokens                 = "required"
    http_put_response_hop_limit = 1
  }
}

resource "aws_launch_template" "no_imds" {
  name_prefix = "no-imds-"
  metadata_options {
    http_endpoint               = "disabled"
    http_put_response_hop_limit = 3
  }
}

resource "aws_instance" "unknown" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "m6i.large"
  metadata_options {
    http_tokens                 = "required"
    http_put_response_hop_limit = var.hops
  }
}

resource "aws_instance" "default" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "m6i.large"
  metadata_options {
    http_tokens = "required"
  }
}
