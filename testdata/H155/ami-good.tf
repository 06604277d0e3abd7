variable "ami_owners" {
  type = list(string)
}

data "aws_ami" "owned" {
  most_recent = true
  owners      = ["amazon"]
  filter {
    name   = "name"
    values = ["amazon-eks-node-al2023-x86_64-standard-1.31-v*"]
  }
}

data "aws_ami" "owner_filter" {
  most_recent = true
  filter {
    name   = "owner-alias"
    values = ["amazon"]
  }
  filter {
    name   = "name"
    values = ["amzn2-ami-hvm-*"]
  }
}

data "aws_ami" "unknown_owners" {
  most_recent = true
  owners      = var.ami_owners
  name_regex  = "^flatcar-stable"
}

data "aws_ami" "dynamic_filters" {
  most_recent = true
  dynamic "filter" {
    for_each = var.ami_filters
    content {
      name   = filter.key
      values = filter.value
    }
  }
}
