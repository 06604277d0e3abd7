data "aws_ami" "node" { # expect: H155
  most_recent = true
  filter {
    name   = "name"
    values = ["amazon-eks-node-al2023-x86_64-standard-1.31-v*"]
  }
}

data "aws_ami" "empty_owners" { # expect: H155
  owners     = []
  name_regex = "^ubuntu-jammy-22.04"
}

resource "aws_launch_template" "nodes" {
  name_prefix = "nodes-"
  image_id    = data.aws_ami.node.id
  metadata_options {
    http_tokens = "required"
  }
}
