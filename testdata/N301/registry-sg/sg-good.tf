module "office_sg" {
  source  = "terraform-aws-modules/security-group/aws"
  version = "~> 5.1"

  name                = "office"
  ingress_cidr_blocks = ["203.0.113.0/24"]
  ingress_rules       = ["kubernetes-api-tcp"]
}

# Version 3 is not modelled: silent.
module "old_sg" {
  source  = "terraform-aws-modules/security-group/aws"
  version = "~> 3.18"

  name                = "old"
  ingress_cidr_blocks = ["0.0.0.0/0"]
  ingress_rules       = ["kubernetes-api-tcp"]
}

# A submodule: not modelled.
module "ssh_sg" {
  source  = "terraform-aws-modules/security-group/aws//modules/ssh"
  version = "~> 5.1"

  name                = "ssh"
  ingress_cidr_blocks = ["0.0.0.0/0"]
}
