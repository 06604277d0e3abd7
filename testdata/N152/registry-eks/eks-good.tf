# v19 and later: private endpoint, audit log and secrets encryption by default.
module "private" {
  source  = "terraform-aws-modules/eks/aws"
  version = "~> 20.8"

  cluster_name    = "private"
  cluster_version = "1.35"
}

module "office" {
  source  = "registry.terraform.io/terraform-aws-modules/eks/aws"
  version = "20.8.4"

  cluster_name                         = "office"
  cluster_version                      = "1.35"
  cluster_endpoint_public_access       = true
  cluster_endpoint_public_access_cidrs = ["203.0.113.0/24"]
}

# A constraint spanning majors: which defaults apply is not known.
module "any_version" {
  source  = "terraform-aws-modules/eks/aws"
  version = ">= 18.0"

  cluster_name                   = "any"
  cluster_endpoint_public_access = true
}

# No version at all.
module "unpinned" {
  source = "terraform-aws-modules/eks/aws"

  cluster_name = "unpinned"
}

# Inputs only apply knows.
module "dynamic" {
  source  = "terraform-aws-modules/eks/aws"
  version = "~> 20.0"

  cluster_name                         = "dynamic"
  cluster_version                      = "1.35"
  cluster_endpoint_public_access       = var.public
  cluster_endpoint_public_access_cidrs = data.external.cidrs.result
}

# Not created.
module "off" {
  source  = "terraform-aws-modules/eks/aws"
  version = "18.31.2"
  create  = false
}

variable "public" {
  type = bool
}
